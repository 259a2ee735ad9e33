//! Triage and drafting providers behind one type: the offline `builtin` analyzer, any
//! OpenAI-compatible chat-completions endpoint, or Gemini's `generateContent`. LLM answers are
//! parsed against a strict schema and then bounded like every other analysis, so nothing a
//! ticket's text says can widen what gets stored.

mod gemini;
mod openai;
mod schema;

use std::sync::Arc;
use std::time::Duration;

use crate::config::{PipelineConfig, TriageProviderKind};
use crate::domain::triage::draft::{DraftText, Turn, draft_text};
use crate::domain::triage::model::{self, TriageModel};
use crate::domain::triage::{
    Analysis, TriageInput, addresses_the_triage, builtin, checked_against,
};

/// Why a provider produced no usable answer. Every variant is one failed attempt.
#[derive(Debug)]
pub enum AiError {
    /// Connection failure or timeout.
    Transport(String),
    /// The endpoint answered with an error status.
    Status { status: u16, body: String },
    /// The answer did not match the schema (never stored).
    InvalidOutput(String),
}

impl AiError {
    /// Worth retrying soon (rate limits, server errors, network trouble).
    pub fn is_transient(&self) -> bool {
        match self {
            AiError::Transport(_) => true,
            AiError::Status { status, .. } => *status == 429 || *status >= 500,
            AiError::InvalidOutput(_) => false,
        }
    }
}

impl std::fmt::Display for AiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AiError::Transport(message) => write!(f, "provider unreachable: {message}"),
            AiError::Status { status, body } => write!(f, "provider answered {status}: {body}"),
            AiError::InvalidOutput(message) => write!(f, "invalid provider output: {message}"),
        }
    }
}

impl From<reqwest::Error> for AiError {
    fn from(err: reqwest::Error) -> Self {
        AiError::Transport(err.to_string())
    }
}

/// Sends a provider request and parses its JSON body; error statuses and unparsable bodies
/// become the matching [`AiError`].
async fn send_json<T: serde::de::DeserializeOwned>(
    request: reqwest::RequestBuilder,
) -> Result<T, AiError> {
    let response = request.send().await?;
    let status = response.status();
    if !status.is_success() {
        let body = response.text().await.unwrap_or_default();
        return Err(AiError::Status {
            status: status.as_u16(),
            body: body.chars().take(300).collect(),
        });
    }
    response
        .json()
        .await
        .map_err(|err| AiError::InvalidOutput(err.to_string()))
}

/// A drafted ticket: text plus the priority and category triage would give it.
#[derive(Debug, Clone)]
pub struct Draft {
    pub text: DraftText,
    pub analysis: Analysis,
    pub provider: &'static str,
}

#[derive(Debug, Clone)]
pub enum Provider {
    Builtin,
    OpenAi(openai::Client),
    Gemini(gemini::Client),
}

/// The builtin model, trained on first use (a fraction of a second in a release build,
/// seconds in a debug one) on a blocking thread, so async workers are never held up.
pub async fn builtin_model() -> Arc<TriageModel> {
    tokio::task::spawn_blocking(model::active)
        .await
        .unwrap_or_else(|_| model::active())
}

impl Provider {
    pub fn from_config(config: &PipelineConfig) -> anyhow::Result<Self> {
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(config.llm_timeout_secs))
            .user_agent(concat!("deskql/", env!("CARGO_PKG_VERSION")))
            .build()?;
        Ok(match config.triage_provider {
            TriageProviderKind::Builtin => Provider::Builtin,
            TriageProviderKind::Openai => Provider::OpenAi(openai::Client::new(http, config)),
            TriageProviderKind::Gemini => Provider::Gemini(gemini::Client::new(http, config)),
        })
    }

    pub fn name(&self) -> &'static str {
        match self {
            Provider::Builtin => builtin::PROVIDER,
            Provider::OpenAi(_) => "openai",
            Provider::Gemini(_) => "gemini",
        }
    }

    pub fn model(&self) -> &str {
        match self {
            Provider::Builtin => builtin::MODEL,
            Provider::OpenAi(client) => client.model(),
            Provider::Gemini(client) => client.model(),
        }
    }

    /// One analysis attempt.
    pub async fn analyze(&self, input: &TriageInput<'_>) -> Result<Analysis, AiError> {
        let answer = match self {
            Provider::Builtin => {
                let model = builtin_model().await;
                return Ok(builtin::analyze_with(input, &model));
            }
            Provider::OpenAi(client) => client.triage(input).await?,
            Provider::Gemini(client) => client.triage(input).await?,
        };
        let analysis = answer.into_analysis().bounded(input);
        if !addresses_the_triage(input) {
            return Ok(analysis);
        }
        // A model that obeyed the ticket is overruled by one that cannot read the order.
        let model = builtin_model().await;
        let reference = builtin::analyze_with(input, &model);
        Ok(checked_against(analysis, &reference))
    }

    /// Drafts a ticket from a transcript. LLM providers are tried a few times on transient
    /// errors; if they still fail the builtin draft is returned, since a suggestion that
    /// arrives beats an error while a customer waits.
    pub async fn draft(&self, turns: &[Turn], input: &TriageInput<'_>) -> Option<Draft> {
        // Every path below uses the builtin model (LLM drafts for their summary and notes).
        let model = builtin_model().await;
        if !matches!(self, Provider::Builtin) {
            match self.draft_with_llm(turns, input).await {
                Ok(draft) => return Some(draft),
                Err(err) => {
                    tracing::warn!(error = %err, "LLM draft failed; using the builtin draft")
                }
            }
        }
        let text = draft_text(turns)?;
        let analysis = builtin::analyze_with(
            &TriageInput {
                title: &text.title,
                description: &text.description,
                ..*input
            },
            &model,
        );
        Some(Draft {
            text,
            analysis,
            provider: builtin::PROVIDER,
        })
    }

    async fn draft_with_llm(
        &self,
        turns: &[Turn],
        input: &TriageInput<'_>,
    ) -> Result<Draft, AiError> {
        const ATTEMPTS: u32 = 3;
        let mut attempt = 0;
        loop {
            attempt += 1;
            let result = match self {
                Provider::Builtin => Err(AiError::InvalidOutput("builtin has no LLM".into())),
                Provider::OpenAi(client) => client.draft(turns, input).await,
                Provider::Gemini(client) => client.draft(turns, input).await,
            };
            match result {
                Ok(answer) => {
                    let (text, analysis) = answer.into_draft(input)?;
                    return Ok(Draft {
                        text,
                        analysis,
                        provider: self.name(),
                    });
                }
                Err(err) if err.is_transient() && attempt < ATTEMPTS => {
                    tokio::time::sleep(Duration::from_millis(200 * u64::from(attempt))).await;
                }
                Err(err) => return Err(err),
            }
        }
    }
}
