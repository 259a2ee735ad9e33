//! Wiring: the shared state one server instance runs on.

use std::ops::Deref;
use std::sync::Arc;

use anyhow::Context;
use tokio_util::sync::CancellationToken;

use graphile_worker::WorkerUtils;

use crate::ai::Provider;
use crate::auth::jwt::JwtKeys;
use crate::auth::principals::PrincipalCache;
use crate::auth::refresh;
use crate::config::{DatabaseConfig, PipelineConfig, ServerConfig};
use crate::db::ticket_writer::TicketWriter;
use crate::db::{self, DbPool, StatementCounter};
use crate::domain::assignment::AssignmentPolicy;
use crate::domain::skills::SynonymTable;
use crate::events::EventHub;
use crate::mail::Mailer;
use crate::services::filing::OnFiled;
use crate::storage::Storage;
use crate::webhooks::WebhookSender;

#[derive(Clone)]
pub struct AppState(Arc<AppInner>);

pub struct AppInner {
    pub pool: DbPool,
    pub database_url: String,
    pub pipeline: Pipeline,
    pub config: ServerConfig,
    pub jwt: JwtKeys,
    pub principals: Arc<PrincipalCache>,
    pub events: EventHub,
    pub statements: StatementCounter,
    pub ticket_writer: TicketWriter,
    pub storage: Storage,
    /// Permits for password hashing (Argon2 is CPU- and memory-heavy).
    pub password_slots: tokio::sync::Semaphore,
    pub shutdown: CancellationToken,
}

/// What the background pipeline and the AI features run with.
pub struct Pipeline {
    pub provider: Provider,
    pub synonyms: SynonymTable,
    pub mailer: Mailer,
    pub assignment: AssignmentPolicy,
    /// Queue operations outside a worker (admin retries).
    pub queue: WorkerUtils,
    pub webhooks: WebhookSender,
}

impl Pipeline {
    fn from_config(database_url: &str, config: &PipelineConfig) -> anyhow::Result<Self> {
        let synonyms = match &config.skill_synonyms_file {
            Some(path) => {
                let text = std::fs::read_to_string(path)
                    .with_context(|| format!("cannot read {}", path.display()))?;
                SynonymTable::builtin_with(&text)
                    .map_err(|err| anyhow::anyhow!("{}: {err}", path.display()))?
            }
            None => SynonymTable::builtin(),
        };
        Ok(Self {
            provider: Provider::from_config(config)?,
            synonyms,
            mailer: Mailer::from_config(config)?,
            assignment: AssignmentPolicy {
                max_open_tickets: config.assign_max_open,
                workload_weight: config.assign_workload_weight,
            },
            queue: crate::queue::queue_utils(database_url, 2)?,
            webhooks: WebhookSender::new(config.webhook_allow_private)?,
        })
    }
}

impl std::fmt::Debug for AppState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppState").finish_non_exhaustive()
    }
}

impl Deref for AppState {
    type Target = AppInner;

    fn deref(&self) -> &AppInner {
        &self.0
    }
}

const JWT_SECRET_SETTING: &str = "jwt_secret";

impl AppState {
    /// Prepares the database (create, migrate), the pool, the signing key and the event
    /// listener.
    pub async fn start(database: &DatabaseConfig, config: ServerConfig) -> anyhow::Result<Self> {
        // Configuration errors first, before touching the database.
        config.validate()?;
        let pipeline = Pipeline::from_config(database.url(), &config.pipeline)?;
        if config.pipeline.workers > 0
            && config.pipeline.triage_provider == crate::config::TriageProviderKind::Builtin
        {
            // Workers triage soon; the builtin model trains meanwhile, off the async threads.
            tokio::task::spawn_blocking(crate::domain::triage::model::active);
        }
        let storage = Storage::from_config(&config.conversation)?;
        db::ensure_database(database.url()).await?;
        db::run_migrations(database.url()).await?;
        let statements = StatementCounter::default();
        let pool = db::connect_pool(database, &statements)?;
        let secret = match config.jwt_secret.as_ref().map(|s| s.expose().to_owned()) {
            Some(secret) => {
                anyhow::ensure!(
                    secret.len() >= 32,
                    "DESKQL_JWT_SECRET must be at least 32 bytes"
                );
                secret.clone()
            }
            None => {
                let mut conn = pool.get().await.context("cannot connect to the database")?;
                let secret = db::models::setting::get_or_insert(
                    &mut conn,
                    JWT_SECRET_SETTING,
                    &refresh::generate_secret(),
                )
                .await?;
                tracing::warn!(
                    "DESKQL_JWT_SECRET is not set; using a generated secret kept in the database. \
                     Set one in production."
                );
                secret
            }
        };
        let jwt = JwtKeys::new(secret.as_bytes(), config.access_token_ttl());
        let principals = Arc::new(PrincipalCache::default());
        let shutdown = CancellationToken::new();
        let events = EventHub::start(
            database.url().to_owned(),
            principals.clone(),
            shutdown.clone(),
        );
        let on_filed = OnFiled::from_config(&config);
        let ticket_writer = TicketWriter::start(pool.clone(), Arc::new(on_filed));
        Ok(Self(Arc::new(AppInner {
            ticket_writer,
            pool,
            database_url: database.url().to_owned(),
            pipeline,
            jwt,
            principals,
            events,
            statements,
            storage,
            password_slots: tokio::sync::Semaphore::new(config.password_hash_concurrency.max(1)),
            config,
            shutdown,
        })))
    }
}
