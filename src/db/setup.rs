use anyhow::Context;
use diesel::Connection;
use diesel_async::async_connection_wrapper::AsyncConnectionWrapper;
use diesel_async::pooled_connection::deadpool::Pool;
use diesel_async::pooled_connection::{
    AsyncDieselConnectionManager, ManagerConfig, RecyclingMethod,
};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};
use futures::FutureExt;
use url::Url;

use std::time::Duration;

use crate::config::DatabaseConfig;
use crate::db::{DbPool, StatementCounter};

pub const MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations");

/// Creates the database named in `database_url` when it does not exist yet, by connecting to
/// the server's `postgres` maintenance database.
pub async fn ensure_database(database_url: &str) -> anyhow::Result<()> {
    let mut url = Url::parse(database_url).context("DATABASE_URL is not a valid URL")?;
    let name = url.path().trim_start_matches('/').to_owned();
    anyhow::ensure!(!name.is_empty(), "DATABASE_URL names no database");
    url.set_path("/postgres");
    let mut conn = AsyncPgConnection::establish(url.as_str())
        .await
        .context("cannot reach PostgreSQL")?;
    let exists: bool = diesel::select(diesel::dsl::sql::<diesel::sql_types::Bool>(&format!(
        "EXISTS (SELECT 1 FROM pg_database WHERE datname = {})",
        quote_literal(&name)
    )))
    .get_result(&mut conn)
    .await?;
    if !exists {
        let created = diesel::sql_query(format!("CREATE DATABASE {}", quote_ident(&name)))
            .execute(&mut conn)
            .await;
        // Another process may have created it between the check and here.
        // (Concurrent creates can also fail on pg_database's unique index.)
        if let Err(err) = created
            && !err.to_string().contains("already exists")
            && !err.to_string().contains("pg_database_datname_index")
        {
            return Err(err.into());
        }
        tracing::info!(database = %name, "created database");
    }
    Ok(())
}

/// Installs or upgrades the job queue's schema, then applies pending migrations (Diesel's
/// harness is synchronous, so it runs on a blocking thread). The queue comes first because
/// our triggers enqueue into it.
pub async fn run_migrations(database_url: &str) -> anyhow::Result<()> {
    // Instances starting together take turns: the first migrates, the others then find
    // nothing pending. The lock is the session's, so it also ends if this process dies.
    let mut lock = AsyncPgConnection::establish(database_url)
        .await
        .context("cannot connect to the database")?;
    diesel::sql_query(format!("SELECT pg_advisory_lock({MIGRATION_LOCK})"))
        .execute(&mut lock)
        .await?;
    let migrated = migrate_locked(database_url).await;
    diesel::sql_query(format!("SELECT pg_advisory_unlock({MIGRATION_LOCK})"))
        .execute(&mut lock)
        .await?;
    migrated
}

/// Advisory lock key of migrations ("deskqlmg" in ASCII).
const MIGRATION_LOCK: i64 = 0x6465_736b_716c_6d67;

async fn migrate_locked(database_url: &str) -> anyhow::Result<()> {
    crate::queue::queue_utils(database_url, 1)?
        .migrate()
        .await
        .map_err(|err| anyhow::anyhow!("job queue migration failed: {err}"))?;
    let url = database_url.to_owned();
    tokio::task::spawn_blocking(move || -> anyhow::Result<()> {
        let mut conn = <AsyncConnectionWrapper<AsyncPgConnection> as Connection>::establish(&url)?;
        let applied = conn
            .run_pending_migrations(MIGRATIONS)
            .map_err(|err| anyhow::anyhow!("migration failed: {err}"))?;
        for migration in applied {
            tracing::info!(%migration, "applied migration");
        }
        Ok(())
    })
    .await?
}

/// The pool, with every wait bounded: a request waits at most `db_pool_timeout_ms` for a
/// connection (or for a new one to connect), and PostgreSQL cancels any statement running
/// longer than `db_statement_timeout_ms`. A slow or absent database answers an error.
pub fn connect_pool(
    database: &DatabaseConfig,
    counter: &StatementCounter,
) -> anyhow::Result<DbPool> {
    let mut config = ManagerConfig::<AsyncPgConnection>::default();
    // Broken connections surface on first use and are then dropped by the pool; a probe query
    // on every checkout would cost a round trip per request.
    config.recycling_method = RecyclingMethod::Fast;
    let counter = counter.clone();
    let wait = Duration::from_millis(database.db_pool_timeout_ms);
    let statement_timeout = database.db_statement_timeout_ms;
    config.custom_setup = Box::new(move |url| {
        let counter = counter.clone();
        async move {
            let mut conn = tokio::time::timeout(wait, AsyncPgConnection::establish(url))
                .await
                .map_err(|_| {
                    diesel::ConnectionError::BadConnection("connect timed out".into())
                })??;
            diesel::sql_query(format!("SET statement_timeout = {statement_timeout}"))
                .execute(&mut conn)
                .await
                .map_err(diesel::ConnectionError::CouldntSetupConfiguration)?;
            conn.set_instrumentation(counter.instrumentation());
            Ok(conn)
        }
        .boxed()
    });
    let manager = AsyncDieselConnectionManager::new_with_config(database.url(), config);
    Ok(Pool::builder(manager)
        .max_size(database.db_pool_size)
        .runtime(deadpool::Runtime::Tokio1)
        .wait_timeout(Some(wait))
        .create_timeout(Some(wait))
        .recycle_timeout(Some(wait))
        .build()?)
}

pub fn quote_ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

pub fn quote_literal(value: &str) -> String {
    format!("'{}'", value.replace('\'', "''"))
}
