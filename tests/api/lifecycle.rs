//! The requester's side of a resolution (confirm, reopen, as account holder or guest), the
//! auto-close pass, and filing a chat's edited draft.

use deskql::domain::roles::Role;
use serde_json::{Value, json};

use crate::common::{TestApp, error_code, test_config};

const RESOLVE: &str =
    r#"mutation($id: ID!) { updateTicket(id: $id, input: { status: RESOLVED }) { status } }"#;
const CONFIRM: &str =
    r#"mutation($id: ID!) { confirmResolution(ticketId: $id) { status closedAt } }"#;
const REOPEN: &str = r#"mutation($id: ID!) { reopenTicket(ticketId: $id) { status resolvedAt } }"#;
const HISTORY: &str = r#"query($id: ID!) { ticket(id: $id) { status history { kind fromStatus toStatus actor { id } } } }"#;

async fn resolve(app: &TestApp, staff: &str, id: &Value) {
    let body = app.gql(Some(staff), RESOLVE, json!({ "id": id })).await;
    assert_eq!(body["data"]["updateTicket"]["status"], "RESOLVED", "{body}");
}

#[tokio::test]
async fn requesters_confirm_or_reopen_their_resolved_tickets() {
    let app = TestApp::spawn().await;
    let agent = app.user_with_role("agent", Role::Moderator, &[]).await;
    let owner = app.sign_up("owner").await;
    let stranger = app.sign_up("stranger").await;
    let ticket = app.create_ticket(&owner, "Login loops forever").await;
    let id = &ticket["id"];

    let early = app
        .gql(Some(&owner.token), CONFIRM, json!({ "id": id }))
        .await;
    assert_eq!(error_code(&early), "CONFLICT", "not resolved yet: {early}");
    resolve(&app, &agent.token, id).await;
    let foreign = app
        .gql(Some(&stranger.token), REOPEN, json!({ "id": id }))
        .await;
    assert_eq!(error_code(&foreign), "NOT_FOUND", "{foreign}");
    let staff = app
        .gql(Some(&agent.token), CONFIRM, json!({ "id": id }))
        .await;
    assert_eq!(
        error_code(&staff),
        "FORBIDDEN",
        "only the requester answers: {staff}"
    );

    let reopened = app
        .gql(Some(&owner.token), REOPEN, json!({ "id": id }))
        .await;
    assert_eq!(
        reopened["data"]["reopenTicket"],
        json!({ "status": "IN_PROGRESS", "resolvedAt": null }),
        "{reopened}"
    );
    resolve(&app, &agent.token, id).await;
    let confirmed = app
        .gql(Some(&owner.token), CONFIRM, json!({ "id": id }))
        .await;
    assert_eq!(
        confirmed["data"]["confirmResolution"]["status"], "CLOSED",
        "{confirmed}"
    );
    assert!(confirmed["data"]["confirmResolution"]["closedAt"].is_string());
    let again = app
        .gql(Some(&owner.token), REOPEN, json!({ "id": id }))
        .await;
    assert_eq!(
        error_code(&again),
        "CONFLICT",
        "a closed ticket stays closed: {again}"
    );

    let history = app
        .gql(Some(&agent.token), HISTORY, json!({ "id": id }))
        .await;
    let changes: Vec<Value> = history["data"]["ticket"]["history"]
        .as_array()
        .expect("history")
        .iter()
        .filter(|e| e["kind"] == "STATUS_CHANGED")
        .map(|e| json!([e["fromStatus"], e["toStatus"], e["actor"]["id"]]))
        .collect();
    assert_eq!(
        changes,
        vec![
            json!(["TODO", "RESOLVED", agent.id]),
            json!(["RESOLVED", "IN_PROGRESS", owner.id]),
            json!(["IN_PROGRESS", "RESOLVED", agent.id]),
            json!(["RESOLVED", "CLOSED", owner.id]),
        ]
    );
}

#[tokio::test]
async fn reopening_ends_with_the_window_and_guests_answer_with_their_link() {
    let mut config = test_config();
    config.conversation.reopen_days = 0;
    let app = TestApp::spawn_with(config).await;
    let agent = app.user_with_role("agent", Role::Moderator, &[]).await;
    let owner = app.sign_up("owner").await;
    let ticket = app.create_ticket(&owner, "Old problem").await;
    resolve(&app, &agent.token, &ticket["id"]).await;
    let late = app
        .gql(Some(&owner.token), REOPEN, json!({ "id": ticket["id"] }))
        .await;
    assert_eq!(error_code(&late), "CONFLICT", "{late}");

    let receipt = app
        .gql(None, r#"mutation { submitGuestTicket(input: { title: "Printer is on fire",
            description: "Smoke is coming out of the printer.", customerEmail: "guest@example.org" }) { id trackingToken } }"#, json!({}))
        .await;
    let receipt = &receipt["data"]["submitGuestTicket"];
    let token = receipt["trackingToken"].as_str().expect("token");
    resolve(&app, &agent.token, &receipt["id"]).await;
    let wrong = app
        .gql(
            None,
            r#"mutation($t: String!) { confirmResolutionAsGuest(trackingToken: $t) { status } }"#,
            json!({ "t": "nope" }),
        )
        .await;
    assert_eq!(error_code(&wrong), "UNAUTHENTICATED", "{wrong}");
    let confirmed = app
        .gql(
            None,
            r#"mutation($t: String!) { confirmResolutionAsGuest(trackingToken: $t) { status } }"#,
            json!({ "t": token }),
        )
        .await;
    assert_eq!(
        confirmed["data"]["confirmResolutionAsGuest"]["status"], "CLOSED",
        "{confirmed}"
    );
}

#[tokio::test]
async fn unanswered_resolutions_close_by_themselves() {
    let mut config = test_config();
    config.conversation.auto_close_days = 0;
    let app = TestApp::spawn_with(config).await;
    let agent = app.user_with_role("agent", Role::Moderator, &[]).await;
    let owner = app.sign_up("owner").await;
    let mut resolved = Vec::new();
    for title in ["First resolved", "Second resolved"] {
        let ticket = app.create_ticket(&owner, title).await;
        resolve(&app, &agent.token, &ticket["id"]).await;
        resolved.push(ticket["id"].clone());
    }
    let open = app.create_ticket(&owner, "Still open").await;

    assert_eq!(
        deskql::services::lifecycle::auto_close(&app.state)
            .await
            .expect("pass"),
        2
    );
    assert_eq!(
        deskql::services::lifecycle::auto_close(&app.state)
            .await
            .expect("pass"),
        0
    );
    for id in &resolved {
        let body = app
            .gql(Some(&agent.token), HISTORY, json!({ "id": id }))
            .await;
        let ticket = &body["data"]["ticket"];
        assert_eq!(ticket["status"], "CLOSED", "{body}");
        let last = ticket["history"]
            .as_array()
            .and_then(|h| h.last())
            .cloned()
            .unwrap_or_default();
        assert_eq!(
            last,
            json!({ "kind": "STATUS_CHANGED", "fromStatus": "RESOLVED", "toStatus": "CLOSED", "actor": null })
        );
    }
    let body = app
        .gql(Some(&agent.token), HISTORY, json!({ "id": open["id"] }))
        .await;
    assert_eq!(body["data"]["ticket"]["status"], "TODO");
}

#[tokio::test]
async fn a_chat_files_the_draft_as_the_user_edited_it() {
    let app = TestApp::spawn().await;
    let owner = app.sign_up("chatter").await;
    let messages = json!([
        { "role": "USER", "content": "My card was charged twice for the same order." },
        { "role": "ASSISTANT", "content": "Sorry about that! Shall I open a ticket?" },
        { "role": "USER", "content": "Yes please." }
    ]);
    let draft = json!({ "title": "Double charge on order 1182", "priority": "HIGH", "category": "billing",
        "description": "Charged twice for order 1182 on 28 November; please refund one." });
    let submit = r#"mutation($input: SubmitConversationInput!) { submitTicketFromConversation(input: $input) {
        number trackingToken trackingUrl ticket { title description priority category { slug } source } } }"#;

    let signed_in = app
        .gql(
            Some(&owner.token),
            submit,
            json!({ "input": { "messages": messages, "draft": draft } }),
        )
        .await;
    let payload = &signed_in["data"]["submitTicketFromConversation"];
    assert_eq!(
        payload["ticket"],
        json!({ "title": draft["title"], "description": draft["description"], "priority": "HIGH",
                "category": { "slug": "billing" }, "source": "AI_ASSISTANT" }),
        "{signed_in}"
    );
    assert_eq!(payload["trackingToken"], Value::Null);

    let guest = app
        .gql(
            None,
            submit,
            json!({ "input": { "messages": messages, "draft": draft,
            "customerEmail": "visitor@example.org" } }),
        )
        .await;
    let payload = &guest["data"]["submitTicketFromConversation"];
    let token = payload["trackingToken"]
        .as_str()
        .unwrap_or_else(|| panic!("{guest}"));
    assert!(
        payload["trackingUrl"]
            .as_str()
            .is_some_and(|url| url.ends_with(&format!("/track/{token}"))),
        "{guest}"
    );
    assert_eq!(payload["ticket"], Value::Null, "guests cannot read tickets");
    let tracked = app
        .gql(
            None,
            "query($t: String!) { trackTicket(token: $t) { title priority } }",
            json!({ "t": token }),
        )
        .await;
    assert_eq!(
        tracked["data"]["trackTicket"],
        json!({ "title": draft["title"], "priority": "HIGH" }),
        "{tracked}"
    );

    let bad = app
        .gql(
            Some(&owner.token),
            submit,
            json!({ "input": { "messages": messages,
            "draft": { "title": "x", "description": "too short" } } }),
        )
        .await;
    assert_eq!(error_code(&bad), "BAD_USER_INPUT", "{bad}");
}
