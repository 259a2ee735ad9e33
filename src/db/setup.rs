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
        if let Err(err) = created
            && !err.to_string().contains("already exists")
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
    crate::jobs::queue_utils(database_url, 1)?
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

pub fn connect_pool(
    database_url: &str,
    max_size: usize,
    counter: &StatementCounter,
) -> anyhow::Result<DbPool> {
    let mut config = ManagerConfig::<AsyncPgConnection>::default();
    // Broken connections surface on first use and are then dropped by the pool; a probe query
    // on every checkout would cost a round trip per request.
    config.recycling_method = RecyclingMethod::Fast;
    let counter = counter.clone();
    config.custom_setup = Box::new(move |url| {
        let counter = counter.clone();
        async move {
            let mut conn = AsyncPgConnection::establish(url).await?;
            conn.set_instrumentation(counter.instrumentation());
            Ok(conn)
        }
        .boxed()
    });
    let manager = AsyncDieselConnectionManager::new_with_config(database_url, config);
    Ok(Pool::builder(manager).max_size(max_size).build()?)
}

pub fn quote_ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

pub fn quote_literal(value: &str) -> String {
    format!("'{}'", value.replace('\'', "''"))
}
