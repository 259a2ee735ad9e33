//! `GET /rate/{token}?score=N`: the one-click satisfaction links of a resolution email. The
//! answer is a small page a person reads in their browser.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;

use crate::domain::DomainError;
use crate::http::{HttpState, page};
use crate::services::satisfaction;

#[derive(Deserialize)]
pub struct RateParams {
    score: Option<String>,
}

pub async fn rate(
    State(state): State<HttpState>,
    Path(token): Path<String>,
    Query(params): Query<RateParams>,
) -> Response {
    let Some(score) = params.score.and_then(|score| score.parse::<i32>().ok()) else {
        return page::message(
            StatusCode::BAD_REQUEST,
            "Choose a score",
            "The link needs a score from 1 to 5.",
        );
    };
    match satisfaction::rate_by_link(&state.app, &token, score).await {
        Ok((number, rating)) => page::message(
            StatusCode::OK,
            "Thank you",
            &format!(
                "You rated {number} {}/5. Clicking another score in the email within a week changes it.",
                rating.score
            ),
        ),
        Err(DomainError::InvalidInput { .. }) => page::message(
            StatusCode::BAD_REQUEST,
            "Choose a score",
            "The score must be from 1 to 5.",
        ),
        Err(DomainError::InvalidCredentials(_)) => page::message(
            StatusCode::UNAUTHORIZED,
            "This link does not work",
            "The rating link is invalid or has expired.",
        ),
        Err(DomainError::Conflict(_) | DomainError::NotFound(_)) => page::message(
            StatusCode::CONFLICT,
            "This ticket cannot be rated now",
            "It was reopened since this email, or its rating can no longer be changed.",
        ),
        Err(other) => {
            if let DomainError::Internal(source) | DomainError::Unavailable(source) = &other {
                tracing::error!(error = ?source, "rating link failed");
            }
            page::message(
                StatusCode::SERVICE_UNAVAILABLE,
                "Please try again",
                "We could not record your rating just now.",
            )
        }
    }
}
