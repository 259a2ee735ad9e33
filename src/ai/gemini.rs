//! Gemini's native `POST {base}/v1beta/models/{model}:generateContent` with a response schema.

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use super::schema::{
    DRAFT_INSTRUCTIONS, LlmDraft, LlmTriage, TRIAGE_INSTRUCTIONS, draft_document,
    draft_gemini_schema, parse_answer, triage_document, triage_gemini_schema,
};
use super::{AiError, send_json};
use crate::config::PipelineConfig;
use crate::domain::triage::TriageInput;
use crate::domain::triage::draft::Turn;

const DEFAULT_BASE_URL: &str = "https://generativelanguage.googleapis.com";
const DEFAULT_MODEL: &str = "gemini-2.0-flash";

#[derive(Debug, Clone)]
pub struct Client {
    http: reqwest::Client,
    endpoint: String,
    api_key: Option<crate::config::Secret>,
    model: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct GenerateRequest {
    system_instruction: Value,
    contents: Value,
    generation_config: Value,
}

#[derive(Deserialize)]
struct GenerateResponse {
    #[serde(default)]
    candidates: Vec<Candidate>,
}

#[derive(Deserialize)]
struct Candidate {
    content: Option<Content>,
}

#[derive(Deserialize)]
struct Content {
    #[serde(default)]
    parts: Vec<Part>,
}

#[derive(Deserialize)]
struct Part {
    text: Option<String>,
}

impl Client {
    pub fn new(http: reqwest::Client, config: &PipelineConfig) -> Self {
        let base = config.llm_base_url.as_deref().unwrap_or(DEFAULT_BASE_URL);
        let model = config
            .llm_model
            .clone()
            .unwrap_or_else(|| DEFAULT_MODEL.to_owned());
        Self {
            http,
            endpoint: format!(
                "{}/v1beta/models/{model}:generateContent",
                base.trim_end_matches('/')
            ),
            api_key: config.llm_api_key.clone(),
            model,
        }
    }

    pub fn model(&self) -> &str {
        &self.model
    }

    pub async fn triage(&self, input: &TriageInput<'_>) -> Result<LlmTriage, AiError> {
        let answer = self
            .generate(
                TRIAGE_INSTRUCTIONS,
                &triage_document(input),
                triage_gemini_schema(input.categories),
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
            .generate(
                DRAFT_INSTRUCTIONS,
                &draft_document(turns, input),
                draft_gemini_schema(input.categories),
            )
            .await?;
        parse_answer(&answer)
    }

    async fn generate(
        &self,
        instructions: &str,
        document: &str,
        schema: Value,
    ) -> Result<String, AiError> {
        let body = GenerateRequest {
            system_instruction: json!({ "parts": [{ "text": instructions }] }),
            contents: json!([{ "role": "user", "parts": [{ "text": document }] }]),
            generation_config: json!({
                "responseMimeType": "application/json",
                "responseSchema": schema,
                "temperature": 0.0
            }),
        };
        let mut request = self.http.post(&self.endpoint).json(&body);
        if let Some(key) = self.api_key.as_ref().map(crate::config::Secret::expose) {
            request = request.header("x-goog-api-key", key);
        }
        let parsed: GenerateResponse = send_json(request).await?;
        parsed
            .candidates
            .into_iter()
            .next()
            .and_then(|c| c.content)
            .and_then(|c| c.parts.into_iter().find_map(|p| p.text))
            .ok_or_else(|| AiError::InvalidOutput("no candidate text".into()))
    }
}
