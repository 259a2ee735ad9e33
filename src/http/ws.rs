//! GraphQL subscriptions over WebSocket. The connection handshake is ours (so bad credentials
//! close with 4403 and a missing `connection_init` with 4408); after it, async-graphql runs
//! the protocol.

use std::net::SocketAddr;
use std::str::FromStr;
use std::time::Duration;

use async_graphql::Data;
use async_graphql::http::{WebSocketProtocols, WsMessage};
use axum::extract::ws::{CloseFrame, Message, WebSocket, WebSocketUpgrade};
use axum::extract::{ConnectInfo, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use futures::{SinkExt, StreamExt};

use crate::auth::Viewer;
use crate::graphql::loaders::connection_loaders;
use crate::http::HttpState;
use crate::http::auth::{bearer, client_ip, origin_allowed, viewer_for_token};
use crate::http::cookies;
use crate::services::RequestContext;

pub const INIT_TIMEOUT: Duration = Duration::from_secs(3);
pub const CLOSE_FORBIDDEN: u16 = 4403;
pub const CLOSE_INIT_TIMEOUT: u16 = 4408;
pub const CLOSE_BAD_REQUEST: u16 = 4400;

pub async fn handler(
    State(state): State<HttpState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    upgrade: WebSocketUpgrade,
) -> Response {
    if !origin_allowed(&state.app.config, &headers) {
        return (StatusCode::FORBIDDEN, "origin not allowed").into_response();
    }
    let protocol = headers
        .get("sec-websocket-protocol")
        .and_then(|value| value.to_str().ok())
        .and_then(|value| {
            value
                .split(',')
                .find_map(|p| WebSocketProtocols::from_str(p.trim()).ok())
        })
        .unwrap_or(WebSocketProtocols::GraphQLWS);
    let cookie_token = cookies::access_token(&headers);
    let ip = client_ip(&state.app.config, &headers, peer);
    upgrade
        .protocols([protocol.sec_websocket_protocol()])
        .on_upgrade(move |socket| serve(state, socket, protocol, cookie_token, ip))
}

async fn close(mut socket: WebSocket, code: u16, reason: &'static str) {
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

async fn serve(
    state: HttpState,
    mut socket: WebSocket,
    protocol: WebSocketProtocols,
    cookie_token: Option<String>,
    ip: std::net::IpAddr,
) {
    let init = match tokio::time::timeout(INIT_TIMEOUT, first_text(&mut socket)).await {
        Err(_) => {
            return close(
                socket,
                CLOSE_INIT_TIMEOUT,
                "Connection initialisation timeout",
            )
            .await;
        }
        Ok(None) => return,
        Ok(Some(text)) => text,
    };
    let Ok(message) = serde_json::from_str::<serde_json::Value>(&init) else {
        return close(socket, CLOSE_BAD_REQUEST, "invalid message").await;
    };
    if message.get("type").and_then(|t| t.as_str()) != Some("connection_init") {
        return close(socket, CLOSE_BAD_REQUEST, "expected connection_init").await;
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
            Ok(Viewer::Anonymous) => return close(socket, CLOSE_FORBIDDEN, "Forbidden").await,
            Err(err) => {
                tracing::error!(error = ?err, "cannot resolve WebSocket session");
                return close(socket, 1011, "internal error").await;
            }
        },
    };
    let mut data = Data::default();
    data.insert(RequestContext {
        state: app.clone(),
        viewer,
        client_ip: Some(ip),
    });
    data.insert(connection_loaders(app));

    let (mut sink, stream) = socket.split();
    // The init message was consumed above; hand it to the protocol engine first.
    let input = futures::stream::once(async move { init.into_bytes() }).chain(stream.filter_map(
        |message| async move {
            match message {
                Ok(Message::Text(text)) => Some(text.as_bytes().to_vec()),
                Ok(Message::Binary(bytes)) => Some(bytes.to_vec()),
                _ => None,
            }
        },
    ));
    let mut outgoing = Box::pin(
        async_graphql::http::WebSocket::new(state.schema.clone(), input, protocol)
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
    loop {
        tokio::select! {
            () = shutdown.cancelled() => {
                let _ = sink.send(Message::Close(Some(CloseFrame { code: 1001, reason: "server shutting down".into() }))).await;
                break;
            }
            next = outgoing.next() => match next {
                Some(message) => if sink.send(message).await.is_err() { break },
                None => break,
            }
        }
    }
}
