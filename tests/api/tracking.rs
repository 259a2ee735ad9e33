//! Guest tracking links: what a token opens (one ticket's public view and thread) and what it
//! does not, revocation and expiry, the link in the receipt email, and claiming guest tickets
//! after verifying an account's address.

use deskql::domain::roles::Role;
use serde_json::{Value, json};

use crate::common::mail::{ReceivedMail, SmtpSink};
use crate::common::upload::{PNG, file, upload};
use crate::common::{TestApp, error_code, eventually, pipeline_config, test_config};
use crate::thread::post;

const SUBMIT: &str = r#"mutation($input: GuestTicketInput!) {
  submitGuestTicket(input: $input) { id number trackingToken }
}"#;

const TRACK: &str = r#"query($token: String!) {
  trackTicket(token: $token) {
    number title status requesterName
    messages { totalCount edges { node { body authorRole authorName author { id } attachments { downloadPath } } } }
  }
}"#;

const REPLY: &str = r#"mutation($token: String!, $input: GuestReplyInput!) {
  replyAsGuest(trackingToken: $token, input: $input) {
    message { id authorRole attachments { downloadPath contentType } }
    ticket { status }
  }
}"#;

async fn submit(app: &TestApp, email: &str, title: &str) -> Value {
    let body = app
        .gql(
            None,
            SUBMIT,
            json!({ "input": { "title": title, "description": "My order never arrived at all.", "customerEmail": email, "customerName": "Gina Guest" } }),
        )
        .await;
    let receipt = body["data"]["submitGuestTicket"].clone();
    assert!(receipt["trackingToken"].is_string(), "{body}");
    receipt
}

#[tokio::test]
async fn a_tracking_token_opens_one_ticket_and_nothing_else() {
    let app = TestApp::spawn().await;
    let agent = app.user_with_role("agent", Role::Moderator, &[]).await;
    let receipt = submit(&app, "gina@example.com", "Order 1234 missing").await;
    let other = submit(&app, "gina@example.com", "Order 9999 missing").await;
    let token = receipt["trackingToken"].as_str().expect("token");

    post(
        &app,
        &agent.token,
        &receipt["id"],
        json!({ "body": "secret staff musing", "internal": true }),
    )
    .await;
    post(&app, &agent.token, &receipt["id"], json!({ "body": "We are checking with the courier.", "nextStatus": "WAITING_FOR_CUSTOMER" })).await;

    let view = app.gql(None, TRACK, json!({ "token": token })).await;
    let tracked = &view["data"]["trackTicket"];
    assert_eq!(tracked["number"], receipt["number"], "{view}");
    assert_eq!(tracked["requesterName"], "Gina Guest");
    assert_eq!(tracked["messages"]["totalCount"], 1, "{view}");
    let message = &tracked["messages"]["edges"][0]["node"];
    assert_eq!(message["body"], "We are checking with the courier.");
    assert_eq!(
        message["author"],
        Value::Null,
        "staff accounts are not exposed"
    );
    assert!(!view.to_string().contains("secret staff musing"));

    // The guest replies with a screenshot; the ticket comes back into work.
    let (status, body) = upload(
        &app,
        None,
        REPLY,
        json!({ "token": token, "input": { "body": "Here is the tracking page.", "attachments": [null] } }),
        vec![file("variables.input.attachments.0", "tracking.png", PNG)],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let reply = &body["data"]["replyAsGuest"];
    assert_eq!(reply["ticket"]["status"], "IN_PROGRESS", "{body}");
    assert_eq!(reply["message"]["authorRole"], "REQUESTER");
    let path = reply["message"]["attachments"][0]["downloadPath"]
        .as_str()
        .expect("path");
    let own = app
        .http
        .get(app.url(&format!("{path}?tracking_token={token}")))
        .send()
        .await
        .expect("get");
    assert_eq!(own.status(), 200);
    let other_token = other["trackingToken"].as_str().expect("token");
    let foreign = app
        .http
        .get(app.url(&format!("{path}?tracking_token={other_token}")))
        .send()
        .await
        .expect("get");
    assert_eq!(
        foreign.status(),
        404,
        "a token opens its own ticket's files only"
    );

    // The token is not a login: the staff API stays closed to it.
    let as_bearer = app
        .gql(
            Some(token),
            "query($id: ID!) { ticket(id: $id) { title } }",
            json!({ "id": receipt["id"] }),
        )
        .await;
    assert_eq!(error_code(&as_bearer), "UNAUTHENTICATED", "{as_bearer}");
    let bogus = app
        .gql(None, TRACK, json!({ "token": "not-a-token" }))
        .await;
    assert_eq!(error_code(&bogus), "UNAUTHENTICATED", "{bogus}");

    // Revoked by staff: the link stops working.
    let revoked = app
        .gql(
            Some(&agent.token),
            "mutation($id: ID!) { revokeTrackingLinks(ticketId: $id) }",
            json!({ "id": receipt["id"] }),
        )
        .await;
    assert_eq!(revoked["data"]["revokeTrackingLinks"], 1, "{revoked}");
    let after = app.gql(None, TRACK, json!({ "token": token })).await;
    assert_eq!(error_code(&after), "UNAUTHENTICATED", "{after}");
    let reply_after = app
        .gql(
            None,
            REPLY,
            json!({ "token": token, "input": { "body": "hello?" } }),
        )
        .await;
    assert_eq!(error_code(&reply_after), "UNAUTHENTICATED");
    assert_eq!(
        app.count_rows("ticket_messages WHERE body = 'hello?'")
            .await,
        0
    );
}

#[tokio::test]
async fn links_expire_a_grace_period_after_the_ticket_closes() {
    let mut config = test_config();
    config.conversation.tracking_grace_days = 0;
    let app = TestApp::spawn_with(config).await;
    let agent = app.user_with_role("agent", Role::Moderator, &[]).await;
    let receipt = submit(&app, "gina@example.com", "Order 1234 missing").await;
    let token = receipt["trackingToken"].as_str().expect("token");
    assert!(
        app.gql(None, TRACK, json!({ "token": token })).await["data"]["trackTicket"].is_object()
    );
    app.gql(
        Some(&agent.token),
        "mutation($id: ID!) { updateTicket(id: $id, input: { status: CANCELLED }) { status } }",
        json!({ "id": receipt["id"] }),
    )
    .await;
    let expired = app.gql(None, TRACK, json!({ "token": token })).await;
    assert_eq!(error_code(&expired), "UNAUTHENTICATED", "{expired}");
}

/// The text of a quoted-printable mail with soft line breaks undone.
fn unfolded(mail: &ReceivedMail) -> String {
    mail.raw
        .replace("=\r\n", "")
        .replace("=\n", "")
        .replace("=3D", "=")
}

fn token_after(text: &str, marker: &str) -> String {
    let start = text
        .find(marker)
        .unwrap_or_else(|| panic!("{marker} in {text}"))
        + marker.len();
    text[start..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect()
}

#[tokio::test]
async fn emailed_links_track_and_verified_accounts_claim_guest_tickets() {
    let sink = SmtpSink::start();
    let mut config = pipeline_config();
    config.pipeline.smtp_url = Some(sink.url().into());
    let app = TestApp::spawn_with(config).await;
    let receipt = submit(&app, "gina@example.com", "Order 1234 missing").await;

    let mails = sink.wait_for(1).await;
    let receipt_mail = mails
        .iter()
        .find(|m| m.subject().contains("We received"))
        .expect("receipt");
    let token = token_after(&unfolded(receipt_mail), "/track/");
    assert_eq!(token.len(), 43, "{token}");
    let view = app.gql(None, TRACK, json!({ "token": token })).await;
    assert_eq!(
        view["data"]["trackTicket"]["number"], receipt["number"],
        "{view}"
    );

    // Signing up with the same address claims nothing until the address is verified.
    let gina = app.sign_up("gina").await;
    let mine = "{ tickets { totalCount } }";
    let before = app.gql(Some(&gina.token), mine, json!({})).await;
    assert_eq!(before["data"]["tickets"]["totalCount"], 0, "{before}");
    let mails = sink.wait_for(2).await;
    let verify_mail = mails
        .iter()
        .find(|m| m.subject().contains("Confirm"))
        .expect("verification");
    let verify_token = token_after(&unfolded(verify_mail), "/verify-email/");

    let verified = app
        .gql(
            None,
            "mutation($t: String!) { verifyEmail(token: $t) { claimedTickets user { email } } }",
            json!({ "t": verify_token }),
        )
        .await;
    assert_eq!(
        verified["data"]["verifyEmail"]["claimedTickets"], 1,
        "{verified}"
    );
    let after = app.gql(Some(&gina.token), mine, json!({})).await;
    assert_eq!(after["data"]["tickets"]["totalCount"], 1, "{after}");
    // The account is the way in now: the guest links of claimed tickets stop working.
    let claimed_view = app.gql(None, TRACK, json!({ "token": token })).await;
    assert_eq!(
        error_code(&claimed_view),
        "UNAUTHENTICATED",
        "{claimed_view}"
    );
    let returned = app
        .gql(None, TRACK, json!({ "token": receipt["trackingToken"] }))
        .await;
    assert_eq!(error_code(&returned), "UNAUTHENTICATED", "{returned}");
    let reused = app
        .gql(
            None,
            "mutation($t: String!) { verifyEmail(token: $t) { claimedTickets } }",
            json!({ "t": verify_token }),
        )
        .await;
    assert_eq!(
        error_code(&reused),
        "UNAUTHENTICATED",
        "links work once: {reused}"
    );
    eventually("no email job left", || async {
        app.count_rows("graphile_worker.jobs WHERE task_identifier = 'send_email'")
            .await
            == 0
    })
    .await;
}
