//! `GET /metrics` (Prometheus text) on its own listener, `DESKQL_METRICS_LISTEN`: off the
//! public router, so it is never exposed by accident next to the API.

use std::collections::HashSet;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::http::header::CONTENT_TYPE;
use axum::response::IntoResponse;
use axum::routing::get;
use metrics_exporter_prometheus::PrometheusHandle;
use tokio::net::TcpListener;

use crate::app::AppState;
use crate::db::models::job;

#[derive(Clone)]
struct MetricsState {
    app: AppState,
    handle: PrometheusHandle,
    /// The (task, state) pairs last reported, so a pair that empties reads 0, not its last
    /// count.
    reported: Arc<Mutex<HashSet<(String, String)>>>,
}

/// Serves `/metrics` until the app shuts down.
pub async fn serve(app: AppState, listener: TcpListener, handle: PrometheusHandle) {
    let shutdown = app.shutdown.clone();
    let router = Router::new()
        .route("/metrics", get(scrape))
        .with_state(MetricsState {
            app,
            handle,
            reported: Arc::default(),
        });
    let served = axum::serve(listener, router)
        .with_graceful_shutdown(async move { shutdown.cancelled().await })
        .await;
    if let Err(err) = served {
        tracing::error!(error = %err, "the metrics endpoint stopped");
    }
}

/// Samples what is read rather than counted (the pool, the job queue), then renders.
async fn scrape(State(state): State<MetricsState>) -> impl IntoResponse {
    let pool = &state.app.pool;
    let status = pool.status();
    crate::metrics::pool(
        status.size,
        status.available,
        status.waiting,
        status.max_size,
    );
    let depth = async {
        let mut conn = pool.get().await.map_err(anyhow::Error::from)?;
        Ok::<_, anyhow::Error>(job::depth(&mut conn).await?)
    };
    match depth.await {
        Ok(rows) => {
            let now: HashSet<(String, String)> = rows
                .iter()
                .map(|row| (row.task_identifier.clone(), row.state.clone()))
                .collect();
            if let Ok(mut reported) = state.reported.lock() {
                for (task, job_state) in reported.difference(&now) {
                    crate::metrics::jobs(task.clone(), job_state.clone(), 0);
                }
                *reported = now;
            }
            for row in rows {
                crate::metrics::jobs(row.task_identifier, row.state, row.jobs);
            }
        }
        // The rest of the page is still worth having; the queue gauges keep their last value.
        Err(err) => tracing::warn!(error = ?err, "cannot read the job queue for /metrics"),
    }
    (
        StatusCode::OK,
        [(CONTENT_TYPE, "text/plain; version=0.0.4")],
        state.handle.render(),
    )
}
