//! The job queue's vocabulary, a leaf every layer may use: task names, attempts and
//! priorities, the payload of the jobs a filing queues, the retry backoff, and
//! graphile_worker's schema. Services enqueue with these
//! (through `db::models::job`); `jobs` defines the handlers that run them.

mod backoff;
mod connection;
mod filed;

pub use backoff::Backoff;
pub use connection::{QUEUE_SCHEMA, queue_utils};
pub use filed::{FILED_CHUNK, FiledTickets};

pub const TRIAGE_TICKET: &str = "triage_ticket";
pub const ASSIGN_TICKET: &str = "assign_ticket";
pub const FIND_DUPLICATES: &str = "find_duplicates";
pub const SEND_EMAIL: &str = "send_email";
pub const PURGE_TRASH: &str = "purge_trash";
pub const SLA_DEADLINE: &str = "sla_deadline";
pub const SLA_REEVALUATE: &str = "sla_reevaluate";
pub const AUTO_CLOSE: &str = "auto_close";
pub const UNASSIGNED_ALERT: &str = "unassigned_alert";
pub const DELIVER_WEBHOOKS: &str = "deliver_webhooks";
pub const RETRAIN_TRIAGE: &str = "retrain_triage";

/// Attempts before a job is parked as failed (the database triggers use the same numbers for
/// triage, 5, and email, 10).
pub const ASSIGN_MAX_ATTEMPTS: i32 = 5;
/// Ahead of triage (0) and email (10).
pub const ASSIGN_PRIORITY: i32 = -5;
pub const EMAIL_MAX_ATTEMPTS: i32 = 10;
/// Triage's attempts and priority, as the filing trigger queues it.
pub const TRIAGE_MAX_ATTEMPTS: i32 = 5;
pub const TRIAGE_PRIORITY: i32 = 0;
/// The duplicate search's, as the filing trigger queues it: after triage, before email.
pub const DUPLICATES_MAX_ATTEMPTS: i32 = 3;
pub const DUPLICATES_PRIORITY: i32 = 5;
pub const EMAIL_PRIORITY: i32 = 10;
