//! Tickets from AI-assistant conversations (builtin provider).

use deskql::domain::roles::Role;
use serde_json::json;

use crate::common::{TestApp, error_code, test_config};

const DRAFT: &str = r#"query($m: [ConversationMessageInput!]!, $ref: String) {
    draftTicketFromConversation(messages: $m, conversationRef: $ref) {
        title description priority provider category { slug }
    }
}"#;

const SUBMIT: &str = r#"mutation($input: SubmitConversationInput!) {
    submitTicketFromConversation(input: $input) {
        id number ticket { source title }
    }
}"#;

fn transcript() -> serde_json::Value {
    json!([
        { "role": "SYSTEM", "content": "You are the ACME support assistant." },
        { "role": "USER", "content": "Hi. My invoice for March shows two charges. Why was my card charged twice?" },
        { "role": "ASSISTANT", "content": "Sorry about that! I can open a ticket for you." },
        { "role": "USER", "content": "Yes please, the invoice number is INV-2291." }
    ])
}

#[tokio::test]
async fn draft_suggests_a_ticket_and_writes_nothing() {
    let app = TestApp::spawn_with(test_config()).await;
    let before = app.count_rows("tickets").await;
    let body = app
        .gql(None, DRAFT, json!({ "m": transcript(), "ref": "conv-1" }))
        .await;
    assert!(body["errors"].is_null(), "{body}");
    let draft = &body["data"]["draftTicketFromConversation"];
    assert_eq!(draft["title"], "Why was my card charged twice?");
    assert!(
        draft["description"]
            .as_str()
            .is_some_and(|d| d.contains("INV-2291") && !d.contains("Sorry"))
    );
    assert_eq!(draft["category"]["slug"], "billing");
    assert_eq!(draft["provider"], "builtin");
    assert_eq!(app.count_rows("tickets").await, before);
}

#[tokio::test]
async fn invalid_conversations_are_input_errors() {
    let app = TestApp::spawn_with(test_config()).await;
    for messages in [
        json!([]),
        json!([{ "role": "ASSISTANT", "content": "Hello, how can I help?" }]),
        json!([{ "role": "USER", "content": "   " }]),
        json!([{ "role": "USER", "content": "x".repeat(4_001) }]),
    ] {
        let body = app.gql(None, DRAFT, json!({ "m": messages })).await;
        assert_eq!(error_code(&body), "BAD_USER_INPUT", "{body}");
        assert_eq!(
            body["errors"][0]["extensions"]["field"], "messages",
            "{body}"
        );
    }
}

#[tokio::test]
async fn signed_in_users_file_from_a_conversation_and_staff_see_the_transcript() {
    let app = TestApp::spawn_with(test_config()).await;
    let customer = app.sign_up("customer").await;
    let body = app
        .gql(
            Some(&customer.token),
            SUBMIT,
            json!({ "input": { "messages": transcript(), "conversationRef": "conv-42" } }),
        )
        .await;
    assert!(body["errors"].is_null(), "{body}");
    let payload = &body["data"]["submitTicketFromConversation"];
    assert_eq!(payload["ticket"]["source"], "AI_ASSISTANT");
    assert_eq!(payload["ticket"]["title"], "Why was my card charged twice?");

    let agent = app.user_with_role("agent", Role::Moderator, &[]).await;
    let view = app
        .gql(
            Some(&agent.token),
            "query($id: ID!) { ticket(id: $id) { conversation { conversationRef messages { role content } } } }",
            json!({ "id": payload["id"] }),
        )
        .await;
    let conversation = &view["data"]["ticket"]["conversation"];
    assert_eq!(conversation["conversationRef"], "conv-42", "{view}");
    assert_eq!(conversation["messages"].as_array().map(Vec::len), Some(4));
    assert_eq!(conversation["messages"][2]["role"], "ASSISTANT");

    // The requester cannot read the staff-only transcript.
    let own = app
        .gql(
            Some(&customer.token),
            "query($id: ID!) { ticket(id: $id) { conversation { conversationRef } } }",
            json!({ "id": payload["id"] }),
        )
        .await;
    assert_eq!(error_code(&own), "FORBIDDEN", "{own}");
}

#[tokio::test]
async fn guests_file_from_a_conversation_under_guest_limits() {
    let mut config = test_config();
    config.guest_limit_per_email = 1;
    let app = TestApp::spawn_with(config).await;
    let input =
        json!({ "input": { "messages": transcript(), "customerEmail": "guest@example.com" } });
    let first = app.gql(None, SUBMIT, input.clone()).await;
    assert!(first["errors"].is_null(), "{first}");
    assert!(first["data"]["submitTicketFromConversation"]["ticket"].is_null());
    assert_eq!(app.count_rows("ticket_conversations").await, 1);
    assert_eq!(
        app.count_rows("tickets WHERE source = 'AI_ASSISTANT' AND requester_id IS NULL")
            .await,
        1
    );
    let second = app.gql(None, SUBMIT, input).await;
    assert_eq!(error_code(&second), "RATE_LIMITED", "{second}");
    let anonymous = app
        .gql(
            None,
            SUBMIT,
            json!({ "input": { "messages": transcript() } }),
        )
        .await;
    assert_eq!(error_code(&anonymous), "UNAUTHENTICATED", "{anonymous}");
}
