//! Macros: canned responses with placeholders and actions, previewed without writing and
//! applied in one transaction that a refused action rolls back whole.

use deskql::domain::roles::Role;
use serde_json::{Value, json};

use crate::common::{TestApp, error_code};

const CREATE: &str =
    "mutation($input: MacroInput!) { createMacro(input: $input) { id name shared } }";
const PREVIEW: &str = "query($t: ID!, $m: ID!) { previewMacro(ticketId: $t, macroId: $m) { body bodyHtml status priority addTags assignee { id } } }";
const APPLY: &str = "mutation($t: ID!, $m: ID!, $input: ApplyMacroInput) { applyMacro(ticketId: $t, macroId: $m, input: $input) {
    ticket { status priority tags version assignee { id } } message { body bodyHtml internal authorName } } }";
const STATE: &str = "query($id: ID!) { ticket(id: $id) { status priority tags version messages(first: 10) { totalCount } } }";

async fn guest_ticket(app: &TestApp, name: &str) -> Value {
    let body = app
        .gql(
            None,
            "mutation($name: String!) { submitGuestTicket(input: { title: \"Charged twice for May\", \
             description: \"My card shows two charges for the May invoice.\", \
             customerEmail: \"guest@example.org\", customerName: $name }) { id } }",
            json!({ "name": name }),
        )
        .await;
    assert!(body["errors"].is_null(), "{body}");
    body["data"]["submitGuestTicket"]["id"].clone()
}

async fn create(app: &TestApp, token: &str, input: Value) -> Value {
    app.gql(Some(token), CREATE, json!({ "input": input }))
        .await
}

#[tokio::test]
async fn a_macro_previews_then_replies_and_acts_in_one_transaction() {
    let app = TestApp::spawn().await;
    let moderator = app.user_with_role("ana", Role::Moderator, &[]).await;
    let user = app.sign_up("requester").await;
    let ticket = guest_ticket(&app, "[click](https://evil.example)").await;

    // Saving checks the template and who may save what.
    let unknown = create(
        &app,
        &moderator.token,
        json!({ "name": "Bad", "body": "Hi {{requester.email}}" }),
    )
    .await;
    assert_eq!(error_code(&unknown), "BAD_USER_INPUT", "{unknown}");
    let by_user = create(&app, &user.token, json!({ "name": "Mine", "body": "Hi" })).await;
    assert_eq!(error_code(&by_user), "FORBIDDEN", "{by_user}");
    let shared = create(
        &app,
        &moderator.token,
        json!({ "name": "Team", "body": "Hi", "shared": true }),
    )
    .await;
    assert_eq!(error_code(&shared), "FORBIDDEN", "{shared}");

    let refund = create(
        &app,
        &moderator.token,
        json!({ "name": "Refund", "body": "Hello {{ requester.name }},\n\nWe refunded {{ticket.number}}.\n\n{{agent.name}}",
                "setStatus": "WAITING_FOR_CUSTOMER", "setPriority": "HIGH",
                "addTags": ["Refund"], "assignToMe": true }),
    )
    .await;
    let refund_id = refund["data"]["createMacro"]["id"].clone();
    assert!(refund_id.is_string(), "{refund}");
    let taken = create(
        &app,
        &moderator.token,
        json!({ "name": "refund", "body": "Hi" }),
    )
    .await;
    assert_eq!(error_code(&taken), "CONFLICT", "{taken}");

    // The preview renders with escaped values and writes nothing.
    let before = app
        .gql(Some(&moderator.token), STATE, json!({ "id": ticket }))
        .await;
    let preview = app
        .gql(
            Some(&moderator.token),
            PREVIEW,
            json!({ "t": ticket, "m": refund_id }),
        )
        .await;
    let shown = &preview["data"]["previewMacro"];
    assert!(
        shown["body"]
            .as_str()
            .is_some_and(|b| b.starts_with("Hello \\[click\\]")),
        "{preview}"
    );
    assert!(
        shown["bodyHtml"]
            .as_str()
            .is_some_and(|h| !h.contains("<a") && h.contains("[click](https://evil.example)")),
        "{preview}"
    );
    assert!(
        shown["bodyHtml"]
            .as_str()
            .is_some_and(|h| h.contains("<p>ana</p>")),
        "{preview}"
    );
    assert_eq!(
        (
            &shown["status"],
            &shown["priority"],
            &shown["addTags"],
            &shown["assignee"]["id"]
        ),
        (
            &json!("WAITING_FOR_CUSTOMER"),
            &json!("HIGH"),
            &json!(["refund"]),
            &json!(moderator.id)
        )
    );
    let after_preview = app
        .gql(Some(&moderator.token), STATE, json!({ "id": ticket }))
        .await;
    assert_eq!(before, after_preview, "a preview writes nothing");

    // Applying posts the reply and runs every action.
    let applied = app
        .gql(
            Some(&moderator.token),
            APPLY,
            json!({ "t": ticket, "m": refund_id }),
        )
        .await;
    let result = &applied["data"]["applyMacro"];
    assert_eq!(
        result["ticket"]["status"], "WAITING_FOR_CUSTOMER",
        "{applied}"
    );
    assert_eq!(result["ticket"]["priority"], "HIGH");
    assert_eq!(result["ticket"]["tags"], json!(["refund"]));
    assert_eq!(result["ticket"]["assignee"]["id"], moderator.id.as_str());
    assert_eq!(result["message"]["internal"], false);
    assert_eq!(result["message"]["authorName"], "ana");
    assert!(
        result["message"]["bodyHtml"]
            .as_str()
            .is_some_and(|h| !h.contains("<a")),
        "{applied}"
    );
    let id = ticket.as_str().unwrap_or_default();
    for kind in [
        "MESSAGE_ADDED",
        "STATUS_CHANGED",
        "PRIORITY_CHANGED",
        "ASSIGNED",
        "TAGGED",
    ] {
        assert_eq!(
            app.count_rows(&format!(
                "ticket_events WHERE ticket_id = '{id}' AND kind = '{kind}'"
            ))
            .await,
            1,
            "{kind}"
        );
    }
    assert_eq!(
        app.count_rows(&format!("tickets WHERE id = '{id}' AND first_response_at IS NOT NULL AND priority_source = 'STAFF'")).await,
        1
    );

    // An edited text as an internal note.
    let note = app
        .gql(
            Some(&moderator.token),
            APPLY,
            json!({ "t": ticket, "m": refund_id, "input": { "internal": true, "overrideBody": "Refund sent by hand." } }),
        )
        .await;
    assert_eq!(
        note["data"]["applyMacro"]["message"]["body"], "Refund sent by hand.",
        "{note}"
    );
    assert_eq!(note["data"]["applyMacro"]["message"]["internal"], true);
}

#[tokio::test]
async fn a_refused_action_rolls_back_the_reply_and_sharing_is_for_admins() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    let moderator = app.user_with_role("mod", Role::Moderator, &[]).await;
    let colleague = app.user_with_role("colleague", Role::Moderator, &[]).await;
    let ticket = guest_ticket(&app, "Gus").await;

    // TODO → CLOSED is not a move the workflow allows: nothing of the macro stays.
    let close = create(
        &app,
        &admin.token,
        json!({ "name": "Close", "body": "Closing {{ticket.number}}.", "setStatus": "CLOSED",
                "addTags": ["closed-by-macro"], "setPriority": "LOW", "shared": true }),
    )
    .await;
    let close_id = close["data"]["createMacro"]["id"].clone();
    assert_eq!(close["data"]["createMacro"]["shared"], true, "{close}");
    let before = app
        .gql(Some(&admin.token), STATE, json!({ "id": ticket }))
        .await;
    let refused = app
        .gql(
            Some(&moderator.token),
            APPLY,
            json!({ "t": ticket, "m": close_id }),
        )
        .await;
    assert_eq!(error_code(&refused), "INVALID_TRANSITION", "{refused}");
    let after = app
        .gql(Some(&admin.token), STATE, json!({ "id": ticket }))
        .await;
    assert_eq!(before, after, "the reply was rolled back with the actions");
    assert_eq!(app.count_rows("ticket_messages").await, 0);
    assert_eq!(app.count_rows("ticket_tags").await, 0);

    // Shared macros: all staff use them, admins edit them.
    let edit = app
        .gql(
            Some(&moderator.token),
            "mutation($id: ID!) { updateMacro(id: $id, input: { name: \"Mine\", body: \"x\" }) { id } }",
            json!({ "id": close_id }),
        )
        .await;
    assert_eq!(error_code(&edit), "FORBIDDEN", "{edit}");
    let listed = app
        .gql(
            Some(&moderator.token),
            "{ macros { name shared } }",
            json!({}),
        )
        .await;
    assert_eq!(
        listed["data"]["macros"],
        json!([{ "name": "Close", "shared": true }]),
        "{listed}"
    );

    // A personal macro is its owner's alone.
    let personal = create(
        &app,
        &moderator.token,
        json!({ "name": "Hi", "body": "Hi {{requester.name}}" }),
    )
    .await;
    let personal_id = personal["data"]["createMacro"]["id"].clone();
    let borrowed = app
        .gql(
            Some(&colleague.token),
            APPLY,
            json!({ "t": ticket, "m": personal_id }),
        )
        .await;
    assert_eq!(error_code(&borrowed), "NOT_FOUND", "{borrowed}");
    let deleted = app
        .gql(
            Some(&admin.token),
            "mutation($id: ID!) { deleteMacro(id: $id) }",
            json!({ "id": close_id }),
        )
        .await;
    assert_eq!(deleted["data"]["deleteMacro"], true, "{deleted}");
    assert_eq!(
        app.count_rows("audit_log WHERE action IN ('macros.create', 'macros.delete')")
            .await,
        2
    );
}
