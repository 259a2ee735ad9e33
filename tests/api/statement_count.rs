use deskql::domain::roles::Role;
use serde_json::json;

use crate::common::{TestApp, test_config};

const LIST: &str = r#"query($first: Int!) {
    tickets(first: $first) { edges { node {
        number title status priority createdAt
        requester { email user { email } } createdBy { email } assignee { email } category { slug }
    } } }
}"#;

/// DataLoaders keep the statement count fixed whatever the page size: one page query, one
/// batched user load, one batched category load.
#[tokio::test]
async fn listing_issues_a_fixed_number_of_statements() {
    // An unoptimised test build can take longer than the default 1 ms to resolve 50 rows'
    // fields; a wider batching window keeps the count about batching, not build speed.
    let mut config = test_config();
    config.loader_delay_ms = 20;
    let app = TestApp::spawn_with(config).await;
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
