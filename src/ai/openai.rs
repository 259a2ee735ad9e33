//! Any OpenAI-compatible `POST {base}/chat/completions` endpoint (OpenAI, Ollama, vLLM,
//! llama.cpp, Gemini's compatibility layer) with strict JSON-schema structured output.

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use super::schema::{
    DRAFT_INSTRUCTIONS, LlmDraft, LlmTriage, TRIAGE_INSTRUCTIONS, draft_document,
    draft_json_schema, parse_answer, triage_document, triage_json_schema,
};
use super::{AiError, send_json};
use crate::config::PipelineConfig;
use crate::domain::triage::TriageInput;
use crate::domain::triage::draft::Turn;

const DEFAULT_BASE_URL: &str = "https://api.openai.com/v1";
const DEFAULT_MODEL: &str = "gpt-4o-mini";

#[derive(Debug, Clone)]
pub struct Client {
    http: reqwest::Client,
    endpoint: String,
    api_key: Option<crate::config::Secret>,
    model: String,
}

#[derive(Serialize)]
struct ChatRequest<'a> {
    model: &'a str,
    messages: [Message<'a>; 2],
    response_format: Value,
    temperature: f32,
}

#[derive(Serialize)]
struct Message<'a> {
    role: &'a str,
    content: &'a str,
}

#[derive(Deserialize)]
struct ChatResponse {
    choices: Vec<Choice>,
}

#[derive(Deserialize)]
struct Choice {
    message: AnswerMessage,
}

#[derive(Deserialize)]
struct AnswerMessage {
    content: Option<String>,
    refusal: Option<String>,
}

impl Client {
    pub fn new(http: reqwest::Client, config: &PipelineConfig) -> Self {
        let base = config.llm_base_url.as_deref().unwrap_or(DEFAULT_BASE_URL);
        Self {
            http,
            endpoint: format!("{}/chat/completions", base.trim_end_matches('/')),
            api_key: config.llm_api_key.clone(),
            model: config
                .llm_model
                .clone()
                .unwrap_or_else(|| DEFAULT_MODEL.to_owned()),
        }
    }

    pub fn model(&self) -> &str {
        &self.model
    }

    pub async fn triage(&self, input: &TriageInput<'_>) -> Result<LlmTriage, AiError> {
        let answer = self
            .complete(
                TRIAGE_INSTRUCTIONS,
                &triage_document(input),
                "ticket_triage",
                triage_json_schema(input.categories),
            )
            .await?;
        parse_answer(&answer)
    }

    pub async fn draft(
        &self,
        turns: &[Turn],
        input: &TriageInput<'_>,
    ) -> Result<LlmDraft, AiError> {
        let answer = self
            .complete(
                DRAFT_INSTRUCTIONS,
                &draft_document(turns, input),
                "ticket_draft",
                draft_json_schema(input.categories),
            )
            .await?;
        parse_answer(&answer)
    }

    async fn complete(
        &self,
        instructions: &str,
        document: &str,
        schema_name: &str,
        schema: Value,
    ) -> Result<String, AiError> {
        let body = ChatRequest {
            model: &self.model,
            messages: [
                Message {
                    role: "system",
                    content: instructions,
                },
                Message {
                    role: "user",
                    content: document,
                },
            ],
            response_format: json!({
                "type": "json_schema",
                "json_schema": { "name": schema_name, "strict": true, "schema": schema }
            }),
            temperature: 0.0,
        };
        let mut request = self.http.post(&self.endpoint).json(&body);
        if let Some(key) = self.api_key.as_ref().map(crate::config::Secret::expose) {
            request = request.bearer_auth(key);
        }
        let parsed: ChatResponse = send_json(request).await?;
        let message = parsed
            .choices
            .into_iter()
            .next()
            .ok_or_else(|| AiError::InvalidOutput("no choices".into()))?
            .message;
        if let Some(refusal) = message.refusal {
            return Err(AiError::InvalidOutput(format!("model refused: {refusal}")));
        }
        message
            .content
            .ok_or_else(|| AiError::InvalidOutput("empty message".into()))
    }
}
