//! HTTP: routes, GraphQL over HTTP and WebSocket, health checks.

mod attachments;
pub mod auth;
pub mod cors;
mod export;
mod graphiql;
mod graphql;
mod health;
mod inbound;
pub mod metrics;
mod page;
mod rating;
mod unsubscribe;
mod ws;

use std::time::Duration;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::HeaderName;
use axum::routing::{get, post};
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

use std::sync::Arc;

use crate::app::AppState;
use crate::graphql::Schemas;
use crate::graphql::executor::SubscriptionCounts;

pub const REQUEST_ID_HEADER: HeaderName = HeaderName::from_static("x-request-id");

#[derive(Clone)]
pub struct HttpState {
    pub app: AppState,
    pub schemas: Schemas,
    /// Open WebSocket subscriptions per user, for the per-user cap.
    pub subscriptions: Arc<SubscriptionCounts>,
}

pub fn router(app: AppState, schemas: Schemas) -> Router {
    // JSON bodies are held to DESKQL_MAX_BODY_BYTES by the GraphQL handler; this cap is for
    // streamed multipart uploads, which no extractor limit covers.
    let body_limit = app.config.conversation.max_upload_request_bytes;
    let cors = cors::layer(&app.config);
    let state = HttpState {
        app,
        schemas,
        subscriptions: Arc::default(),
    };
    Router::new()
        .route("/graphql", get(graphql::get_handler).post(graphql::post_handler))
        .route("/graphql/ws", get(ws::handler))
        .route("/graphiql/{file}", get(graphiql::asset))
        .route("/attachments/{id}", get(attachments::download))
        .route("/exports/tickets.csv", get(export::tickets_csv))
        .route("/rate/{token}", get(rating::rate))
        .route(
            "/unsubscribe/{token}",
            get(unsubscribe::confirm_page).post(unsubscribe::unsubscribe),
        )
        .route(
            "/inbound/email",
            post(inbound::receive).layer(DefaultBodyLimit::max(body_limit)),
        )
        .route("/healthz", get(health::healthz))
        .route("/readyz", get(health::readyz))
        .with_state(state)
        .layer(RequestBodyLimitLayer::new(body_limit))
        .layer(TimeoutLayer::with_status_code(
            axum::http::StatusCode::REQUEST_TIMEOUT,
            Duration::from_secs(30),
        ))
        .layer(
            TraceLayer::new_for_http().make_span_with(|request: &axum::http::Request<_>| {
                let request_id = request
                    .headers()
                    .get(REQUEST_ID_HEADER)
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or_default();
                tracing::info_span!("request", method = %request.method(), uri = %request.uri().path(), request_id)
            }),
        )
        // Outside the timeout and body limit: a preflight is answered before either applies.
        .layer(cors)
        .layer(axum::middleware::map_response(cors::strip_for_foreign_origins))
        .layer(PropagateRequestIdLayer::new(REQUEST_ID_HEADER))
        .layer(SetRequestIdLayer::new(REQUEST_ID_HEADER, MakeRequestUuid))
}
