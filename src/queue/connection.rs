//! graphile_worker's side of the database: its schema (which migrations install) and a handle
//! for queue operations outside a worker.

use graphile_worker::WorkerUtils;
use graphile_worker::tokio_postgres::TokioPostgresDatabase;

/// The Postgres schema graphile_worker owns.
pub const QUEUE_SCHEMA: &str = "graphile_worker";

/// A handle on the queue for enqueue-free operations (install, retry) outside a worker.
pub fn queue_utils(database_url: &str, max_connections: usize) -> anyhow::Result<WorkerUtils> {
    let database = TokioPostgresDatabase::from_url(database_url, max_connections)
        .map_err(|err| anyhow::anyhow!("job queue connection: {err}"))?;
    Ok(WorkerUtils::new(database, QUEUE_SCHEMA))
}
