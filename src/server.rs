//! Running the HTTP server until SIGINT/SIGTERM.

use std::net::SocketAddr;

use tokio::net::TcpListener;

use crate::app::AppState;
use crate::graphql::Schemas;
use crate::http::router;

/// Serves on an already bound listener, with this process's job workers, until
/// `app.shutdown` is cancelled; then waits for running jobs (up to their grace period).
pub async fn serve(app: AppState, listener: TcpListener) -> anyhow::Result<()> {
    let shutdown = app.shutdown.clone();
    serve_metrics(&app).await?;
    let workers = crate::jobs::start_workers(&app).await?;
    let schemas = Schemas::build(app.config.cached_documents);
    let router = router(app, schemas);
    let served = axum::serve(
        listener,
        router.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(async move { shutdown.cancelled().await })
    .await;
    if let Some(workers) = workers {
        let _ = workers.await;
    }
    Ok(served?)
}

/// Runs job workers only (`deskql worker`), until `app.shutdown` is cancelled.
pub async fn work(app: AppState) -> anyhow::Result<()> {
    anyhow::ensure!(
        app.config.pipeline.workers > 0,
        "DESKQL_WORKERS is 0: a worker process needs at least one"
    );
    serve_metrics(&app).await?;
    if let Some(workers) = crate::jobs::start_workers(&app).await? {
        workers.await?;
    }
    Ok(())
}

/// `/metrics` on `DESKQL_METRICS_LISTEN`, when set, until the app shuts down: in a worker
/// process too, where the job run times and failures are recorded.
async fn serve_metrics(app: &AppState) -> anyhow::Result<()> {
    if let Some(address) = app.config.metrics_listen {
        let handle = crate::metrics::install()?;
        let listener = TcpListener::bind(address).await?;
        tracing::info!(%address, "metrics on /metrics");
        tokio::spawn(crate::http::metrics::serve(app.clone(), listener, handle));
    }
    Ok(())
}

/// Resolves on SIGINT or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(err) = tokio::signal::ctrl_c().await {
            tracing::error!(error = %err, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(err) => {
                tracing::error!(error = %err, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}
