//! The `deskql` command line.

use clap::{Parser, Subcommand};

use crate::config::{DatabaseConfig, ServerConfig, TelemetryConfig};

#[derive(Debug, Parser)]
#[command(name = "deskql", version, about = "Helpdesk server with a GraphQL API")]
pub struct Cli {
    #[command(flatten)]
    pub database: DatabaseConfig,

    #[command(flatten)]
    pub telemetry: TelemetryConfig,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the HTTP/WebSocket server and job workers (the default).
    Serve(Box<ServerConfig>),
    /// Run job workers only (triage, assignment, email, purge), to scale them out.
    Worker(Box<ServerConfig>),
    /// Create the database if needed and apply pending migrations.
    Migrate,
    /// Print the GraphQL schema (SDL).
    Schema,
    /// Create (or promote) an administrator. The password is read from
    /// `DESKQL_ADMIN_PASSWORD` or, when unset, from the first line of standard input.
    CreateAdmin {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
    },
    /// Run the configured triage provider over a labelled JSONL file (the format of
    /// `corpus/triage/`) and print category, priority and skill metrics.
    TriageEval {
        file: std::path::PathBuf,
        /// With the builtin provider: train its model on this labelled file instead of the
        /// shipped corpus (to see how it would do on a deployment's own tickets; keep the
        /// evaluated file apart from it).
        #[arg(long)]
        train: Option<std::path::PathBuf>,
        #[command(flatten)]
        pipeline: Box<crate::config::PipelineConfig>,
    },
    /// Score labelled ticket pairs (the format of `corpus/duplicates/pairs.jsonl`) with the
    /// duplicate detector of the migrated database and print its precision and recall.
    DuplicatesEval { file: std::path::PathBuf },
    /// Fill the database with deterministic demo data (also the benchmark data set).
    SeedDemo {
        #[arg(long, default_value_t = 1_000)]
        users: u32,
        #[arg(long, default_value_t = 100_000)]
        tickets: u32,
    },
}
