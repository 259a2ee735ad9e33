//! The conversation thread: replies, status automation, and internal notes that requesters
//! never see anywhere.

use deskql::domain::roles::Role;
use serde_json::{Value, json};

use crate::common::mail::SmtpSink;
use crate::common::ws::WsClient;
use crate::common::{TestApp, error_code, eventually, pipeline_config};

pub const ADD_MESSAGE: &str = r#"mutation($id: ID!, $input: AddTicketMessageInput!) {
  addTicketMessage(ticketId: $id, input: $input) {
    message { id body bodyHtml internal authorRole authorName }
    ticket { status firstResponseAt }
  }
}"#;

const THREAD: &str = r#"query($id: ID!) {
  ticket(id: $id) {
    status
    messages { totalCount edges { node { body internal authorRole } } }
    history { kind message { body } }
  }
}"#;

const SET_STATUS: &str = r#"mutation($id: ID!, $s: TicketStatus!) { updateTicket(id: $id, input: { status: $s }) { status } }"#;

pub async fn post(app: &TestApp, token: &str, ticket_id: &Value, input: Value) -> Value {
    app.gql(
        Some(token),
        ADD_MESSAGE,
        json!({ "id": ticket_id, "input": input }),
    )
    .await
}

#[tokio::test]
async fn replies_drive_the_status_and_first_response() {
    let app = TestApp::spawn().await;
    let owner = app.sign_up("owner").await;
    let agent = app.user_with_role("agent", Role::Moderator, &[]).await;
    let ticket = app.create_ticket(&owner, "Printer jams").await;
    let id = &ticket["id"];

    // A note is not a response.
    let note = post(
        &app,
        &agent.token,
        id,
        json!({ "body": "checking logs", "internal": true }),
    )
    .await;
    assert_eq!(
        note["data"]["addTicketMessage"]["ticket"]["firstResponseAt"],
        Value::Null,
        "{note}"
    );

    // The first public staff reply sets firstResponseAt and may set the next status.
    let reply = post(
        &app,
        &agent.token,
        id,
        json!({ "body": "Which **model** is it? <script>alert(1)</script> [x](javascript:alert(2))", "nextStatus": "WAITING_FOR_CUSTOMER" }),
    )
    .await;
    let payload = &reply["data"]["addTicketMessage"];
    assert_eq!(
        payload["ticket"]["status"], "WAITING_FOR_CUSTOMER",
        "{reply}"
    );
    let first_response = payload["ticket"]["firstResponseAt"].clone();
    assert!(first_response.is_string(), "{reply}");
    let html = payload["message"]["bodyHtml"].as_str().expect("html");
    assert!(html.contains("<strong>model</strong>"), "{html}");
    assert!(
        !html.contains("<script") && !html.contains("javascript:"),
        "{html}"
    );
    assert_eq!(payload["message"]["authorRole"], "STAFF");

    // The requester's answer brings the ticket back into work.
    let answer = post(&app, &owner.token, id, json!({ "body": "An LX-200." })).await;
    assert_eq!(
        answer["data"]["addTicketMessage"]["ticket"]["status"], "IN_PROGRESS",
        "{answer}"
    );

    // A second staff reply keeps the first response time.
    let again = post(&app, &agent.token, id, json!({ "body": "Thanks, fixing." })).await;
    assert_eq!(
        again["data"]["addTicketMessage"]["ticket"]["firstResponseAt"],
        first_response
    );

    // Resolved tickets reopen on a requester reply; the workflow still binds staff.
    app.gql(
        Some(&agent.token),
        SET_STATUS,
        json!({ "id": id, "s": "RESOLVED" }),
    )
    .await;
    let reopened = post(&app, &owner.token, id, json!({ "body": "Still jams." })).await;
    assert_eq!(
        reopened["data"]["addTicketMessage"]["ticket"]["status"],
        "IN_PROGRESS"
    );
    app.gql(
        Some(&agent.token),
        SET_STATUS,
        json!({ "id": id, "s": "ON_HOLD" }),
    )
    .await;
    let bad = post(
        &app,
        &agent.token,
        id,
        json!({ "body": "done", "nextStatus": "RESOLVED" }),
    )
    .await;
    assert_eq!(error_code(&bad), "INVALID_TRANSITION", "{bad}");
    assert_eq!(
        app.count_rows("ticket_messages WHERE body = 'done'").await,
        0
    );

    // Requesters can neither write notes nor set the status.
    let sneaky = post(
        &app,
        &owner.token,
        id,
        json!({ "body": "x", "internal": true }),
    )
    .await;
    assert_eq!(error_code(&sneaky), "BAD_USER_INPUT", "{sneaky}");
    let pushy = post(
        &app,
        &owner.token,
        id,
        json!({ "body": "x", "nextStatus": "RESOLVED" }),
    )
    .await;
    assert_eq!(error_code(&pushy), "BAD_USER_INPUT", "{pushy}");

    // Closed tickets refuse replies, from either side.
    app.gql(
        Some(&agent.token),
        SET_STATUS,
        json!({ "id": id, "s": "CANCELLED" }),
    )
    .await;
    for token in [&owner.token, &agent.token] {
        let refused = post(&app, token, id, json!({ "body": "hello?" })).await;
        assert_eq!(error_code(&refused), "TICKET_CLOSED", "{refused}");
    }

    // Strangers cannot post, and empty bodies are refused.
    let stranger = app.sign_up("stranger").await;
    let foreign = post(&app, &stranger.token, id, json!({ "body": "hi" })).await;
    assert_eq!(error_code(&foreign), "NOT_FOUND");
    let other = app.create_ticket(&owner, "Another one").await;
    let empty = post(&app, &owner.token, &other["id"], json!({ "body": "   " })).await;
    assert_eq!(error_code(&empty), "BAD_USER_INPUT");
}

async fn next_message_event(ws: &mut WsClient) -> Value {
    loop {
        let event = ws.next_event().await;
        let event = &event["data"]["ticketEvents"];
        if event["kind"] == "MESSAGE_ADDED" {
            return event.clone();
        }
    }
}

#[tokio::test]
async fn internal_notes_stay_internal_on_every_path() {
    let sink = SmtpSink::start();
    let mut config = pipeline_config();
    config.pipeline.smtp_url = Some(sink.url().into());
    let app = TestApp::spawn_with(config).await;
    let agent = app.user_with_role("agent", Role::Moderator, &[]).await;
    let owner = app.sign_up("owner").await;
    let ticket = app.create_ticket(&owner, "Password reset loop").await;
    let id = ticket["id"].clone();

    let mut requester_ws = WsClient::connect(&app, &owner.token).await;
    requester_ws
        .subscribe("1", "subscription($t: ID) { ticketEvents(ticketId: $t) { kind message { body internal } } }", json!({ "t": id }))
        .await;
    let mut staff_ws = WsClient::connect(&app, &agent.token).await;
    staff_ws
        .subscribe("1", "subscription($t: ID) { ticketEvents(ticketId: $t) { kind message { body internal } } }", json!({ "t": id }))
        .await;

    let note = post(
        &app,
        &agent.token,
        &id,
        json!({ "body": "zebracorn suspect a fraud attempt", "internal": true }),
    )
    .await;
    assert_eq!(
        note["data"]["addTicketMessage"]["message"]["internal"], true,
        "{note}"
    );
    let reply = post(
        &app,
        &agent.token,
        &id,
        json!({ "body": "Please try the reset link again." }),
    )
    .await;
    assert!(reply["data"].is_object(), "{reply}");

    // Live: staff see both, the requester only the public reply (the pipeline's own events
    // interleave, so skip to the messages).
    let first = next_message_event(&mut staff_ws).await;
    assert_eq!(first["message"]["internal"], true, "{first}");
    let second = next_message_event(&mut staff_ws).await;
    assert_eq!(second["message"]["internal"], false);
    let seen = next_message_event(&mut requester_ws).await;
    assert_eq!(
        seen["message"]["body"], "Please try the reset link again.",
        "the requester's first message event is the public reply: {seen}"
    );

    // Thread, counts and history.
    let mine = app
        .gql(Some(&owner.token), THREAD, json!({ "id": id }))
        .await;
    let thread = &mine["data"]["ticket"]["messages"];
    assert_eq!(thread["totalCount"], 1, "{mine}");
    assert_eq!(thread["edges"][0]["node"]["internal"], false);
    let history = mine["data"]["ticket"]["history"]
        .as_array()
        .expect("history");
    assert_eq!(
        history
            .iter()
            .filter(|e| e["kind"] == "MESSAGE_ADDED")
            .count(),
        1,
        "{mine}"
    );
    assert!(!mine.to_string().contains("zebracorn"), "{mine}");
    let staff_view = app
        .gql(Some(&agent.token), THREAD, json!({ "id": id }))
        .await;
    assert_eq!(
        staff_view["data"]["ticket"]["messages"]["totalCount"], 2,
        "{staff_view}"
    );

    // Search: staff find the note's words, the requester does not.
    let search =
        "query($q: String!) { searchTickets(query: $q) { totalCount edges { node { id } } } }";
    let staff_hits = app
        .gql(Some(&agent.token), search, json!({ "q": "zebracorn" }))
        .await;
    assert_eq!(
        staff_hits["data"]["searchTickets"]["totalCount"], 1,
        "{staff_hits}"
    );
    let owner_hits = app
        .gql(Some(&owner.token), search, json!({ "q": "zebracorn" }))
        .await;
    assert_eq!(
        owner_hits["data"]["searchTickets"]["totalCount"], 0,
        "{owner_hits}"
    );

    // Email: the requester is told about the reply only, never the note.
    eventually("the reply email", || async {
        app.count_rows("email_deliveries WHERE kind = 'STAFF_REPLIED'")
            .await
            == 1
    })
    .await;
    eventually("no email job left", || async {
        app.count_rows("graphile_worker.jobs WHERE task_identifier = 'send_email'")
            .await
            == 0
    })
    .await;
    let mails = sink.received();
    let replies: Vec<_> = mails
        .iter()
        .filter(|m| m.subject().contains("New reply"))
        .collect();
    assert_eq!(replies.len(), 1, "{mails:?}");
    assert!(replies[0].raw.contains("Please try the reset link again."));
    assert!(
        mails.iter().all(|m| !m.raw.contains("zebracorn")),
        "a note leaked into email"
    );
}

#[tokio::test]
async fn requester_replies_email_the_assignee() {
    let sink = SmtpSink::start();
    let mut config = pipeline_config();
    config.pipeline.smtp_url = Some(sink.url().into());
    let app = TestApp::spawn_with(config).await;
    let agent = app.user_with_role("agent", Role::Moderator, &[]).await;
    let owner = app.sign_up("owner").await;
    let ticket = app.create_ticket(&owner, "Cannot export").await;
    let id = &ticket["id"];
    let assigned = app
        .gql(
            Some(&agent.token),
            "mutation($id: ID!, $a: ID) { assignTicket(id: $id, input: { assigneeId: $a }) { id } }",
            json!({ "id": id, "a": agent.id }),
        )
        .await;
    assert!(assigned["data"].is_object(), "{assigned}");
    post(
        &app,
        &owner.token,
        id,
        json!({ "body": "Any news on the export?" }),
    )
    .await;
    eventually("the assignee's email", || async {
        app.count_rows(
            "email_deliveries WHERE kind = 'REQUESTER_REPLIED' AND recipient = 'agent@example.com'",
        )
        .await
            == 1
    })
    .await;
    assert!(
        sink.received()
            .iter()
            .any(|m| m.subject().contains("Customer replied")
                && m.raw.contains("Any news on the export?"))
    );
}
