//! Runtime settings: every one is an environment variable (prefix `DESKQL_`, except the
//! conventional `DATABASE_URL`) and a flag of the same name.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use clap::{Args, ValueEnum};
use ipnet::IpNet;

mod secret;

pub use secret::Secret;

pub const DEFAULT_DATABASE_URL: &str = "postgres://postgres@127.0.0.1:5432/deskql";

#[derive(Debug, Clone, Args)]
pub struct DatabaseConfig {
    /// PostgreSQL connection URL; the database is created if it does not exist.
    #[arg(long, env = "DATABASE_URL", default_value = DEFAULT_DATABASE_URL, global = true, hide_env_values = true)]
    pub database_url: Secret,

    /// Maximum connections in the pool.
    #[arg(long, env = "DESKQL_DB_POOL_SIZE", default_value_t = 16, global = true)]
    pub db_pool_size: usize,

    /// Longest a statement may run before PostgreSQL cancels it, in milliseconds.
    #[arg(
        long,
        env = "DESKQL_DB_STATEMENT_TIMEOUT_MS",
        default_value_t = 10_000,
        global = true
    )]
    pub db_statement_timeout_ms: u64,

    /// Longest a request waits for a pooled connection (and for a new one to connect), in
    /// milliseconds; then it answers SERVICE_UNAVAILABLE instead of hanging.
    #[arg(
        long,
        env = "DESKQL_DB_POOL_TIMEOUT_MS",
        default_value_t = 5_000,
        global = true
    )]
    pub db_pool_timeout_ms: u64,
}

impl DatabaseConfig {
    /// Defaults for everything but the URL (tests, tools).
    pub fn with_url(database_url: impl Into<String>, db_pool_size: usize) -> Self {
        Self {
            database_url: Secret::new(database_url),
            db_pool_size,
            db_statement_timeout_ms: 10_000,
            db_pool_timeout_ms: 5_000,
        }
    }

    pub fn url(&self) -> &str {
        self.database_url.expose()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum IntrospectionMode {
    /// Anyone may introspect (the schema is public in `schema.graphql`).
    On,
    /// Only moderators and admins may introspect.
    Staff,
    /// Nobody may introspect.
    Off,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LogFormat {
    Text,
    Json,
}

#[derive(Debug, Clone, Args)]
pub struct ServerConfig {
    /// Address the HTTP server listens on.
    #[arg(long, env = "DESKQL_LISTEN", default_value = "127.0.0.1:8080")]
    pub listen: SocketAddr,

    /// HMAC secret for access tokens. When unset, one is generated once and kept in the database.
    #[arg(long, env = "DESKQL_JWT_SECRET", hide_env_values = true)]
    pub jwt_secret: Option<Secret>,

    /// Lifetime of an access token, in seconds.
    #[arg(long, env = "DESKQL_ACCESS_TOKEN_TTL", default_value_t = 900)]
    pub access_token_ttl_secs: u64,

    /// Lifetime of a session (refresh-token family), in seconds.
    #[arg(long, env = "DESKQL_REFRESH_TOKEN_TTL", default_value_t = 30 * 24 * 3600)]
    pub refresh_token_ttl_secs: u64,

    /// Mark the access-token cookie `Secure` (set it when served over HTTPS).
    #[arg(long, env = "DESKQL_COOKIE_SECURE", default_value_t = false)]
    pub cookie_secure: bool,

    /// Origins (comma separated) allowed to call the API from a browser (CORS with credentials),
    /// use cookie authentication and open WebSocket subscriptions. `*` is refused.
    #[arg(
        long,
        env = "DESKQL_ALLOWED_ORIGINS",
        value_delimiter = ',',
        default_value = "http://localhost:8080,http://127.0.0.1:8080"
    )]
    pub allowed_origins: Vec<String>,

    /// Who may run introspection queries.
    #[arg(long, env = "DESKQL_INTROSPECTION", value_enum, default_value_t = IntrospectionMode::On)]
    pub introspection: IntrospectionMode,

    /// Serve GraphiQL on `GET /graphql`.
    #[arg(long, env = "DESKQL_GRAPHIQL", default_value_t = true, action = clap::ArgAction::Set)]
    pub graphiql: bool,

    /// Largest accepted request body, in bytes.
    #[arg(long, env = "DESKQL_MAX_BODY_BYTES", default_value_t = 64 * 1024)]
    pub max_body_bytes: usize,

    /// Behind a reverse proxy: take the client IP from `X-Forwarded-For`, walking it from the
    /// right past the trusted proxies (the peer and `DESKQL_TRUSTED_PROXIES`).
    #[arg(long, env = "DESKQL_TRUST_FORWARDED_FOR", default_value_t = false)]
    pub trust_forwarded_for: bool,

    /// Proxies (CIDRs, comma separated) whose `X-Forwarded-For` entries are skipped when
    /// looking for the client; the peer itself must be one of them for the header to count.
    #[arg(
        long,
        env = "DESKQL_TRUSTED_PROXIES",
        value_delimiter = ',',
        default_value = "127.0.0.0/8,::1/128,10.0.0.0/8,172.16.0.0/12,192.168.0.0/16,fc00::/7"
    )]
    pub trusted_proxies: Vec<IpNet>,

    /// Account sign-ups per client IP per hour.
    #[arg(long, env = "DESKQL_SIGNUP_LIMIT_PER_IP", default_value_t = 10)]
    pub signup_limit_per_ip: i32,

    /// Password hashes (sign-up, login) computed at once; the rest queue.
    #[arg(long, env = "DESKQL_PASSWORD_HASH_CONCURRENCY", default_value_t = 2)]
    pub password_hash_concurrency: usize,

    /// `createTicket` calls per signed-in user per hour (each runs triage).
    #[arg(
        long,
        env = "DESKQL_CREATE_TICKET_LIMIT_PER_USER",
        default_value_t = 60
    )]
    pub create_ticket_limit_per_user: i32,

    /// `draftTicketFromConversation` calls per signed-in user per hour.
    #[arg(long, env = "DESKQL_DRAFT_LIMIT_PER_USER", default_value_t = 60)]
    pub draft_limit_per_user: i32,

    /// `searchTickets` calls per signed-in user per hour.
    #[arg(long, env = "DESKQL_SEARCH_LIMIT_PER_USER", default_value_t = 600)]
    pub search_limit_per_user: i32,

    /// `searchTickets` ranks the newest this-many matches, and counts exactly up to here.
    #[arg(long, env = "DESKQL_SEARCH_RANKED_MATCHES", default_value_t = 1000, value_parser = clap::value_parser!(i64).range(1..=100_000))]
    pub search_ranked_matches: i64,

    /// Parsed and checked GraphQL documents kept by their text, per schema face (0: none).
    #[arg(long, env = "DESKQL_DOCUMENT_CACHE_SIZE", default_value_t = 512)]
    pub cached_documents: usize,

    /// Longest one GraphQL operation may run over HTTP, in seconds.
    #[arg(long, env = "DESKQL_OPERATION_TIMEOUT_SECS", default_value_t = 20)]
    pub operation_timeout_secs: u64,

    /// Operations slower than this (milliseconds) are logged with their name and request id.
    #[arg(long, env = "DESKQL_SLOW_OP_MS", default_value_t = 1_000)]
    pub slow_op_ms: u64,

    /// Serve Prometheus metrics on `GET /metrics` at this address (off when unset). Keep it
    /// off the public interface: it names operations and job tasks.
    #[arg(long, env = "DESKQL_METRICS_LISTEN")]
    pub metrics_listen: Option<SocketAddr>,

    /// Guest tickets accepted per customer email per hour.
    #[arg(long, env = "DESKQL_GUEST_LIMIT_PER_EMAIL", default_value_t = 5)]
    pub guest_limit_per_email: i32,

    /// Guest tickets accepted per client IP per hour.
    #[arg(long, env = "DESKQL_GUEST_LIMIT_PER_IP", default_value_t = 20)]
    pub guest_limit_per_ip: i32,

    /// Failed logins per account within 15 minutes before further attempts are refused.
    #[arg(long, env = "DESKQL_LOGIN_FAILURES_PER_ACCOUNT", default_value_t = 5)]
    pub login_failures_per_account: i32,

    /// Failed logins per client IP within 15 minutes before further attempts are refused.
    #[arg(long, env = "DESKQL_LOGIN_FAILURES_PER_IP", default_value_t = 20)]
    pub login_failures_per_ip: i32,

    /// Days a deleted ticket stays in the trash (restorable) before it is purged for good.
    #[arg(long, env = "DESKQL_TRASH_RETENTION_DAYS", default_value_t = 30)]
    pub trash_retention_days: u32,

    /// How long a DataLoader collects keys before it runs one batched query, in milliseconds.
    #[arg(long, env = "DESKQL_LOADER_DELAY_MS", default_value_t = 1)]
    pub loader_delay_ms: u64,

    #[command(flatten)]
    pub pipeline: PipelineConfig,

    #[command(flatten)]
    pub conversation: ConversationConfig,

    #[command(flatten)]
    pub websocket: WebSocketConfig,
}

/// Limits of `/graphql/ws`.
#[derive(Debug, Clone, Args)]
pub struct WebSocketConfig {
    /// Open subscriptions one WebSocket connection may hold.
    #[arg(
        long,
        env = "DESKQL_WS_MAX_SUBSCRIPTIONS_PER_CONNECTION",
        default_value_t = 20
    )]
    pub ws_max_subscriptions_per_connection: usize,

    /// Open subscriptions one user may hold across connections (per instance).
    #[arg(
        long,
        env = "DESKQL_WS_MAX_SUBSCRIPTIONS_PER_USER",
        default_value_t = 50
    )]
    pub ws_max_subscriptions_per_user: usize,

    /// Seconds between server pings; a peer silent for a whole interval is disconnected.
    #[arg(long, env = "DESKQL_WS_PING_SECS", default_value_t = 30)]
    pub ws_ping_secs: u64,
}

/// Threads, attachments, guest tracking links and help-article suggestions.
#[derive(Debug, Clone, Args)]
pub struct ConversationConfig {
    /// Where attachments are stored when DESKQL_STORAGE_URL is unset.
    #[arg(
        long,
        env = "DESKQL_ATTACHMENTS_DIR",
        default_value = "data/attachments"
    )]
    pub attachments_dir: PathBuf,

    /// Object store for attachments, e.g. `s3://bucket/prefix` (credentials, region and an
    /// S3-compatible endpoint come from the usual AWS_* variables, e.g. AWS_ENDPOINT).
    #[arg(long, env = "DESKQL_STORAGE_URL")]
    pub storage_url: Option<String>,

    /// Largest accepted file, in bytes.
    #[arg(long, env = "DESKQL_MAX_UPLOAD_BYTES", default_value_t = 10 * 1024 * 1024)]
    pub max_upload_bytes: usize,

    /// Files accepted in one request.
    #[arg(long, env = "DESKQL_MAX_UPLOAD_FILES", default_value_t = 5)]
    pub max_upload_files: usize,

    /// Largest multipart (upload) request body, in bytes.
    #[arg(long, env = "DESKQL_MAX_UPLOAD_REQUEST_BYTES", default_value_t = 52 * 1024 * 1024)]
    pub max_upload_request_bytes: usize,

    /// Days after a resolution during which its requester may reopen the ticket.
    #[arg(long, env = "DESKQL_REOPEN_DAYS", default_value_t = 14)]
    pub reopen_days: u32,

    /// Days after which a RESOLVED ticket closes by itself (checked hourly).
    #[arg(long, env = "DESKQL_AUTO_CLOSE_DAYS", default_value_t = 7)]
    pub auto_close_days: u32,

    /// Days a guest's tracking link keeps working after the ticket is closed or cancelled.
    #[arg(long, env = "DESKQL_TRACKING_GRACE_DAYS", default_value_t = 30)]
    pub tracking_grace_days: u32,

    /// Article suggestions (and guest tracking lookups) per anonymous client IP per hour.
    #[arg(long, env = "DESKQL_SUGGEST_LIMIT_PER_IP", default_value_t = 120)]
    pub suggest_limit_per_ip: i32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TriageProviderKind {
    /// Offline rules, deterministic, no network.
    Builtin,
    /// Any OpenAI-compatible chat-completions endpoint.
    Openai,
    /// Google Gemini's native generateContent API.
    Gemini,
}

/// The background pipeline: job workers, triage provider, auto-assignment and email.
#[derive(Debug, Clone, Args)]
pub struct PipelineConfig {
    /// Jobs this process runs at once; 0 runs none (another process runs `deskql worker`).
    #[arg(long, env = "DESKQL_WORKERS", default_value_t = 4)]
    pub workers: usize,

    /// On shutdown, how long running jobs may take to finish, in seconds.
    #[arg(long, env = "DESKQL_WORKER_GRACE_SECS", default_value_t = 20)]
    pub worker_grace_secs: u64,

    /// First retry delay of a failed job, in milliseconds; it doubles per attempt (with jitter).
    #[arg(long, env = "DESKQL_JOB_RETRY_BASE_MS", default_value_t = 2_000)]
    pub job_retry_base_ms: u64,

    /// Longest retry delay, in seconds.
    #[arg(long, env = "DESKQL_JOB_RETRY_MAX_SECS", default_value_t = 3_600)]
    pub job_retry_max_secs: u64,

    /// How often a worker proves it is alive, in seconds.
    #[arg(long, env = "DESKQL_WORKER_HEARTBEAT_SECS", default_value_t = 10)]
    pub worker_heartbeat_secs: u64,

    /// A worker silent for this long is presumed dead and its jobs are requeued, in seconds.
    #[arg(long, env = "DESKQL_WORKER_STALE_SECS", default_value_t = 60)]
    pub worker_stale_secs: u64,

    /// Who analyses new tickets.
    #[arg(long, env = "DESKQL_TRIAGE_PROVIDER", value_enum, default_value_t = TriageProviderKind::Builtin)]
    pub triage_provider: TriageProviderKind,

    /// Base URL of the LLM API (default: the provider's public endpoint).
    #[arg(long, env = "DESKQL_LLM_BASE_URL")]
    pub llm_base_url: Option<String>,

    /// API key for the LLM provider.
    #[arg(long, env = "DESKQL_LLM_API_KEY", hide_env_values = true)]
    pub llm_api_key: Option<Secret>,

    /// Model name (default: gpt-4o-mini for openai, gemini-2.0-flash for gemini).
    #[arg(long, env = "DESKQL_LLM_MODEL")]
    pub llm_model: Option<String>,

    /// Timeout of one LLM call, in seconds.
    #[arg(long, env = "DESKQL_LLM_TIMEOUT_SECS", default_value_t = 30)]
    pub llm_timeout_secs: u64,

    /// Extra skill synonyms, one group per line: `skill: synonym, synonym`.
    #[arg(long, env = "DESKQL_SKILL_SYNONYMS_FILE")]
    pub skill_synonyms_file: Option<PathBuf>,

    /// Minutes a new ticket may stay unassigned before staff with a matching skill (or the
    /// admins) are emailed; 0 switches the alert off.
    #[arg(long, env = "DESKQL_UNASSIGNED_ALERT_MINUTES", default_value_t = 30)]
    pub unassigned_alert_minutes: u32,

    /// Share of an SLA target, in percent, after which an SLA_WARNING event fires.
    #[arg(long, env = "DESKQL_SLA_WARNING_PERCENT", default_value_t = 80, value_parser = clap::value_parser!(u8).range(1..=99))]
    pub sla_warning_percent: u8,

    /// Open tickets at which a moderator gets no more automatic assignments.
    #[arg(long, env = "DESKQL_ASSIGN_MAX_OPEN", default_value_t = 25)]
    pub assign_max_open: i64,

    /// Score a moderator loses per open ticket (one matched skill scores 1).
    #[arg(long, env = "DESKQL_ASSIGN_WORKLOAD_WEIGHT", default_value_t = 0.2)]
    pub assign_workload_weight: f64,

    /// SMTP server, e.g. `smtp://mail:25`, `smtp://user:pass@mail:587?tls=required`,
    /// `smtps://mail:465`. When unset, emails are written as .eml files to DESKQL_MAIL_DIR.
    #[arg(long, env = "DESKQL_SMTP_URL", hide_env_values = true)]
    pub smtp_url: Option<Secret>,

    /// Directory for .eml files when no SMTP server is configured.
    #[arg(long, env = "DESKQL_MAIL_DIR", default_value = "data/mail")]
    pub mail_dir: PathBuf,

    /// Sender of notification emails.
    #[arg(
        long,
        env = "DESKQL_MAIL_FROM",
        default_value = "deskql <support@deskql.localhost>"
    )]
    pub mail_from: String,

    /// Shared secret of `POST /inbound/email` (sent as `Authorization: Bearer …`). Unset, the
    /// route answers 404 and notifications carry no ticket reply address.
    #[arg(long, env = "DESKQL_INBOUND_EMAIL_SECRET", hide_env_values = true)]
    pub inbound_email_secret: Option<Secret>,

    /// Lets webhooks reach loopback, private and link-local addresses (receivers on the same
    /// host or network; tests). Off, such targets are refused when the URL is saved and again
    /// at every connection.
    #[arg(long, env = "DESKQL_WEBHOOK_ALLOW_PRIVATE", default_value_t = false, action = clap::ArgAction::Set)]
    pub webhook_allow_private: bool,

    /// Failed deliveries in a row after which an endpoint is disabled and the admins emailed.
    #[arg(long, env = "DESKQL_WEBHOOK_DISABLE_AFTER", default_value_t = 15, value_parser = clap::value_parser!(i32).range(1..))]
    pub webhook_disable_after: i32,

    /// Public URL of the help desk, used for links in emails.
    #[arg(
        long,
        env = "DESKQL_PUBLIC_URL",
        default_value = "http://localhost:8080"
    )]
    pub public_url: String,
}

impl ServerConfig {
    pub fn access_token_ttl(&self) -> Duration {
        Duration::from_secs(self.access_token_ttl_secs)
    }

    pub fn operation_timeout(&self) -> Duration {
        Duration::from_secs(self.operation_timeout_secs)
    }

    pub fn slow_operation(&self) -> Duration {
        Duration::from_millis(self.slow_op_ms)
    }

    pub fn refresh_token_ttl(&self) -> Duration {
        Duration::from_secs(self.refresh_token_ttl_secs)
    }

    /// Refuses settings that parse but cannot be right.
    pub fn validate(&self) -> anyhow::Result<()> {
        for origin in &self.allowed_origins {
            check_origin(origin)?;
        }
        Ok(())
    }

    /// The configuration `deskql serve` would use with no flags (environment still applies).
    pub fn from_env() -> anyhow::Result<Self> {
        #[derive(clap::Parser)]
        struct ServeOnly {
            #[command(flatten)]
            config: ServerConfig,
        }
        Ok(<ServeOnly as clap::Parser>::try_parse_from(["deskql"])?.config)
    }
}

#[derive(Debug, Clone, Args)]
pub struct TelemetryConfig {
    /// Log format.
    #[arg(long, env = "DESKQL_LOG_FORMAT", value_enum, default_value_t = LogFormat::Text, global = true)]
    pub log_format: LogFormat,
}

/// An origin as browsers send it: `scheme://host[:port]`, nothing after. `*` is refused:
/// cookies authenticate, and a wildcard with credentials would hand them to every site.
fn check_origin(origin: &str) -> anyhow::Result<()> {
    anyhow::ensure!(
        origin != "*",
        "DESKQL_ALLOWED_ORIGINS cannot be \"*\": the access cookie would be usable from any site; \
         list the origins of your front ends"
    );
    let url = url::Url::parse(origin).map_err(|err| {
        anyhow::anyhow!("DESKQL_ALLOWED_ORIGINS: {origin:?} is not an origin: {err}")
    })?;
    anyhow::ensure!(
        matches!(url.scheme(), "http" | "https")
            && url.host_str().is_some()
            && url.path() == "/"
            && url.query().is_none()
            && url.fragment().is_none()
            && url.username().is_empty(),
        "DESKQL_ALLOWED_ORIGINS: {origin:?} is not an origin (scheme://host[:port], no path)"
    );
    Ok(())
}
