use axum::extract::State;
use axum::http::StatusCode;
use diesel::sql_types::Bool;
use diesel_async::RunQueryDsl;

use crate::http::HttpState;

/// The process is up.
pub async fn healthz() -> &'static str {
    "ok"
}

/// The database answers and live events are flowing.
pub async fn readyz(State(state): State<HttpState>) -> (StatusCode, &'static str) {
    let database = async {
        let mut conn = state.app.pool.get().await.ok()?;
        diesel::select(diesel::dsl::sql::<Bool>("true"))
            .get_result::<bool>(&mut conn)
            .await
            .ok()
    };
    match database.await {
        Some(true) if state.app.events.is_listening() => (StatusCode::OK, "ready"),
        Some(true) => (
            StatusCode::SERVICE_UNAVAILABLE,
            "event listener not connected",
        ),
        _ => (StatusCode::SERVICE_UNAVAILABLE, "database unreachable"),
    }
}
