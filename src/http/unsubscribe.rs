//! `/unsubscribe/{token}`: the `List-Unsubscribe` link of notification emails. A POST (the
//! one-click request mail clients send, RFC 8058) switches the email kind off; a GET shows a
//! page with a button that posts, so link scanners that fetch URLs change nothing.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;

use crate::http::{HttpState, page};
use crate::services::preferences;

/// A JWT's characters only (base64url and dots): the token is written back into the page's
/// form action.
fn is_token(token: &str) -> bool {
    !token.is_empty()
        && token.len() <= 2_000
        && token
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

pub async fn confirm_page(Path(token): Path<String>) -> Response {
    if !is_token(&token) {
        return page::message(
            StatusCode::BAD_REQUEST,
            "This link is not valid",
            "The unsubscribe link is incomplete.",
        );
    }
    page::html(
        StatusCode::OK,
        "Stop these emails?",
        &format!(
            "<h2>Stop these emails?</h2><form method=\"post\" action=\"/unsubscribe/{token}\">\
             <button type=\"submit\">Unsubscribe</button></form>"
        ),
    )
}

pub async fn unsubscribe(State(state): State<HttpState>, Path(token): Path<String>) -> Response {
    match preferences::unsubscribe_by_link(&state.app, &token).await {
        Ok(kind) => page::message(
            StatusCode::OK,
            "Unsubscribed",
            &format!(
                "You will no longer receive {kind} emails. You can switch them on again in your \
                 account's notification settings."
            ),
        ),
        Err(crate::domain::DomainError::InvalidCredentials(message)) => {
            page::message(StatusCode::BAD_REQUEST, "This link does not work", message)
        }
        Err(err) => {
            tracing::error!(error = ?err, "unsubscribe failed");
            page::message(
                StatusCode::SERVICE_UNAVAILABLE,
                "Something went wrong",
                "Please try again later.",
            )
        }
    }
}
