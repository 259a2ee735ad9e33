//! GraphQL subscriptions over WebSocket (graphql-transport-ws only). The connection handshake
//! is ours (bad credentials close with 4403, a missing `connection_init` with 4408, an
//! operation before it with 4401); after it, async-graphql runs the protocol through
//! [`ConnectionExecutor`], which re-checks the caller for every operation.

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use async_graphql::Data;
use async_graphql::http::{WebSocketProtocols, WsMessage};
use axum::extract::ws::{CloseFrame, Message, WebSocket, WebSocketUpgrade};
use axum::extract::{ConnectInfo, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use futures::{SinkExt, StreamExt};

use crate::auth::Viewer;
use crate::auth::cookies;
use crate::graphql::executor::{ConnectionExecutor, SubscriptionCaps};
use crate::graphql::loaders::connection_loaders;
use crate::http::HttpState;
use crate::http::auth::{bearer, client_ip, origin_allowed, viewer_for_token};
use crate::services::RequestContext;

pub const INIT_TIMEOUT: Duration = Duration::from_secs(3);
pub const CLOSE_UNAUTHORIZED: u16 = 4401;
pub const CLOSE_FORBIDDEN: u16 = 4403;
pub const CLOSE_INIT_TIMEOUT: u16 = 4408;
pub const CLOSE_BAD_REQUEST: u16 = 4400;
/// Largest message (and frame) a client may send, before or after authentication.
pub const MAX_MESSAGE_BYTES: usize = 64 * 1024;
/// Initial read buffer of a connection. tungstenite allocates it up front (128 KiB by
/// default, most of an idle subscriber's memory) and grows it for a larger message; client
/// messages (a token, a subscription document) mostly fit in 2 KiB.
const READ_BUFFER_BYTES: usize = 2 * 1024;
const GRAPHQL_TRANSPORT_WS: &str = "graphql-transport-ws";

pub async fn handler(
    State(state): State<HttpState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    upgrade: WebSocketUpgrade,
) -> Response {
    if !origin_allowed(&state.app.config, &headers) {
        return (StatusCode::FORBIDDEN, "origin not allowed").into_response();
    }
    // A client that names subprotocols must offer graphql-transport-ws; the legacy
    // subscriptions-transport-ws (`graphql-ws`) is refused. Naming none means ours.
    let offered = headers
        .get("sec-websocket-protocol")
        .and_then(|value| value.to_str().ok());
    if let Some(offered) = offered
        && !offered
            .split(',')
            .any(|p| p.trim().eq_ignore_ascii_case(GRAPHQL_TRANSPORT_WS))
    {
        return (
            StatusCode::BAD_REQUEST,
            "unsupported WebSocket subprotocol; use graphql-transport-ws",
        )
            .into_response();
    }
    let cookie_token = cookies::access_token(&headers);
    let ip = client_ip(&state.app.config, &headers, peer);
    upgrade
        .protocols([GRAPHQL_TRANSPORT_WS])
        .max_message_size(MAX_MESSAGE_BYTES)
        .max_frame_size(MAX_MESSAGE_BYTES)
        .read_buffer_size(READ_BUFFER_BYTES)
        .on_upgrade(move |socket| serve(state, socket, cookie_token, ip))
}

async fn close(socket: &mut WebSocket, code: u16, reason: &'static str) {
    let frame = CloseFrame {
        code,
        reason: reason.into(),
    };
    let _ = socket.send(Message::Close(Some(frame))).await;
}

/// The first text message, skipping pings; `None` if the client went away.
async fn first_text(socket: &mut WebSocket) -> Option<String> {
    while let Some(Ok(message)) = socket.recv().await {
        match message {
            Message::Text(text) => return Some(text.to_string()),
            Message::Close(_) => return None,
            _ => {}
        }
    }
    None
}

/// The first message, `connection_init`, and the caller it names: `None` once the
/// connection is closed for a bad or missing handshake.
async fn handshake(
    state: &HttpState,
    socket: &mut WebSocket,
    cookie_token: Option<String>,
    ip: std::net::IpAddr,
) -> Option<(String, RequestContext)> {
    let init = match tokio::time::timeout(INIT_TIMEOUT, first_text(socket)).await {
        Err(_) => {
            close(
                socket,
                CLOSE_INIT_TIMEOUT,
                "Connection initialisation timeout",
            )
            .await;
            return None;
        }
        Ok(None) => return None,
        Ok(Some(text)) => text,
    };
    let Ok(message) = serde_json::from_str::<serde_json::Value>(&init) else {
        close(socket, CLOSE_BAD_REQUEST, "invalid message").await;
        return None;
    };
    match message.get("type").and_then(|t| t.as_str()) {
        Some("connection_init") => {}
        Some("subscribe") => {
            close(socket, CLOSE_UNAUTHORIZED, "Unauthorized").await;
            return None;
        }
        _ => {
            close(socket, CLOSE_BAD_REQUEST, "expected connection_init").await;
            return None;
        }
    }
    let token = message
        .get("payload")
        .and_then(|payload| {
            payload
                .get("authorization")
                .or_else(|| payload.get("Authorization"))
        })
        .and_then(|value| value.as_str())
        .map(|value| bearer(value).unwrap_or_else(|| value.trim().to_owned()))
        .or(cookie_token);
    let app = &state.app;
    let viewer = match token {
        None => Viewer::Anonymous,
        Some(token) => match viewer_for_token(app, &token).await {
            Ok(Viewer::User(principal)) => Viewer::User(principal),
            Ok(Viewer::Anonymous) => {
                close(socket, CLOSE_FORBIDDEN, "Forbidden").await;
                return None;
            }
            Err(err) => {
                tracing::error!(error = ?err, "cannot resolve WebSocket session");
                close(socket, 1011, "internal error").await;
                return None;
            }
        },
    };
    let base = RequestContext {
        state: app.clone(),
        viewer,
        client_ip: Some(ip),
        request_id: None,
    };
    Some((init, base))
}

async fn serve(
    state: HttpState,
    mut socket: WebSocket,
    cookie_token: Option<String>,
    ip: std::net::IpAddr,
) {
    let _connection = crate::metrics::LiveGauge::websocket();
    // Boxed: its database futures are freed once it is done, rather than sizing the future
    // every idle connection keeps for hours.
    let Some((init, base)) = Box::pin(handshake(&state, &mut socket, cookie_token, ip)).await
    else {
        return;
    };
    let app = &state.app;
    let limits = &app.config.websocket;
    let executor = ConnectionExecutor::new(
        state.schemas.clone(),
        base,
        state.subscriptions.clone(),
        SubscriptionCaps {
            per_connection: limits.ws_max_subscriptions_per_connection,
            per_user: limits.ws_max_subscriptions_per_user,
        },
    );
    let mut data = Data::default();
    data.insert(connection_loaders(app));

    let (mut sink, stream) = socket.split();
    // Any frame from the client (a pong included) proves it is alive.
    let heard = Arc::new(AtomicBool::new(true));
    let heard_in = heard.clone();
    // The init message was consumed above; hand it to the protocol engine first.
    let input = futures::stream::once(async move { init.into_bytes() }).chain(stream.filter_map(
        move |message| {
            heard_in.store(true, Ordering::Relaxed);
            async move {
                match message {
                    Ok(Message::Text(text)) => Some(text.as_bytes().to_vec()),
                    Ok(Message::Binary(bytes)) => Some(bytes.to_vec()),
                    _ => None,
                }
            }
        },
    ));
    let mut outgoing = Box::pin(
        async_graphql::http::WebSocket::new(executor, input, WebSocketProtocols::GraphQLWS)
            .connection_data(data)
            .map(|message| match message {
                WsMessage::Text(text) => Message::Text(text.into()),
                WsMessage::Close(code, reason) => Message::Close(Some(CloseFrame {
                    code,
                    reason: reason.into(),
                })),
            }),
    );
    let shutdown = app.shutdown.clone();
    let mut ping = tokio::time::interval(Duration::from_secs(limits.ws_ping_secs.max(1)));
    ping.reset();
    loop {
        tokio::select! {
            () = shutdown.cancelled() => {
                let _ = sink.send(Message::Close(Some(CloseFrame { code: 1001, reason: "server shutting down".into() }))).await;
                break;
            }
            _ = ping.tick() => {
                // Silent for a whole interval since the last ping: the peer is gone.
                if !heard.swap(false, Ordering::Relaxed) {
                    let _ = sink.send(Message::Close(Some(CloseFrame { code: 1001, reason: "keepalive timeout".into() }))).await;
                    break;
                }
                if sink.send(Message::Ping(Default::default())).await.is_err() {
                    break;
                }
            }
            next = outgoing.next() => match next {
                Some(message) => if sink.send(message).await.is_err() { break },
                None => break,
            }
        }
    }
}
