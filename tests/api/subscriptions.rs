use deskql::domain::roles::Role;
use futures::SinkExt;
use serde_json::json;
use tokio_tungstenite::tungstenite::Message;

use crate::common::TestApp;
use crate::common::ws::{WsClient, close_code, raw_connect};

const TICKET_EVENTS: &str = r#"subscription($after: ID, $ticketId: ID) {
    ticketEvents(after: $after, ticketId: $ticketId) { id kind fromStatus toStatus ticket { number } }
}"#;
const MY_ASSIGNMENTS: &str = r#"subscription($after: ID) {
    myAssignments(after: $after) { kind toValue fromValue ticket { number } }
}"#;
const SET_STATUS: &str = r#"mutation($id: ID!, $s: TicketStatus!) { updateTicket(id: $id, input: { status: $s }) { status } }"#;

#[tokio::test]
async fn replay_then_live_status_changes() {
    let app = TestApp::spawn().await;
    let owner = app.sign_up("owner").await;
    let agent = app.user_with_role("agent", Role::Moderator, &[]).await;
    let ticket = app.create_ticket(&owner, "Watch me").await;

    // `after: "0"` replays from the start, so nothing created before subscribing is missed.
    let mut ws = WsClient::connect(&app, &owner.token).await;
    ws.subscribe("1", TICKET_EVENTS, json!({ "after": "0" }))
        .await;
    let created = ws.next_event().await;
    assert_eq!(
        created["data"]["ticketEvents"]["kind"], "CREATED",
        "{created}"
    );
    assert_eq!(
        created["data"]["ticketEvents"]["ticket"]["number"],
        ticket["number"]
    );

    app.gql(
        Some(&agent.token),
        SET_STATUS,
        json!({ "id": ticket["id"], "s": "IN_PROGRESS" }),
    )
    .await;
    let changed = ws.next_event().await;
    let event = &changed["data"]["ticketEvents"];
    assert_eq!(event["kind"], "STATUS_CHANGED", "{changed}");
    assert_eq!(event["fromStatus"], "TODO");
    assert_eq!(event["toStatus"], "IN_PROGRESS");
    let last_seen = event["id"].as_str().expect("id").to_owned();

    // A reconnecting client resumes after the last event it saw and loses nothing.
    drop(ws);
    app.gql(
        Some(&agent.token),
        SET_STATUS,
        json!({ "id": ticket["id"], "s": "RESOLVED" }),
    )
    .await;
    let mut ws = WsClient::connect(&app, &owner.token).await;
    ws.subscribe("2", TICKET_EVENTS, json!({ "after": last_seen }))
        .await;
    let missed = ws.next_event().await;
    assert_eq!(
        missed["data"]["ticketEvents"]["toStatus"], "RESOLVED",
        "{missed}"
    );
}

#[tokio::test]
async fn users_never_receive_other_users_events() {
    let app = TestApp::spawn().await;
    let ann = app.sign_up("ann").await;
    let bob = app.sign_up("bob").await;
    app.create_ticket(&bob, "Bob's private ticket").await;
    let mut ws = WsClient::connect(&app, &ann.token).await;
    ws.subscribe("1", TICKET_EVENTS, json!({ "after": "0" }))
        .await;
    let own = app.create_ticket(&ann, "Ann's ticket").await;
    // Bob's event is older: had it leaked it would arrive first.
    let first = ws.next_event().await;
    assert_eq!(
        first["data"]["ticketEvents"]["ticket"]["number"], own["number"],
        "{first}"
    );

    let foreign = app.create_ticket(&bob, "Another of Bob's").await;
    let mut probe = WsClient::connect(&app, &ann.token).await;
    probe
        .subscribe("2", TICKET_EVENTS, json!({ "ticketId": foreign["id"] }))
        .await;
    let refused = probe.next_event().await;
    assert!(refused["data"].is_null(), "{refused}");
    assert_eq!(
        refused["errors"][0]["extensions"]["code"], "NOT_FOUND",
        "{refused}"
    );
}

#[tokio::test]
async fn moderators_see_their_assignments() {
    let app = TestApp::spawn().await;
    let owner = app.sign_up("owner").await;
    let mia = app.user_with_role("mia", Role::Moderator, &[]).await;
    let max = app.user_with_role("max", Role::Moderator, &[]).await;
    let ticket = app.create_ticket(&owner, "Assign and reassign").await;
    let mut ws = WsClient::connect(&app, &mia.token).await;
    ws.subscribe("1", MY_ASSIGNMENTS, json!({ "after": "0" }))
        .await;
    let assign =
        "mutation($id: ID!, $to: ID) { assignTicket(id: $id, input: { assigneeId: $to }) { id } }";
    app.gql(
        Some(&max.token),
        assign,
        json!({ "id": ticket["id"], "to": mia.id }),
    )
    .await;
    app.gql(
        Some(&max.token),
        assign,
        json!({ "id": ticket["id"], "to": max.id }),
    )
    .await;
    let given = ws.next_event().await;
    assert_eq!(
        given["data"]["myAssignments"]["toValue"],
        mia.id.as_str(),
        "{given}"
    );
    let taken = ws.next_event().await;
    assert_eq!(
        taken["data"]["myAssignments"]["fromValue"],
        mia.id.as_str(),
        "{taken}"
    );
    assert_eq!(taken["data"]["myAssignments"]["toValue"], max.id.as_str());

    let mut user_ws = WsClient::connect(&app, &owner.token).await;
    user_ws.subscribe("2", MY_ASSIGNMENTS, json!({})).await;
    let refused = user_ws.next_event().await;
    assert_eq!(
        refused["errors"][0]["extensions"]["code"], "FORBIDDEN",
        "{refused}"
    );
}

#[tokio::test]
async fn bad_credentials_close_4403_and_silence_closes_4408() {
    let app = TestApp::spawn().await;
    let mut socket = raw_connect(&app).await;
    let init =
        json!({ "type": "connection_init", "payload": { "authorization": "Bearer not-a-token" } });
    socket
        .send(Message::text(init.to_string()))
        .await
        .expect("send");
    assert_eq!(close_code(&mut socket).await, Some(4403));

    let mut silent = raw_connect(&app).await;
    assert_eq!(close_code(&mut silent).await, Some(4408));
}

#[tokio::test]
async fn events_cross_server_instances() {
    let app = TestApp::spawn().await;
    let other = app.second_instance().await;
    let owner = app.sign_up("owner").await;
    let agent = app.user_with_role("agent", Role::Moderator, &[]).await;
    // No `after`: only live delivery, which must come through Postgres from the other process.
    let mut ws = WsClient::connect(&other, &agent.token).await;
    ws.subscribe("1", TICKET_EVENTS, json!({})).await;
    // The subscription becomes live asynchronously; file tickets on the first instance until
    // one arrives, then prove the next one is delivered in order.
    let mut crossed = false;
    for attempt in 0..50 {
        app.create_ticket(&owner, &format!("Cross instance {attempt}"))
            .await;
        let wait = std::time::Duration::from_millis(200);
        if let Ok(Some(message)) = tokio::time::timeout(wait, ws.next_json()).await {
            assert_eq!(
                message["payload"]["data"]["ticketEvents"]["kind"], "CREATED",
                "{message}"
            );
            crossed = true;
            break;
        }
    }
    assert!(crossed, "no event crossed instances");
    let next = app.create_ticket(&owner, "Cross instance, in order").await;
    loop {
        let event = ws.next_event().await;
        let number = &event["data"]["ticketEvents"]["ticket"]["number"];
        if *number == next["number"] {
            break;
        }
        // Only earlier attempts' events may come first.
        assert!(
            number
                .as_str()
                .is_some_and(|n| n < next["number"].as_str().unwrap_or_default()),
            "{event}"
        );
    }
}
