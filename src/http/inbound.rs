//! `POST /inbound/email`: raw MIME (`message/rfc822`) from an inbound-mail service or an MTA
//! pipe, authenticated by `Authorization: Bearer $DESKQL_INBOUND_EMAIL_SECRET`. Answers what
//! became of the message as JSON; only failures worth retrying (database down) are 5xx.

use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::header::{AUTHORIZATION, RETRY_AFTER};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::json;
use sha2::{Digest, Sha256};

use crate::auth::Viewer;
use crate::domain::DomainError;
use crate::http::HttpState;
use crate::services::RequestContext;
use crate::services::inbound_mail::{self, Outcome};

pub async fn receive(State(state): State<HttpState>, headers: HeaderMap, body: Bytes) -> Response {
    let app = &state.app;
    let Some(secret) = &app.config.pipeline.inbound_email_secret else {
        return (StatusCode::NOT_FOUND, "inbound email is not enabled").into_response();
    };
    let presented = headers
        .get(AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or_default();
    // Equal digests, not equal strings: the comparison takes the same time wherever they differ.
    if Sha256::digest(presented.as_bytes()) != Sha256::digest(secret.expose().as_bytes()) {
        return error(
            StatusCode::UNAUTHORIZED,
            "UNAUTHENTICATED",
            "wrong or missing inbound secret",
        );
    }
    let ctx = RequestContext {
        state: app.clone(),
        viewer: Viewer::Anonymous,
        // The caller is the mail service, not the customer; guest limits apply per address.
        client_ip: None,
        request_id: None,
    };
    match inbound_mail::receive(&ctx, &body, secret.expose()).await {
        Ok(outcome) => (StatusCode::OK, Json(describe(outcome))).into_response(),
        Err(err) => failure(err),
    }
}

fn describe(outcome: Outcome) -> serde_json::Value {
    match outcome {
        Outcome::Replied { ticket_number } => {
            json!({ "outcome": "REPLIED", "ticketNumber": ticket_number })
        }
        Outcome::Created { ticket_number } => {
            json!({ "outcome": "CREATED", "ticketNumber": ticket_number })
        }
        Outcome::Ignored { reason } => json!({ "outcome": "IGNORED", "reason": reason }),
        Outcome::Refused { reason } => json!({ "outcome": "REFUSED", "reason": reason }),
    }
}

fn error(status: StatusCode, code: &str, message: &str) -> Response {
    (
        status,
        Json(json!({ "error": { "code": code, "message": message } })),
    )
        .into_response()
}

fn failure(err: DomainError) -> Response {
    let message = err.message();
    match err {
        DomainError::InvalidInput { field, message } => (
            StatusCode::BAD_REQUEST,
            Json(json!({ "error": { "code": "BAD_USER_INPUT", "field": field, "message": message } })),
        )
            .into_response(),
        DomainError::PayloadTooLarge(_) => {
            error(StatusCode::PAYLOAD_TOO_LARGE, "PAYLOAD_TOO_LARGE", &message)
        }
        DomainError::RateLimited { retry_after_secs } => {
            let mut response = error(StatusCode::TOO_MANY_REQUESTS, "RATE_LIMITED", &message);
            response
                .headers_mut()
                .insert(RETRY_AFTER, HeaderValue::from(retry_after_secs.max(1)));
            response
        }
        DomainError::Internal(source) | DomainError::Unavailable(source) => {
            tracing::error!(error = ?source, "inbound email failed");
            error(
                StatusCode::SERVICE_UNAVAILABLE,
                "SERVICE_UNAVAILABLE",
                "the message was not stored; deliver it again later",
            )
        }
        other => error(StatusCode::UNPROCESSABLE_ENTITY, "REFUSED", &other.message()),
    }
}
