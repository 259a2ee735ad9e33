//! End-to-end tests: real GraphQL over HTTP and WebSocket against the real router, each test
//! on its own fresh PostgreSQL database.

mod accounts;
mod api_tokens;
mod articles;
mod attachments;
mod common;
mod conversations;
mod cors;
mod database_outage;
mod email;
mod event_stream;
mod export;
mod hostile_documents;
mod http_conventions;
mod inbound_email;
mod lifecycle;
mod notifications;
mod operations_safety;
mod permissions;
mod pipeline;
mod processes;
mod providers;
mod race_limits;
mod reports;
mod satisfaction;
mod schema_file;
mod search;
mod sla;
mod statement_count;
mod subscriptions;
mod thread;
mod tickets;
mod tracking;
mod webhooks;
mod workflow;
mod ws_protocol;
