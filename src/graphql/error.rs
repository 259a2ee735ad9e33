//! The one place domain errors become GraphQL errors with an `extensions.code`.

use async_graphql::{Error, ErrorExtensions};

use crate::domain::DomainError;

pub mod code {
    pub const UNAUTHENTICATED: &str = "UNAUTHENTICATED";
    pub const FORBIDDEN: &str = "FORBIDDEN";
    pub const NOT_FOUND: &str = "NOT_FOUND";
    pub const BAD_USER_INPUT: &str = "BAD_USER_INPUT";
    pub const INVALID_TRANSITION: &str = "INVALID_TRANSITION";
    pub const CONFLICT: &str = "CONFLICT";
    pub const RATE_LIMITED: &str = "RATE_LIMITED";
    pub const TICKET_CLOSED: &str = "TICKET_CLOSED";
    pub const PAYLOAD_TOO_LARGE: &str = "PAYLOAD_TOO_LARGE";
    pub const ALREADY_MERGED: &str = "ALREADY_MERGED";
    pub const CONFIRMATION_REQUIRED: &str = "CONFIRMATION_REQUIRED";
    pub const INTERNAL_SERVER_ERROR: &str = "INTERNAL_SERVER_ERROR";
    pub const GRAPHQL_VALIDATION_FAILED: &str = "GRAPHQL_VALIDATION_FAILED";
    pub const RESUBSCRIBE: &str = "RESUBSCRIBE";
    pub const SUBSCRIPTION_LIMIT: &str = "SUBSCRIPTION_LIMIT";
    pub const SERVICE_UNAVAILABLE: &str = "SERVICE_UNAVAILABLE";
    pub const TIMEOUT: &str = "TIMEOUT";
}

pub const INTERNAL_MESSAGE: &str = "internal server error";

/// The code an error leaves with: its own, or by where it arose when it has none (errors
/// without a path were raised before execution: parse, validation, variables).
pub fn effective_code(error: &async_graphql::ServerError) -> &str {
    match error.extensions.as_ref().and_then(|e| e.get("code")) {
        Some(async_graphql::Value::String(code)) => code,
        _ if error.path.is_empty() => code::GRAPHQL_VALIDATION_FAILED,
        _ => code::BAD_USER_INPUT,
    }
}

/// An error raised outside a resolver (document checks, transport refusals), with its code.
pub fn coded_error(error_code: &str, message: impl Into<String>) -> async_graphql::ServerError {
    let mut error = async_graphql::ServerError::new(message, None);
    error
        .extensions
        .get_or_insert_with(Default::default)
        .set("code", error_code);
    error
}

impl From<DomainError> for Error {
    fn from(err: DomainError) -> Self {
        let message = err.message();
        match err {
            DomainError::Unauthenticated | DomainError::InvalidCredentials(_) => {
                Error::new(message).extend_with(|_, e| e.set("code", code::UNAUTHENTICATED))
            }
            DomainError::Forbidden => {
                Error::new(message).extend_with(|_, e| e.set("code", code::FORBIDDEN))
            }
            DomainError::NotFound(_) => {
                Error::new(message).extend_with(|_, e| e.set("code", code::NOT_FOUND))
            }
            DomainError::InvalidInput { field, .. } => Error::new(message).extend_with(|_, e| {
                e.set("code", code::BAD_USER_INPUT);
                e.set("field", field.as_str());
            }),
            DomainError::InvalidTransition { from, to, allowed } => Error::new(message)
                .extend_with(|_, e| {
                    e.set("code", code::INVALID_TRANSITION);
                    e.set("from", from.to_string());
                    e.set("to", to.to_string());
                    e.set(
                        "allowed",
                        allowed.iter().map(ToString::to_string).collect::<Vec<_>>(),
                    );
                }),
            DomainError::Conflict(_) => {
                Error::new(message).extend_with(|_, e| e.set("code", code::CONFLICT))
            }
            DomainError::TicketClosed { status } => Error::new(message).extend_with(|_, e| {
                e.set("code", code::TICKET_CLOSED);
                e.set("status", status.to_string());
            }),
            DomainError::AlreadyMerged { into, .. } => Error::new(message).extend_with(|_, e| {
                e.set("code", code::ALREADY_MERGED);
                e.set("mergedInto", into.as_str());
            }),
            DomainError::ConfirmationRequired(_) => {
                Error::new(message).extend_with(|_, e| e.set("code", code::CONFIRMATION_REQUIRED))
            }
            DomainError::PayloadTooLarge(_) => {
                Error::new(message).extend_with(|_, e| e.set("code", code::PAYLOAD_TOO_LARGE))
            }
            DomainError::RateLimited { retry_after_secs } => {
                Error::new(message).extend_with(|_, e| {
                    e.set("code", code::RATE_LIMITED);
                    e.set("retryAfter", retry_after_secs);
                })
            }
            DomainError::Unavailable(source) => {
                tracing::warn!(error = %source, "database unavailable");
                Error::new(message).extend_with(|_, e| e.set("code", code::SERVICE_UNAVAILABLE))
            }
            DomainError::Internal(source) => {
                // The request id is on the surrounding span; the HTTP layer adds it to the
                // response so a report can be matched to this line.
                tracing::error!(error = ?source, "internal error");
                Error::new(INTERNAL_MESSAGE)
                    .extend_with(|_, e| e.set("code", code::INTERNAL_SERVER_ERROR))
            }
        }
    }
}

pub type GqlResult<T> = async_graphql::Result<T>;
