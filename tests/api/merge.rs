//! Merging tickets: the source's thread moves to the target, the source closes for good, its
//! requester hears about it, its tracking link follows, subscribers see it; and the merges
//! that make no sense are refused with their own codes, also when two race.

use deskql::domain::roles::Role;
use futures::future::join_all;
use serde_json::{Value, json};

use crate::common::mail::{ReceivedMail, SmtpSink};
use crate::common::ws::WsClient;
use crate::common::{TestApp, error_code, eventually, pipeline_config};
use crate::thread::post;

const SUBMIT: &str = r#"mutation($input: GuestTicketInput!) {
  submitGuestTicket(input: $input) { id number trackingToken }
}"#;
const MERGE: &str = r#"mutation($source: ID!, $target: ID!, $confirm: Boolean) {
  mergeTickets(sourceId: $source, targetId: $target, confirm: $confirm) {
    messagesMoved
    source { number status mergedInto { number } }
    target { number status }
  }
}"#;
const THREAD: &str = r#"query($id: ID!) {
  ticket(id: $id) { number messages(first: 50) { edges { node { body authorRole mergedFrom } } } }
}"#;
const TRACK: &str = r#"query($token: String!) { trackTicket(token: $token) { number } }"#;
const EVENTS: &str = r#"subscription($ticketId: ID) {
  ticketEvents(ticketId: $ticketId) { kind fromValue toValue ticket { number } }
}"#;

async fn submit(app: &TestApp, email: &str, title: &str, description: &str) -> Value {
    let body = app
        .gql(
            None,
            SUBMIT,
            json!({ "input": { "title": title, "description": description, "customerEmail": email, "customerName": "Gina Guest" } }),
        )
        .await;
    let receipt = body["data"]["submitGuestTicket"].clone();
    assert!(receipt["trackingToken"].is_string(), "{body}");
    receipt
}

async fn merge(app: &TestApp, token: &str, source: &Value, target: &Value, confirm: bool) -> Value {
    app.gql(
        Some(token),
        MERGE,
        json!({ "source": source["id"], "target": target["id"], "confirm": confirm }),
    )
    .await
}

#[tokio::test]
async fn a_merge_moves_the_thread_closes_the_source_and_tells_everyone() {
    let sink = SmtpSink::start();
    let mut config = pipeline_config();
    config.pipeline.smtp_url = Some(sink.url().into());
    let app = TestApp::spawn_with(config).await;
    let agent = app.user_with_role("agent", Role::Moderator, &[]).await;
    let source = submit(
        &app,
        "gina@example.com",
        "Order 1234 missing",
        "My order 1234 never arrived.",
    )
    .await;
    let target = submit(
        &app,
        "GINA@example.com",
        "Where is order 1234?",
        "Still waiting for order 1234.",
    )
    .await;
    let reply = post(
        &app,
        &agent.token,
        &source["id"],
        json!({ "body": "Checking with the courier." }),
    )
    .await;
    assert!(reply["errors"].is_null(), "{reply}");

    let mut ws = WsClient::connect(&app, &agent.token).await;
    ws.subscribe("1", EVENTS, json!({ "ticketId": target["id"] }))
        .await;

    let merged = merge(&app, &agent.token, &source, &target, false).await;
    let result = &merged["data"]["mergeTickets"];
    assert_eq!(result["messagesMoved"], 2, "{merged}");
    assert_eq!(result["source"]["status"], "CLOSED", "{merged}");
    assert_eq!(
        result["source"]["mergedInto"]["number"], target["number"],
        "{merged}"
    );
    assert_eq!(result["target"]["number"], target["number"], "{merged}");

    // The target's thread now holds the source's description and reply, marked.
    let thread = app
        .gql(Some(&agent.token), THREAD, json!({ "id": target["id"] }))
        .await;
    let messages: Vec<&Value> = thread["data"]["ticket"]["messages"]["edges"]
        .as_array()
        .expect("messages")
        .iter()
        .map(|edge| &edge["node"])
        .collect();
    assert_eq!(messages.len(), 2, "{thread}");
    assert_eq!(
        messages[0]["body"], "My order 1234 never arrived.",
        "{thread}"
    );
    assert_eq!(messages[0]["authorRole"], "REQUESTER", "{thread}");
    assert!(
        messages.iter().all(|m| m["mergedFrom"] == source["number"]),
        "{thread}"
    );
    let empty = app
        .gql(Some(&agent.token), THREAD, json!({ "id": source["id"] }))
        .await;
    assert_eq!(
        empty["data"]["ticket"]["messages"]["edges"],
        json!([]),
        "{empty}"
    );

    // Subscribers of the target see the merge (after whatever triage and assignment did).
    let mut seen = Vec::new();
    let merge_event = loop {
        let event = ws.next_event().await["data"]["ticketEvents"].clone();
        if event["kind"] == "MERGED" {
            break event;
        }
        seen.push(event);
        assert!(seen.len() < 10, "no MERGED event among {seen:?}");
    };
    assert_eq!(merge_event["fromValue"], source["number"], "{merge_event}");
    assert_eq!(
        app.count_rows(&format!(
            "ticket_events WHERE kind = 'MERGED' AND ticket_id = '{}' AND to_value = '{}'",
            source["id"].as_str().expect("id"),
            target["number"].as_str().expect("number")
        ))
        .await,
        1
    );

    // The source's guest link now opens the target.
    let tracked = app
        .gql(None, TRACK, json!({ "token": source["trackingToken"] }))
        .await;
    assert_eq!(
        tracked["data"]["trackTicket"]["number"], target["number"],
        "{tracked}"
    );

    // The source's requester is told where their ticket went.
    let is_notice = |m: &ReceivedMail| m.subject().contains("Merged into");
    eventually("the merge notice", || async {
        sink.received().iter().any(is_notice)
    })
    .await;
    let mails = sink.received();
    let notice = mails.iter().find(|m| is_notice(m)).expect("merge notice");
    assert!(
        notice
            .subject()
            .contains(source["number"].as_str().expect("number"))
    );
    assert!(
        notice
            .subject()
            .contains(target["number"].as_str().expect("number"))
    );

    // A merged ticket cannot be merged again, nor be merged into.
    let again = merge(&app, &agent.token, &source, &target, false).await;
    assert_eq!(error_code(&again), "ALREADY_MERGED", "{again}");
    assert_eq!(
        again["errors"][0]["extensions"]["mergedInto"], target["number"],
        "{again}"
    );
    let into_merged = merge(&app, &agent.token, &target, &source, false).await;
    assert_eq!(error_code(&into_merged), "ALREADY_MERGED", "{into_merged}");
}

#[tokio::test]
async fn merges_that_make_no_sense_are_refused_and_opposite_merges_cannot_both_win() {
    let app = TestApp::spawn().await;
    let agent = app.user_with_role("agent", Role::Moderator, &[]).await;
    let ann = app.sign_up("ann").await;
    let bob = app.sign_up("bob").await;
    let anns = app.create_ticket(&ann, "Export fails").await;
    let bobs = app.create_ticket(&bob, "Export broken").await;

    // Only staff merge.
    let by_requester = merge(&app, &ann.token, &anns, &bobs, true).await;
    assert_eq!(error_code(&by_requester), "FORBIDDEN", "{by_requester}");
    let anonymous = app
        .gql(
            None,
            MERGE,
            json!({ "source": anns["id"], "target": bobs["id"] }),
        )
        .await;
    assert_eq!(error_code(&anonymous), "UNAUTHENTICATED", "{anonymous}");

    let itself = merge(&app, &agent.token, &anns, &anns, true).await;
    assert_eq!(error_code(&itself), "BAD_USER_INPUT", "{itself}");
    assert_eq!(
        itself["errors"][0]["extensions"]["field"], "targetId",
        "{itself}"
    );
    let missing = app
        .gql(
            Some(&agent.token),
            MERGE,
            json!({ "source": anns["id"], "target": "0190a0a0-0000-7000-8000-000000000000" }),
        )
        .await;
    assert_eq!(error_code(&missing), "NOT_FOUND", "{missing}");

    // Different requesters need an explicit confirmation; without it nothing changes.
    let unconfirmed = merge(&app, &agent.token, &anns, &bobs, false).await;
    assert_eq!(
        error_code(&unconfirmed),
        "CONFIRMATION_REQUIRED",
        "{unconfirmed}"
    );
    assert_eq!(
        app.count_rows("ticket_events WHERE kind = 'MERGED'").await,
        0
    );
    assert_eq!(
        app.count_rows("tickets WHERE merged_into_id IS NOT NULL")
            .await,
        0
    );

    // Two agents merge the pair in opposite directions at once: one wins, one is told.
    let outcomes = join_all([
        merge(&app, &agent.token, &anns, &bobs, true),
        merge(&app, &agent.token, &bobs, &anns, true),
    ])
    .await;
    let won = outcomes
        .iter()
        .filter(|body| body["errors"].is_null())
        .count();
    assert_eq!(won, 1, "{outcomes:?}");
    assert!(
        outcomes
            .iter()
            .any(|body| error_code(body) == "ALREADY_MERGED"),
        "{outcomes:?}"
    );
    assert_eq!(
        app.count_rows("tickets WHERE merged_into_id IS NOT NULL")
            .await,
        1
    );
    assert_eq!(
        app.count_rows("tickets WHERE merged_into_id IS NOT NULL AND status = 'CLOSED'")
            .await,
        1
    );

    // A closed ticket is not merged.
    let carl = app.create_ticket(&ann, "Another issue").await;
    let cancel = app
        .gql(
            Some(&agent.token),
            r#"mutation($id: ID!) { updateTicket(id: $id, input: { status: CANCELLED }) { status } }"#,
            json!({ "id": carl["id"] }),
        )
        .await;
    assert!(cancel["errors"].is_null(), "{cancel}");
    let open = if outcomes[0]["errors"].is_null() {
        &bobs
    } else {
        &anns
    };
    let from_cancelled = merge(&app, &agent.token, &carl, open, true).await;
    assert_eq!(error_code(&from_cancelled), "CONFLICT", "{from_cancelled}");
}
