//! Diesel models and the queries that read and write them.

pub mod api_token;
pub mod article;
pub mod attachment;
pub mod audit;
pub mod category;
pub mod conversation;
pub mod email_delivery;
pub mod email_preference;
pub mod event;
pub mod guest_access;
pub mod job;
pub mod login_failure;
pub mod message;
pub mod rate_limit;
pub mod rating;
pub mod report;
pub mod retention;
pub mod session;
pub mod setting;
pub mod sla;
pub mod ticket;
pub mod ticket_list;
pub mod triage;
pub mod user;
pub mod verification;
pub mod webhook;
