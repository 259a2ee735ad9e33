//! Sending: one job per endpoint and ticket sends that ticket's pending deliveries oldest
//! first, so a receiver sees each ticket's events in order. A failure records the attempt,
//! schedules the retry with backoff and ends the job; the endpoint's other tickets go on.
//! Too many failures in a row disable the endpoint and email the admins.

use chrono::{DateTime, TimeDelta, Utc};
use diesel_async::{AsyncConnection, AsyncPgConnection};
use serde::{Deserialize, Serialize};
use serde_json::json;
use uuid::Uuid;

use crate::app::AppState;
use crate::db::models::job::{self, NewJob};
use crate::db::models::user::User;
use crate::db::models::webhook::{
    self as model, NewWebhookAttempt, WebhookDelivery, WebhookEndpoint,
};
use crate::domain::roles::Role;
use crate::domain::webhook::validate_url;
use crate::queue::{self, Backoff};
use crate::services::notifications::EmailKind;
use crate::webhooks::{Outcome, SignedRequest};

mod payload;

/// Attempts per delivery before it is marked FAILED (about five hours with the default
/// backoff of 2 s doubling up to an hour).
pub const MAX_ATTEMPTS: i32 = 15;

/// The payload of a `deliver_webhooks` job (written by the database trigger).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SenderJob {
    pub endpoint_id: Uuid,
    pub ticket_id: Uuid,
}

enum Next {
    /// Sent, or given up for good: on to the ticket's next delivery.
    Continue,
    /// Waiting for a retry (already scheduled) or nothing left: the job is done.
    Stop,
}

pub async fn send_pending(state: &AppState, job: &SenderJob) -> anyhow::Result<()> {
    while let Next::Continue = send_next(state, job).await? {}
    Ok(())
}

async fn send_next(state: &AppState, job: &SenderJob) -> anyhow::Result<Next> {
    let mut conn = state.pool.get().await?;
    let endpoint = match WebhookEndpoint::find(&mut conn, job.endpoint_id).await? {
        Some(endpoint) if endpoint.active => endpoint,
        // Switching the endpoint back on queues what waited.
        _ => return Ok(Next::Stop),
    };
    let Some(delivery) =
        WebhookDelivery::next_pending(&mut conn, endpoint.id, job.ticket_id).await?
    else {
        return Ok(Next::Stop);
    };
    if delivery.next_attempt_at > Utc::now() {
        // Woken early (a new event while a retry waits): keep the retry's time.
        model::schedule_sender(
            &mut conn,
            endpoint.id,
            job.ticket_id,
            Some(delivery.next_attempt_at),
        )
        .await?;
        return Ok(Next::Stop);
    }
    let body = match &delivery.body {
        Some(body) => body.clone(),
        None => {
            let body = payload::build(&mut conn, &delivery).await?.to_string();
            WebhookDelivery::fix_body(&mut conn, delivery.id, &body).await?;
            body
        }
    };
    drop(conn);
    let outcome = post(state, &endpoint, &delivery, &body).await?;
    let mut conn = state.pool.get().await?;
    let next = conn
        .transaction(async |conn| record(conn, state, &endpoint, &delivery, &outcome).await)
        .await?;
    Ok(next)
}

async fn post(
    state: &AppState,
    endpoint: &WebhookEndpoint,
    delivery: &WebhookDelivery,
    body: &str,
) -> anyhow::Result<Outcome> {
    let allow_private = state.config.pipeline.webhook_allow_private;
    // Literal addresses never pass through the resolver's guard; the setting may also
    // have changed since the URL was saved.
    if let Err(err) = validate_url(&endpoint.url, allow_private) {
        return Ok(Outcome {
            status: None,
            latency: std::time::Duration::ZERO,
            snippet: String::new(),
            error: Some(err.message()),
        });
    }
    let webhook_id = delivery.id.to_string();
    state
        .pipeline
        .webhooks
        .send(SignedRequest {
            url: &endpoint.url,
            webhook_id: &webhook_id,
            body,
            secrets: endpoint.signing_secrets(Utc::now()),
        })
        .await
}

async fn record(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    endpoint: &WebhookEndpoint,
    delivery: &WebhookDelivery,
    outcome: &Outcome,
) -> anyhow::Result<Next> {
    NewWebhookAttempt {
        delivery_id: delivery.id,
        status_code: outcome.status.map(i32::from),
        latency_ms: i32::try_from(outcome.latency.as_millis()).unwrap_or(i32::MAX),
        response_snippet: &outcome.snippet,
        error: outcome.error.as_deref(),
    }
    .insert(conn)
    .await?;
    if outcome.succeeded() {
        WebhookDelivery::mark_delivered(conn, delivery.id).await?;
        WebhookEndpoint::reset_failures(conn, endpoint.id).await?;
        return Ok(Next::Continue);
    }
    let attempts = delivery.attempts + 1;
    let retry_at = (attempts < MAX_ATTEMPTS).then(|| retry_time(state, attempts));
    WebhookDelivery::mark_failed_attempt(conn, delivery.id, retry_at).await?;
    let failures = WebhookEndpoint::count_failure(conn, endpoint.id).await?;
    if failures >= state.config.pipeline.webhook_disable_after {
        let reason = format!("{failures} failed deliveries in a row");
        if WebhookEndpoint::disable(conn, endpoint.id, &reason).await? {
            tracing::warn!(endpoint = %endpoint.id, failures, "webhook endpoint disabled");
            email_admins(conn, endpoint.id).await?;
        }
        return Ok(Next::Stop);
    }
    match retry_at {
        Some(at) => {
            model::schedule_sender(conn, endpoint.id, delivery.ticket_id, Some(at)).await?;
            Ok(Next::Stop)
        }
        None => Ok(Next::Continue),
    }
}

fn retry_time(state: &AppState, attempts: i32) -> DateTime<Utc> {
    let config = &state.config.pipeline;
    let backoff = Backoff {
        base: std::time::Duration::from_millis(config.job_retry_base_ms),
        max: std::time::Duration::from_secs(config.job_retry_max_secs),
    };
    let delay = backoff.delay(attempts.unsigned_abs(), &mut rand::rng());
    Utc::now() + TimeDelta::from_std(delay).unwrap_or(TimeDelta::hours(1))
}

/// Every active admin hears that the endpoint was switched off (in the same transaction).
async fn email_admins(conn: &mut AsyncPgConnection, endpoint_id: Uuid) -> anyhow::Result<()> {
    let admins = User::active_with_role(conn, Role::Admin, 50).await?;
    let stamp = Utc::now().timestamp();
    let emails = admins
        .iter()
        .map(|admin| NewJob {
            task: queue::SEND_EMAIL,
            payload: json!({
                "kind": EmailKind::WebhookDisabled,
                "endpoint_id": endpoint_id,
                "user_id": admin.id,
                "message_key": format!("webhook-disabled.{endpoint_id}.{stamp}.{}", admin.id),
            }),
            max_attempts: queue::EMAIL_MAX_ATTEMPTS,
            priority: queue::EMAIL_PRIORITY,
            job_key: None,
            run_at: None,
        })
        .collect();
    job::enqueue_all(conn, emails).await?;
    Ok(())
}
