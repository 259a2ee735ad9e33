use deskql::domain::roles::Role;
use serde_json::json;

use crate::common::TestApp;

const LIST: &str = r#"query($first: Int!) {
    tickets(first: $first) { edges { node {
        number title status priority createdAt
        requester { email user { email } } createdBy { email } assignee { email } category { slug }
    } } }
}"#;

/// The statement count is fixed whatever the page size: one page query, then one query for
/// all referenced users and one for all categories (prefetched into the request's loaders).
#[tokio::test]
async fn listing_issues_a_fixed_number_of_statements() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    let mut agents = Vec::new();
    for i in 0..3 {
        agents.push(
            app.user_with_role(&format!("agent{i}"), Role::Moderator, &[])
                .await,
        );
    }
    let assign =
        "mutation($id: ID!, $to: ID) { assignTicket(id: $id, input: { assigneeId: $to }) { id } }";
    for i in 0..50 {
        let customer = app.sign_up(&format!("customer{i}")).await;
        let ticket = app
            .create_ticket(&customer, &format!("Ticket number {i}"))
            .await;
        let agent = &agents[i % agents.len()];
        app.gql(
            Some(&admin.token),
            assign,
            json!({ "id": ticket["id"], "to": agent.id }),
        )
        .await;
    }
    let mut counts = Vec::new();
    for first in [5, 50] {
        // Warm the session cache so only the listing itself is counted.
        app.gql(Some(&admin.token), LIST, json!({ "first": 1 }))
            .await;
        let before = app.state.statements.total();
        let body = app
            .gql(Some(&admin.token), LIST, json!({ "first": first }))
            .await;
        let after = app.state.statements.total();
        assert!(body["errors"].is_null(), "{body}");
        assert_eq!(
            body["data"]["tickets"]["edges"].as_array().map(Vec::len),
            Some(first as usize)
        );
        counts.push(after - before);
    }
    assert_eq!(
        counts[0], counts[1],
        "statement count grew with the page size: {counts:?}"
    );
    assert!(counts[1] <= 3, "{counts:?}");
}
