//! Tickets, requesters and users answer their stored fields without async-graphql's per-field
//! machinery; a selection through a fragment still takes that machinery. A client must not be
//! able to tell them apart: the same selection, written plainly and inside an inline fragment,
//! gives the same data and the same errors, for staff and for a requester.

use deskql::domain::roles::Role;
use serde_json::{Value, json};

use crate::common::{TestApp, TestUser};

const TICKET_FIELDS: &str = "id number title description status priority source summary pageUrl \
     createdAt updatedAt firstResponseAt resolvedAt closedAt version __typename \
     shown: title \
     requester { name email __typename user { id name email role skills active createdAt } } \
     assignee { id name email role skills active createdAt __typename } \
     createdBy { id name }";

async fn both_ways(app: &TestApp, viewer: &TestUser, id: &Value) -> (Value, Value) {
    let plain = format!("query($id: ID!) {{ ticket(id: $id) {{ {TICKET_FIELDS} }} }}");
    let through_fragment =
        format!("query($id: ID!) {{ ticket(id: $id) {{ ... on Ticket {{ {TICKET_FIELDS} }} }} }}");
    let variables = json!({ "id": id });
    let plain = app
        .gql(Some(&viewer.token), &plain, variables.clone())
        .await;
    let through_fragment = app
        .gql(Some(&viewer.token), &through_fragment, variables)
        .await;
    (comparable(plain), comparable(through_fragment))
}

/// The body without what the two texts cannot share: the errors' columns in the text, and
/// their order (async-graphql reports a fragment's errors as its fields finish).
fn comparable(mut body: Value) -> Value {
    if let Some(errors) = body["errors"].as_array_mut() {
        for error in errors.iter_mut() {
            error.as_object_mut().map(|error| error.remove("locations"));
        }
        errors.sort_by_key(|error| error["path"].to_string());
    }
    body
}

#[tokio::test]
async fn stored_fields_answer_as_their_resolvers_do() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    let moderator = app
        .user_with_role("plain-moderator", Role::Moderator, &["billing"])
        .await;
    let requester = app.sign_up("plain-requester").await;
    let ticket = app
        .create_ticket(&requester, "Invoice shows the wrong VAT rate")
        .await;
    let id = ticket["id"].clone();
    let assigned = app
        .gql(
            Some(&admin.token),
            "mutation($id: ID!, $input: AssignTicketInput!) { assignTicket(id: $id, input: $input) { id } }",
            json!({ "id": id, "input": { "assigneeId": moderator.id } }),
        )
        .await;
    assert!(assigned["errors"].is_null(), "{assigned}");

    let (plain, through_fragment) = both_ways(&app, &admin, &id).await;
    assert!(plain["errors"].is_null(), "{plain}");
    assert_eq!(plain, through_fragment);
    let seen = &plain["data"]["ticket"];
    assert_eq!(seen["title"], "Invoice shows the wrong VAT rate");
    assert_eq!(seen["shown"], seen["title"]);
    assert_eq!(seen["__typename"], "Ticket");
    assert_eq!(seen["requester"]["__typename"], "Requester");
    assert_eq!(seen["requester"]["email"], "plain-requester@example.com");
    assert_eq!(seen["assignee"]["email"], "plain-moderator@example.com");
    assert_eq!(seen["assignee"]["skills"], json!(["billing"]));
    assert_eq!(seen["assignee"]["role"], "MODERATOR");

    // The requester may not read the assignee's private fields: each is an error with its
    // path, and the fields they may read are still there.
    let (plain, through_fragment) = both_ways(&app, &requester, &id).await;
    assert_eq!(plain, through_fragment);
    let errors = plain["errors"].as_array().expect("errors");
    assert_eq!(errors.len(), 5, "{plain}");
    assert!(
        errors
            .iter()
            .all(|e| e["extensions"]["code"] == "FORBIDDEN" && e["path"][1] == "assignee"),
        "{plain}"
    );
    let assignee = &plain["data"]["ticket"]["assignee"];
    assert_eq!(assignee["name"], "plain-moderator");
    assert!(assignee.get("email").is_none(), "{plain}");
    assert_eq!(
        plain["data"]["ticket"]["requester"]["user"]["email"],
        "plain-requester@example.com"
    );
}

#[tokio::test]
async fn fields_come_back_in_the_order_asked() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    let ticket = app.create_ticket(&admin, "Order of fields").await;
    let body = app
        .http
        .post(app.url("/graphql"))
        .bearer_auth(&admin.token)
        .json(&json!({
            "query": "query($id: ID!) { ticket(id: $id) { createdBy { name } title tags id } }",
            "variables": { "id": ticket["id"] },
        }))
        .send()
        .await
        .expect("send")
        .text()
        .await
        .expect("body");
    let keys = ["\"createdBy\"", "\"title\"", "\"tags\"", "\"id\""].map(|key| {
        body.find(key)
            .unwrap_or_else(|| panic!("{key} missing: {body}"))
    });
    assert!(keys.is_sorted(), "{body}");
}
