//! A minimal graphql-transport-ws client over tokio-tungstenite.

use std::time::Duration;

use futures::{SinkExt, StreamExt};
use serde_json::{Value, json};
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};

use super::Instance;

/// Long enough for a slow CI machine; events normally arrive in milliseconds. Many events
/// follow background jobs, and the first triage in a test process trains the model first
/// (seconds of CPU in a test build), so this only bounds how long a failing test hangs.
pub const EVENT_DEADLINE: Duration = Duration::from_secs(60);

pub struct WsClient {
    socket: WebSocketStream<MaybeTlsStream<TcpStream>>,
}

pub async fn raw_connect(instance: &Instance) -> WebSocketStream<MaybeTlsStream<TcpStream>> {
    let mut request = format!("ws://{}/graphql/ws", instance.addr)
        .into_client_request()
        .expect("request");
    request.headers_mut().insert(
        "sec-websocket-protocol",
        "graphql-transport-ws".parse().expect("header"),
    );
    let (socket, _) = tokio_tungstenite::connect_async(request)
        .await
        .expect("connect");
    socket
}

impl WsClient {
    /// Connects and completes `connection_init`/`connection_ack`.
    pub async fn connect(instance: &Instance, token: &str) -> Self {
        let mut socket = raw_connect(instance).await;
        let init = json!({ "type": "connection_init", "payload": { "authorization": format!("Bearer {token}") } });
        socket
            .send(Message::text(init.to_string()))
            .await
            .expect("send init");
        let mut client = Self { socket };
        let ack = client.next_json().await.expect("ack");
        assert_eq!(ack["type"], "connection_ack", "{ack}");
        client
    }

    pub async fn subscribe(&mut self, id: &str, query: &str, variables: Value) {
        let message = json!({ "id": id, "type": "subscribe", "payload": { "query": query, "variables": variables } });
        self.socket
            .send(Message::text(message.to_string()))
            .await
            .expect("send subscribe");
    }

    pub async fn send_raw(&mut self, text: String) {
        self.socket
            .send(Message::text(text))
            .await
            .expect("send message");
    }

    /// The next protocol message, or `None` if the server closed the connection.
    pub async fn next_json(&mut self) -> Option<Value> {
        self.next_json_within(EVENT_DEADLINE).await
    }

    /// Like [`Self::next_json`], for events due later than the usual deadline.
    pub async fn next_json_within(&mut self, deadline: Duration) -> Option<Value> {
        loop {
            let message = tokio::time::timeout(deadline, self.socket.next())
                .await
                .expect("no message before the deadline")?
                .ok()?;
            match message {
                Message::Text(text) => return Some(serde_json::from_str(&text).expect("json")),
                Message::Close(_) => return None,
                _ => {}
            }
        }
    }

    /// The payload of the next `next` message.
    pub async fn next_event(&mut self) -> Value {
        self.next_event_within(EVENT_DEADLINE).await
    }

    pub async fn next_event_within(&mut self, deadline: Duration) -> Value {
        let message = self
            .next_json_within(deadline)
            .await
            .expect("connection closed");
        assert_eq!(message["type"], "next", "{message}");
        message["payload"].clone()
    }
}

/// Reads messages until the server closes; returns the close code.
pub async fn close_code(socket: &mut WebSocketStream<MaybeTlsStream<TcpStream>>) -> Option<u16> {
    loop {
        let message = tokio::time::timeout(EVENT_DEADLINE, socket.next())
            .await
            .expect("server did not close in time")?;
        match message {
            Ok(Message::Close(Some(frame))) => return Some(frame.code.into()),
            Ok(Message::Close(None)) | Err(_) => return None,
            Ok(_) => {}
        }
    }
}
