//! graphql-transport-ws as the spec says, with limits: message size, subscriptions per
//! connection and per user, keepalive pings.

use std::time::Duration;

use futures::{SinkExt, StreamExt};
use serde_json::json;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;

use crate::common::ws::{EVENT_DEADLINE, WsClient, close_code, raw_connect};
use crate::common::{TestApp, test_config};

const EVENTS: &str = "subscription { ticketEvents { id } }";

#[tokio::test]
async fn subscribe_before_init_closes_4401() {
    let app = TestApp::spawn().await;
    let mut socket = raw_connect(&app).await;
    let subscribe = json!({ "id": "1", "type": "subscribe", "payload": { "query": EVENTS } });
    socket
        .send(Message::text(subscribe.to_string()))
        .await
        .expect("send");
    assert_eq!(close_code(&mut socket).await, Some(4401));
}

#[tokio::test]
async fn the_legacy_graphql_ws_subprotocol_is_refused() {
    let app = TestApp::spawn().await;
    let mut request = format!("ws://{}/graphql/ws", app.addr)
        .into_client_request()
        .expect("request");
    request.headers_mut().insert(
        "sec-websocket-protocol",
        "graphql-ws".parse().expect("header"),
    );
    let refused = tokio_tungstenite::connect_async(request).await;
    assert!(refused.is_err(), "the upgrade must fail");
}

#[tokio::test]
async fn oversized_messages_are_refused_before_authentication() {
    let app = TestApp::spawn().await;
    let mut socket = raw_connect(&app).await;
    let huge = json!({ "type": "connection_init", "payload": { "pad": "x".repeat(200 * 1024) } });
    let _ = socket.send(Message::text(huge.to_string())).await;
    // The server drops the connection instead of buffering the message.
    let ended = tokio::time::timeout(EVENT_DEADLINE, async {
        loop {
            match socket.next().await {
                None | Some(Err(_)) | Some(Ok(Message::Close(_))) => return,
                Some(Ok(_)) => {}
            }
        }
    })
    .await;
    assert!(ended.is_ok(), "connection still open");
}

/// Reads the refusal of one of the subscriptions just sent (which one is up to the server's
/// scheduling) and its `complete`; returns its id.
async fn refused_one(client: &mut WsClient, ids: &[&str]) -> String {
    let refused = client.next_json().await.expect("an answer");
    assert_eq!(
        refused["payload"]["errors"][0]["extensions"]["code"], "SUBSCRIPTION_LIMIT",
        "{refused}"
    );
    let id = refused["id"].as_str().expect("id").to_owned();
    assert!(ids.contains(&id.as_str()), "{refused}");
    assert_eq!(
        client.next_json().await,
        Some(json!({ "id": id, "type": "complete" }))
    );
    id
}

#[tokio::test]
async fn subscriptions_are_capped_per_connection_and_per_user() {
    let mut config = test_config();
    config.websocket.ws_max_subscriptions_per_connection = 2;
    config.websocket.ws_max_subscriptions_per_user = 3;
    let app = TestApp::spawn_with(config).await;
    let user = app.sign_up("subs").await;
    let mut first = WsClient::connect(&app, &user.token).await;
    for id in ["a", "b", "c"] {
        first.subscribe(id, EVENTS, json!({})).await;
    }
    let refused = refused_one(&mut first, &["a", "b", "c"]).await;
    let open: Vec<&str> = ["a", "b", "c"]
        .into_iter()
        .filter(|id| *id != refused)
        .collect();

    // Two open here, so the user has room for one more anywhere.
    let mut second = WsClient::connect(&app, &user.token).await;
    second.subscribe("d", EVENTS, json!({})).await;
    second.subscribe("e", EVENTS, json!({})).await;
    refused_one(&mut second, &["d", "e"]).await;

    // Completing one frees its slot for the user.
    first
        .send_raw(json!({ "id": open[0], "type": "complete" }).to_string())
        .await;
    assert_eq!(
        first.next_json().await,
        Some(json!({ "id": open[0], "type": "complete" }))
    );
    second.subscribe("f", EVENTS, json!({})).await;
    app.create_ticket(&user, "Slot freed").await;
    // Both of the second connection's subscriptions deliver the event: none was refused.
    for _ in 0..2 {
        let event = second.next_json().await.expect("an event");
        assert_eq!(event["type"], "next", "{event}");
        assert!(event["payload"]["errors"].is_null(), "{event}");
    }
}

#[tokio::test]
async fn the_server_pings_idle_connections() {
    let mut config = test_config();
    config.websocket.ws_ping_secs = 1;
    let app = TestApp::spawn_with(config).await;
    let mut socket = raw_connect(&app).await;
    socket
        .send(Message::text(
            json!({ "type": "connection_init" }).to_string(),
        ))
        .await
        .expect("send");
    let ping = tokio::time::timeout(Duration::from_secs(5), async {
        loop {
            match socket.next().await {
                Some(Ok(Message::Ping(_))) => return true,
                Some(Ok(_)) => {}
                _ => return false,
            }
        }
    })
    .await;
    assert_eq!(ping, Ok(true));
}
