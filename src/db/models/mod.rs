//! Diesel models and the queries that read and write them.

pub mod api_token;
pub mod article;
pub mod attachment;
pub mod audit;
pub mod category;
pub mod conversation;
pub mod duplicate;
pub mod email_delivery;
pub mod email_preference;
pub mod event;
pub mod guest_access;
pub mod job;
mod live_ticket;
pub mod login_failure;
pub mod macro_row;
pub mod message;
pub mod rate_limit;
pub mod rating;
pub mod report;
pub mod retention;
pub mod saved_view;
pub mod session;
pub mod setting;
pub mod sla;
pub mod tag;
pub mod ticket;
pub mod ticket_list;
pub mod ticket_search;
pub mod triage;
pub mod triage_learning;
pub mod user;
pub mod verification;
pub mod webhook;

/// The write broke a unique constraint (a name already taken, for example).
pub fn is_unique_violation(err: &diesel::result::Error) -> bool {
    matches!(
        err,
        diesel::result::Error::DatabaseError(diesel::result::DatabaseErrorKind::UniqueViolation, _)
    )
}
