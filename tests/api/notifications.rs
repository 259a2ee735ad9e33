//! The requester hears about their ticket's lifecycle, can switch each kind of email off, and
//! can unsubscribe with one click from the email itself.

use deskql::domain::roles::Role;
use serde_json::json;

use crate::common::mail::SmtpSink;
use crate::common::{TestApp, error_code, eventually, pipeline_config};

const PREFERENCES: &str = "{ notificationPreferences { kind enabled } }";
const UPDATE_PREFERENCES: &str = r#"mutation($input: [NotificationPreferenceInput!]!) {
  updateNotificationPreferences(input: $input) { kind enabled } }"#;
const SET_STATUS: &str = r#"mutation($id: ID!, $s: TicketStatus!) { updateTicket(id: $id, input: { status: $s }) { status } }"#;

fn enabled(body: &serde_json::Value, field: &str, kind: &str) -> Option<bool> {
    body["data"][field]
        .as_array()?
        .iter()
        .find(|p| p["kind"] == kind)?["enabled"]
        .as_bool()
}

#[tokio::test]
async fn requesters_get_lifecycle_emails_they_can_switch_off() {
    let sink = SmtpSink::start();
    let mut config = pipeline_config();
    config.pipeline.smtp_url = Some(sink.url().into());
    let app = TestApp::spawn_with(config).await;
    let agent = app
        .user_with_role("agent", Role::Moderator, &["billing"])
        .await;
    let owner = app.sign_up("owner").await;
    let ticket = app
        .create_ticket(&owner, "Refund for a double charge")
        .await;
    let id = &ticket["id"];

    // Auto-assignment gives the ticket to the only moderator; the requester is told.
    eventually("the requester's assignment email", || async {
        app.count_rows("email_deliveries WHERE kind = 'REQUESTER_ASSIGNED' AND recipient = 'owner@example.com'")
            .await
            == 1
    })
    .await;
    let mail = sink
        .received()
        .into_iter()
        .find(|m| m.subject().contains("An agent is on it"))
        .expect("assignment email to the requester");
    let unsubscribe = mail.header("List-Unsubscribe").expect("List-Unsubscribe");
    assert_eq!(
        mail.header("List-Unsubscribe-Post").as_deref(),
        Some("List-Unsubscribe=One-Click")
    );
    let url = unsubscribe
        .trim_matches(|c| c == '<' || c == '>')
        .to_owned();
    assert!(url.contains("/unsubscribe/"), "{url}");

    let moved = app
        .gql(
            Some(&agent.token),
            SET_STATUS,
            json!({ "id": id, "s": "WAITING_FOR_CUSTOMER" }),
        )
        .await;
    assert!(moved["errors"].is_null(), "{moved}");
    eventually("the waiting-for-you email", || async {
        app.count_rows(
            "email_deliveries WHERE kind = 'STATUS_UPDATE' AND recipient = 'owner@example.com'",
        )
        .await
            == 1
    })
    .await;

    // One click from the mail client (a POST to the link, RFC 8058), as an outsider would.
    let path = url
        .split_once("/unsubscribe/")
        .map(|(_, token)| format!("/unsubscribe/{token}"))
        .expect("path");
    let clicked = app.http.post(app.url(&path)).send().await.expect("post");
    assert!(clicked.status().is_success(), "{}", clicked.status());
    let forged = app
        .http
        .post(app.url("/unsubscribe/not.a.token"))
        .send()
        .await
        .expect("post");
    assert_eq!(forged.status(), 400);
    let settings = app.gql(Some(&owner.token), PREFERENCES, json!({})).await;
    assert_eq!(
        enabled(&settings, "notificationPreferences", "REQUESTER_ASSIGNED"),
        Some(false),
        "{settings}"
    );
    assert_eq!(
        enabled(&settings, "notificationPreferences", "STATUS_UPDATE"),
        Some(true)
    );

    // Switched off in the settings: cancelling the ticket sends nothing more.
    let off = app
        .gql(
            Some(&owner.token),
            UPDATE_PREFERENCES,
            json!({ "input": [{ "kind": "STATUS_UPDATE", "enabled": false }] }),
        )
        .await;
    assert_eq!(
        enabled(&off, "updateNotificationPreferences", "STATUS_UPDATE"),
        Some(false),
        "{off}"
    );
    let cancelled = app
        .gql(
            Some(&agent.token),
            SET_STATUS,
            json!({ "id": id, "s": "CANCELLED" }),
        )
        .await;
    assert!(cancelled["errors"].is_null(), "{cancelled}");
    eventually("every email job done", || async {
        app.count_rows("graphile_worker.jobs WHERE task_identifier = 'send_email'")
            .await
            == 0
    })
    .await;
    assert_eq!(
        app.count_rows("email_deliveries WHERE kind = 'STATUS_UPDATE'")
            .await,
        1,
        "the cancellation email was not sent"
    );

    let refused = app
        .gql(
            Some(&owner.token),
            UPDATE_PREFERENCES,
            json!({ "input": [{ "kind": "VERIFY_EMAIL", "enabled": false }] }),
        )
        .await;
    assert_eq!(error_code(&refused), "BAD_USER_INPUT", "{refused}");
}

/// Filing schedules the alert for DESKQL_UNASSIGNED_ALERT_MINUTES later; when it runs, a
/// ticket still unassigned alerts the admins (nobody's skills match an untriaged ticket),
/// and a ticket taken meanwhile alerts nobody.
#[tokio::test]
async fn tickets_nobody_takes_alert_staff_when_the_alert_falls_due() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    let owner = app.sign_up("owner").await;
    let waiting = app.create_ticket(&owner, "Nobody looked at this").await;
    let taken = app.create_ticket(&owner, "Somebody took this").await;
    assert_eq!(
        app.count_rows(
            "graphile_worker.jobs WHERE task_identifier = 'unassigned_alert' \
            AND run_at BETWEEN now() + interval '29 minutes' AND now() + interval '31 minutes'"
        )
        .await,
        2
    );
    let assigned = app
        .gql(Some(&admin.token), "mutation($id: ID!, $to: ID) { assignTicket(id: $id, input: { assigneeId: $to }) { id } }",
            json!({ "id": taken["id"], "to": admin.id }))
        .await;
    assert!(assigned["errors"].is_null(), "{assigned}");

    let emails_before = app
        .count_rows("graphile_worker.jobs WHERE task_identifier = 'send_email'")
        .await;
    let id = |ticket: &serde_json::Value| {
        ticket["id"]
            .as_str()
            .and_then(|id| id.parse().ok())
            .expect("id")
    };
    let alerted = deskql::services::alerts::unassigned(&app.state, id(&waiting))
        .await
        .expect("alert");
    assert_eq!(alerted, 1, "the one admin");
    let not_needed = deskql::services::alerts::unassigned(&app.state, id(&taken))
        .await
        .expect("alert");
    assert_eq!(not_needed, 0);
    assert_eq!(
        app.count_rows("graphile_worker.jobs WHERE task_identifier = 'send_email'")
            .await,
        emails_before + 1
    );
}
