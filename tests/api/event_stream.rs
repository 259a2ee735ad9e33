//! The live event stream delivers every event a subscriber may see, exactly once, in commit
//! order, through concurrent writers and listener outages, with the subscriber's current
//! rights.

use std::collections::HashSet;

use deskql::domain::roles::Role;
use futures::future::join_all;
use serde_json::{Value, json};

use crate::common::ws::WsClient;
use crate::common::{TestApp, pipeline_config};

const ALL_EVENTS: &str =
    "subscription($after: ID) { ticketEvents(after: $after) { id kind ticket { id } } }";

/// Reads `count` events from a subscription; fails if any message is not an event.
async fn read_events(ws: &mut WsClient, count: usize) -> Vec<(i64, String)> {
    let mut events = Vec::with_capacity(count);
    while events.len() < count {
        let payload = ws.next_event().await;
        let event = &payload["data"]["ticketEvents"];
        let id = event["id"].as_str().and_then(|id| id.parse().ok());
        let id = id.unwrap_or_else(|| panic!("not an event: {payload}"));
        events.push((
            id,
            event["ticket"]["id"]
                .as_str()
                .unwrap_or_default()
                .to_owned(),
        ));
    }
    events
}

#[tokio::test]
async fn live_subscribers_get_every_event_once_in_commit_order_under_concurrent_writers() {
    let app = TestApp::spawn_with(pipeline_config()).await;
    let admin = app.admin().await;
    for name in ["m1", "m2", "m3"] {
        app.user_with_role(name, Role::Moderator, &["billing", "login"])
            .await;
    }
    let filer = app.sign_up("filer").await;
    let mut live = WsClient::connect(&app, &admin.token).await;
    // From the start (the database has no events yet): whatever commits before the
    // subscription is registered comes by replay, the rest live, each exactly once.
    live.subscribe("live", ALL_EVENTS, json!({ "after": "0" }))
        .await;
    let create = "mutation($t: String!) { createTicket(input: { title: $t, description: \"My invoice login fails since this morning.\" }) { id } }";
    let tickets = 120;
    join_all((0..tickets).map(|n| {
        app.gql(
            Some(&filer.token),
            create,
            json!({ "t": format!("Billing login problem {n}") }),
        )
    }))
    .await;
    // Every ticket is created, triaged and assigned by four concurrent workers: three events
    // each, committed by many transactions at once.
    crate::common::eventually("all tickets assigned", || async {
        app.count_rows("tickets WHERE assignee_id IS NOT NULL")
            .await
            == tickets
    })
    .await;
    let expected = app.count_rows("ticket_events").await as usize;
    assert!(expected >= tickets as usize * 3, "{expected}");

    let received = read_events(&mut live, expected).await;
    let ids: Vec<i64> = received.iter().map(|(id, _)| *id).collect();
    assert!(
        ids.windows(2).all(|w| w[0] < w[1]),
        "strictly increasing ids"
    );
    assert_eq!(
        ids.iter().collect::<HashSet<_>>().len(),
        expected,
        "no duplicates"
    );

    // The replay from the start is the same sequence.
    let mut replay = WsClient::connect(&app, &admin.token).await;
    replay
        .subscribe("replay", ALL_EVENTS, json!({ "after": "0" }))
        .await;
    let replayed = read_events(&mut replay, expected).await;
    assert_eq!(received, replayed);

    // Resuming from the middle yields exactly the rest.
    let middle = received[expected / 2].0;
    let mut resumed = WsClient::connect(&app, &admin.token).await;
    resumed
        .subscribe("resume", ALL_EVENTS, json!({ "after": middle.to_string() }))
        .await;
    let rest = read_events(&mut resumed, expected - expected / 2 - 1).await;
    assert_eq!(rest, received[expected / 2 + 1..].to_vec());
}

#[tokio::test]
async fn events_committed_while_the_listener_is_down_are_delivered_after_it_returns() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    let owner = app.sign_up("outage").await;
    let mut live = WsClient::connect(&app, &admin.token).await;
    live.subscribe("1", ALL_EVENTS, json!({})).await;
    let first = app.create_ticket(&owner, "Before the outage").await;
    let seen = read_events(&mut live, 1).await;
    assert_eq!(seen[0].1, first["id"].as_str().expect("id"));

    // Cut the instance's LISTEN connection (and only it) from the database side.
    let mut conn = app.state.pool.get().await.expect("conn");
    use diesel_async::RunQueryDsl;
    diesel::sql_query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
         WHERE datname = current_database() AND query LIKE 'LISTEN%' AND pid <> pg_backend_pid()",
    )
    .execute(&mut conn)
    .await
    .expect("terminate listener");
    let during = app.create_ticket(&owner, "During the outage").await;
    let after = read_events(&mut live, 1).await;
    assert_eq!(after[0].1, during["id"].as_str().expect("id"));
    assert!(after[0].0 > seen[0].0);
}

const WATCH_WITH_THREAD: &str = r#"subscription($t: ID) {
  ticketEvents(ticketId: $t) { id kind ticket { messages { totalCount edges { node { body } } } } }
}"#;

#[tokio::test]
async fn a_demoted_moderator_stops_seeing_notes_on_an_open_socket() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    let moderator = app.user_with_role("demo", Role::Moderator, &[]).await;
    let ticket = app.create_ticket(&moderator, "My own ticket").await;
    let note = "mutation($id: ID!, $b: String!, $i: Boolean!) { addTicketMessage(ticketId: $id, input: { body: $b, internal: $i }) { message { id } } }";
    app.gql(
        Some(&admin.token),
        note,
        json!({ "id": ticket["id"], "b": "secret staff note", "i": true }),
    )
    .await;

    let mut ws = WsClient::connect(&app, &moderator.token).await;
    ws.subscribe("1", WATCH_WITH_THREAD, json!({ "t": ticket["id"] }))
        .await;
    let demote = "mutation($id: ID!) { updateUser(id: $id, input: { role: USER }) { role } }";
    let demoted = app
        .gql(Some(&admin.token), demote, json!({ "id": moderator.id }))
        .await;
    assert_eq!(demoted["data"]["updateUser"]["role"], "USER", "{demoted}");
    app.gql(
        Some(&admin.token),
        note,
        json!({ "id": ticket["id"], "b": "public answer", "i": false }),
    )
    .await;

    // The stream started with staff rights ends rather than resolve with them.
    let ended = ws.next_json().await.expect("a message");
    let error: &Value = &ended["payload"]["errors"][0];
    assert_eq!(error["extensions"]["code"], "RESUBSCRIBE", "{ended}");
    let after = error["extensions"]["after"]
        .as_str()
        .expect("after")
        .to_owned();
    let _complete = ws.next_json().await;

    // Resubscribed on the same socket, it runs with the current (user) rights.
    ws.subscribe(
        "2",
        "subscription($t: ID, $a: ID) { ticketEvents(ticketId: $t, after: $a) { kind ticket { messages { totalCount edges { node { body } } } } } }",
        json!({ "t": ticket["id"], "a": after }),
    )
    .await;
    let event = ws.next_event().await;
    let text = event.to_string();
    assert!(!text.contains("secret staff note"), "{text}");
    assert_eq!(
        event["data"]["ticketEvents"]["ticket"]["messages"]["totalCount"], 1,
        "{event}"
    );
}
