//! Use cases: each public function is one thing a caller can do, with its permission check,
//! validation and transaction. The GraphQL layer only translates to and from these.

pub mod accounts;
pub mod alerts;
pub mod api_tokens;
pub mod articles;
pub mod assignment;
pub mod attachments;
pub mod audit;
pub mod categories;
pub mod conversations;
pub mod duplicates;
pub mod export;
pub mod filed_batch;
pub mod filing;
pub mod guest_access;
pub mod inbound_mail;
pub mod intake;
pub mod jobs;
pub mod lifecycle;
pub mod limits;
pub mod macros;
pub mod maintenance;
pub mod merge;
pub mod messages;
pub mod notifications;
pub mod notify;
pub mod preferences;
pub mod reports;
pub mod satisfaction;
pub mod search;
pub mod sla;
pub mod tags;
pub mod tickets;
pub mod triage;
pub mod triage_eval;
pub mod triage_learning;
pub mod users;
pub mod verification;
pub mod views;
pub mod webhooks;

use std::net::IpAddr;

use crate::app::AppState;
use crate::auth::Viewer;
use crate::domain::DomainError;

/// Who is asking, from where, on which server.
#[derive(Clone)]
pub struct RequestContext {
    pub state: AppState,
    pub viewer: Viewer,
    pub client_ip: Option<IpAddr>,
    /// The HTTP request's `x-request-id`, for the audit trail (None off HTTP requests).
    pub request_id: Option<String>,
}

/// A write refused because the caller already has a `what` named `name` (CONFLICT); any
/// other database error as it is.
pub(crate) fn name_taken_or(err: diesel::result::Error, what: &str, name: &str) -> DomainError {
    if crate::db::models::is_unique_violation(&err) {
        DomainError::Conflict(format!("you already have a {what} named {name:?}"))
    } else {
        err.into()
    }
}
