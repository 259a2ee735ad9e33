//! The ticket history says what each change did, field by field, and keeps staff-only
//! fields out of the requester's view.

use deskql::domain::roles::Role;
use serde_json::{Value, json};

use crate::common::TestApp;

const HISTORY: &str = r#"query($id: ID!) {
  ticket(id: $id) { history { kind changes { field from to } } }
}"#;

/// Every (field, from, to) of the history, in order.
async fn changes(app: &TestApp, token: &str, id: &Value) -> Vec<(String, Value, Value)> {
    let body = app.gql(Some(token), HISTORY, json!({ "id": id })).await;
    body["data"]["ticket"]["history"]
        .as_array()
        .unwrap_or_else(|| panic!("{body}"))
        .iter()
        .flat_map(|event| event["changes"].as_array().cloned().unwrap_or_default())
        .map(|c| {
            (
                c["field"].as_str().unwrap_or_default().to_owned(),
                c["from"].clone(),
                c["to"].clone(),
            )
        })
        .collect()
}

#[tokio::test]
async fn edits_record_each_field_and_requesters_see_only_public_ones() {
    let app = TestApp::spawn().await;
    let agent = app.user_with_role("agent", Role::Moderator, &[]).await;
    let owner = app.sign_up("owner").await;
    let ticket = app.create_ticket(&owner, "Printer jams").await;
    let id = &ticket["id"];

    let edit = app
        .gql(
            Some(&agent.token),
            r#"mutation($id: ID!) { updateTicket(id: $id, input: {
                title: "Printer jams on tray 2", category: "bug", helpfulNotes: "- check tray 2",
                relatedSkills: ["ui"], priority: HIGH, status: IN_PROGRESS }) { version } }"#,
            json!({ "id": id }),
        )
        .await;
    assert!(edit["errors"].is_null(), "{edit}");
    let tag = app
        .gql(
            Some(&agent.token),
            r#"mutation($id: ID!) { addTicketTags(ticketId: $id, tags: ["hardware"]) { tags } }"#,
            json!({ "id": id }),
        )
        .await;
    assert!(tag["errors"].is_null(), "{tag}");
    // Editing to the same values records nothing.
    let same = app
        .gql(
            Some(&agent.token),
            r#"mutation($id: ID!) { updateTicket(id: $id, input: { title: "Printer jams on tray 2" }) { version } }"#,
            json!({ "id": id }),
        )
        .await;
    assert!(same["errors"].is_null(), "{same}");

    let category_before = ticket["category"]["slug"].clone();
    let staff_view = changes(&app, &agent.token, id).await;
    let expected_staff = vec![
        ("status".to_owned(), json!("TODO"), json!("IN_PROGRESS")),
        (
            "priority".to_owned(),
            ticket["priority"].clone(),
            json!("HIGH"),
        ),
        (
            "title".to_owned(),
            json!("Printer jams"),
            json!("Printer jams on tray 2"),
        ),
        ("category".to_owned(), category_before, json!("bug")),
        (
            "helpfulNotes".to_owned(),
            Value::Null,
            json!("- check tray 2"),
        ),
        ("relatedSkills".to_owned(), json!(""), json!("ui")),
        ("tags".to_owned(), json!(""), json!("hardware")),
    ];
    let without_created: Vec<_> = staff_view
        .iter()
        .filter(|(field, ..)| field != "assignee")
        .cloned()
        .collect();
    assert_eq!(without_created, expected_staff);

    let public: Vec<String> = changes(&app, &owner.token, id)
        .await
        .into_iter()
        .map(|(field, ..)| field)
        .filter(|field| field != "assignee")
        .collect();
    assert_eq!(public, ["status", "priority", "title", "category"]);
}
