//! Business rules, free of GraphQL and SQL: who may do what, what a valid ticket is, and how
//! a ticket moves through its lifecycle.

pub mod assignment;
pub mod attachment;
pub mod email_reply;
pub mod error;
pub mod history;
pub mod macro_template;
pub mod markdown;
pub mod roles;
pub mod skills;
pub mod sla;
pub mod tags;
pub mod thread;
pub mod ticket;
pub mod triage;
pub mod validation;
pub mod webhook;
pub mod workflow;

pub use error::{DomainError, DomainResult};
