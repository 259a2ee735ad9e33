//! deskql: a helpdesk server whose one interface is a GraphQL API.
//!
//! Layers, outermost first: `http` (axum routes, auth extraction, origin checks) → `graphql`
//! (schema, guards, loaders, error codes) → `domain` (rules) and `services` (use cases over the
//! database) → `db` (Diesel models and queries). `events` fans ticket events out to subscribers.
//! `jobs` runs the background pipeline (triage through `ai`, assignment, email through `mail`).

pub mod ai;
pub mod app;
pub mod auth;
pub mod cli;
pub mod config;
pub mod db;
pub mod domain;
pub mod events;
pub mod graphql;
pub mod http;
pub mod jobs;
pub mod mail;
pub mod metrics;
pub mod queue;
pub mod seed;
pub mod server;
pub mod services;
pub mod storage;
pub mod telemetry;
pub mod webhooks;
