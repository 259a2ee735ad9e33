//! Duplicate detection: each filed ticket is compared with the open tickets of the last days,
//! and staff see likely duplicates on both tickets.

use deskql::domain::roles::Role;
use serde_json::{Value, json};

use crate::common::{TestApp, error_code, eventually, pipeline_config};

const SUBMIT: &str = r#"mutation($input: GuestTicketInput!) {
  submitGuestTicket(input: $input) { id number }
}"#;
const DUPLICATES: &str = r#"query($id: ID!) {
  ticket(id: $id) { number possibleDuplicates { ticket { number } score reason } }
}"#;

async fn submit(app: &TestApp, email: &str, title: &str, description: &str) -> Value {
    let body = app
        .gql(
            None,
            SUBMIT,
            json!({ "input": { "title": title, "description": description, "customerEmail": email, "customerName": "Gina Guest" } }),
        )
        .await;
    let receipt = body["data"]["submitGuestTicket"].clone();
    assert!(receipt["id"].is_string(), "{body}");
    receipt
}

async fn duplicates_of(app: &TestApp, token: &str, ticket: &Value) -> Vec<(String, String)> {
    let body = app
        .gql(Some(token), DUPLICATES, json!({ "id": ticket["id"] }))
        .await;
    body["data"]["ticket"]["possibleDuplicates"]
        .as_array()
        .unwrap_or_else(|| panic!("{body}"))
        .iter()
        .map(|d| {
            let score = d["score"].as_f64().unwrap_or_default();
            assert!((0.0..=1.0).contains(&score), "{d}");
            (
                d["ticket"]["number"]
                    .as_str()
                    .unwrap_or_default()
                    .to_owned(),
                d["reason"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect()
}

#[tokio::test]
async fn the_same_problem_filed_twice_is_flagged_for_staff_only() {
    let app = TestApp::spawn_with(pipeline_config()).await;
    let agent = app.user_with_role("agent", Role::Moderator, &[]).await;
    let first = submit(
        &app,
        "gina@example.com",
        "Order 1234 never arrived",
        "I ordered a lamp two weeks ago and order 1234 never arrived.",
    )
    .await;
    let unrelated = submit(
        &app,
        "olaf@example.com",
        "Change my invoice address",
        "Please put our new street on the invoices from now on.",
    )
    .await;
    let again = submit(
        &app,
        "gina@example.com",
        "order 1234 still not here",
        "Order 1234 still has not arrived, the lamp I ordered two weeks ago.",
    )
    .await;
    let incident_a = submit(
        &app,
        "ann@example.com",
        "Checkout page returns 500 error",
        "Since 10:00 the checkout page returns a 500 error for every customer.",
    )
    .await;
    let incident_b = submit(
        &app,
        "bob@example.com",
        "Checkout page 500 error",
        "The checkout page returns a 500 error for all customers since about 10:00.",
    )
    .await;

    // Every filed ticket gets its own search; wait for all of them.
    eventually("the duplicate searches", || async {
        app.count_rows("graphile_worker.jobs WHERE task_identifier = 'find_duplicates'")
            .await
            == 0
    })
    .await;

    let number = |t: &Value| t["number"].as_str().unwrap_or_default().to_owned();
    assert_eq!(
        duplicates_of(&app, &agent.token, &again).await,
        vec![(number(&first), "SAME_REQUESTER".to_owned())]
    );
    // The older ticket shows the pairing too.
    assert_eq!(
        duplicates_of(&app, &agent.token, &first).await,
        vec![(number(&again), "SAME_REQUESTER".to_owned())]
    );
    assert_eq!(
        duplicates_of(&app, &agent.token, &incident_b).await,
        vec![(number(&incident_a), "SIMILAR_TEXT".to_owned())]
    );
    assert!(
        duplicates_of(&app, &agent.token, &unrelated)
            .await
            .is_empty()
    );
    assert_eq!(app.count_rows("ticket_duplicates").await, 2);

    // Requesters never see the field.
    let ann = app.sign_up("ann").await;
    let own = app.create_ticket(&ann, "My own ticket").await;
    let refused = app
        .gql(Some(&ann.token), DUPLICATES, json!({ "id": own["id"] }))
        .await;
    assert_eq!(error_code(&refused), "FORBIDDEN", "{refused}");

    // Once merged, the pair is no longer offered.
    let merged = app
        .gql(
            Some(&agent.token),
            "mutation($s: ID!, $t: ID!) { mergeTickets(sourceId: $s, targetId: $t) { target { number } } }",
            json!({ "s": again["id"], "t": first["id"] }),
        )
        .await;
    assert!(merged["errors"].is_null(), "{merged}");
    assert!(duplicates_of(&app, &agent.token, &first).await.is_empty());
}
