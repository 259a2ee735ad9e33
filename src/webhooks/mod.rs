//! The webhook transport: an HTTP client that refuses private addresses when it connects, and
//! Standard Webhooks signing. What to send and when is `services::webhooks`.

mod guard;

use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::Context;
use standardwebhooks::Webhook;

use guard::{GuardedResolver, redirect_policy};

/// A request may take this long, connection included.
const TIMEOUT: Duration = Duration::from_secs(10);
/// Bytes of a response read at most (the rest is never downloaded).
const RESPONSE_CAP: usize = 16 * 1024;
/// Characters of the response kept in the delivery log.
const SNIPPET_CHARS: usize = 1000;

pub struct WebhookSender {
    client: reqwest::Client,
}

/// One signed request, ready to send.
pub struct SignedRequest<'a> {
    pub url: &'a str,
    pub webhook_id: &'a str,
    pub body: &'a str,
    /// The current secret first, then one in its rotation grace period.
    pub secrets: Vec<&'a str>,
}

/// What came back; `status` is `None` when no response arrived.
pub struct Outcome {
    pub status: Option<u16>,
    pub latency: Duration,
    pub snippet: String,
    pub error: Option<String>,
}

impl Outcome {
    pub fn succeeded(&self) -> bool {
        self.status.is_some_and(|s| (200..300).contains(&s))
    }
}

impl WebhookSender {
    /// `allow_private` lifts the address guard (tests, and receivers on the same network).
    pub fn new(allow_private: bool) -> anyhow::Result<Self> {
        let client = reqwest::Client::builder()
            .timeout(TIMEOUT)
            .connect_timeout(TIMEOUT)
            // A proxy would resolve the host itself, out of the guard's sight.
            .no_proxy()
            .dns_resolver(Arc::new(GuardedResolver { allow_private }))
            .redirect(redirect_policy(allow_private))
            .user_agent(concat!("deskql-webhooks/", env!("CARGO_PKG_VERSION")))
            .build()
            .context("webhook HTTP client")?;
        Ok(Self { client })
    }

    pub async fn send(&self, request: SignedRequest<'_>) -> anyhow::Result<Outcome> {
        let timestamp = chrono::Utc::now().timestamp();
        let signature = sign(&request, timestamp)?;
        let started = Instant::now();
        let sent = self
            .client
            .post(request.url)
            .header("content-type", "application/json")
            .header(standardwebhooks::HEADER_WEBHOOK_ID, request.webhook_id)
            .header(standardwebhooks::HEADER_WEBHOOK_TIMESTAMP, timestamp)
            .header(standardwebhooks::HEADER_WEBHOOK_SIGNATURE, signature)
            .body(request.body.to_owned())
            .send()
            .await;
        let mut response = match sent {
            Ok(response) => response,
            Err(err) => {
                return Ok(Outcome {
                    status: None,
                    latency: started.elapsed(),
                    snippet: String::new(),
                    error: Some(describe(&err)),
                });
            }
        };
        let status = response.status().as_u16();
        let mut body = Vec::new();
        let mut error = None;
        while body.len() < RESPONSE_CAP {
            match response.chunk().await {
                Ok(Some(chunk)) => body.extend_from_slice(&chunk),
                Ok(None) => break,
                Err(err) => {
                    error = Some(describe(&err));
                    break;
                }
            }
        }
        body.truncate(RESPONSE_CAP);
        Ok(Outcome {
            status: Some(status),
            latency: started.elapsed(),
            snippet: String::from_utf8_lossy(&body)
                .chars()
                .take(SNIPPET_CHARS)
                .collect(),
            error,
        })
    }
}

/// `v1,<sig>` per secret, space-separated, as the spec has it for rotations.
fn sign(request: &SignedRequest<'_>, timestamp: i64) -> anyhow::Result<String> {
    let signatures = request
        .secrets
        .iter()
        .map(|secret| {
            Webhook::new(secret)
                .and_then(|key| key.sign(request.webhook_id, timestamp, request.body.as_bytes()))
                .map_err(|err| anyhow::anyhow!("cannot sign webhook: {err:?}"))
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    Ok(signatures.join(" "))
}

/// A new `whsec_` secret: 32 random bytes, base64.
pub fn generate_secret() -> String {
    use base64::Engine;
    let bytes: [u8; 32] = rand::random();
    format!(
        "whsec_{}",
        base64::engine::general_purpose::STANDARD.encode(bytes)
    )
}

/// The error and its causes on one line, for the delivery log (a refused address says so).
fn describe(err: &reqwest::Error) -> String {
    let mut text = if err.is_timeout() {
        "timed out".to_owned()
    } else {
        err.to_string()
    };
    let mut source = std::error::Error::source(err);
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}
