//! `/unsubscribe/{token}`: the `List-Unsubscribe` link of notification emails. A POST (the
//! one-click request mail clients send, RFC 8058) switches the email kind off; a GET shows a
//! page with a button that posts, so link scanners that fetch URLs change nothing.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};

use crate::http::HttpState;
use crate::services::preferences;

fn page(status: StatusCode, body: &str) -> Response {
    // Every piece of text here is ours; the token only reappears in the form's action, and it
    // is a JWT (base64url and dots).
    let body = format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Email preferences</title></head>\
         <body style=\"font-family: sans-serif; max-width: 640px;\">{body}</body></html>"
    );
    (
        status,
        [
            (CONTENT_TYPE, "text/html; charset=utf-8"),
            (CACHE_CONTROL, "no-store"),
        ],
        body,
    )
        .into_response()
}

fn is_token(token: &str) -> bool {
    !token.is_empty()
        && token.len() <= 2_000
        && token
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

pub async fn confirm_page(Path(token): Path<String>) -> Response {
    if !is_token(&token) {
        return page(StatusCode::BAD_REQUEST, "<h2>This link is not valid</h2>");
    }
    page(
        StatusCode::OK,
        &format!(
            "<h2>Stop these emails?</h2><form method=\"post\" action=\"/unsubscribe/{token}\">\
             <button type=\"submit\">Unsubscribe</button></form>"
        ),
    )
}

pub async fn unsubscribe(State(state): State<HttpState>, Path(token): Path<String>) -> Response {
    match preferences::unsubscribe_by_link(&state.app, &token).await {
        Ok(kind) => page(
            StatusCode::OK,
            &format!(
                "<h2>Unsubscribed</h2><p>You will no longer receive {kind} emails. You can switch \
                 them on again in your account's notification settings.</p>"
            ),
        ),
        Err(crate::domain::DomainError::InvalidCredentials(message)) => {
            page(StatusCode::BAD_REQUEST, &format!("<h2>{message}</h2>"))
        }
        Err(err) => {
            tracing::error!(error = ?err, "unsubscribe failed");
            page(
                StatusCode::SERVICE_UNAVAILABLE,
                "<h2>Something went wrong</h2><p>Please try again later.</p>",
            )
        }
    }
}
