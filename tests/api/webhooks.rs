//! Outgoing webhooks: admins manage endpoints, receivers get Standard Webhooks requests in
//! event order per ticket, failures are retried with the same id, private targets are refused
//! and endpoints that keep failing are switched off.

use std::collections::HashSet;

use deskql::domain::roles::Role;
use serde_json::{Value, json};

use crate::common::receiver::{Received, Receiver};
use crate::common::{TestApp, error_code, eventually, pipeline_config};
use crate::thread;

const CREATE: &str = r#"mutation($input: CreateWebhookEndpointInput!) {
  createWebhookEndpoint(input: $input) { secret endpoint { id url eventTypes active } } }"#;
const DELIVERIES: &str = r#"query($id: ID!) { webhookDeliveries(endpointId: $id) {
  id eventType state attemptCount attempts { statusCode latencyMs responseSnippet error } } }"#;
const ROTATE: &str = r#"mutation($id: ID!) { rotateWebhookSecret(id: $id, graceMinutes: 60) {
  secret endpoint { previousSecretExpiresAt } } }"#;
const REDELIVER: &str = r#"mutation($id: ID!) { redeliverWebhook(id: $id) { id state } }"#;
const UPDATE_TICKET: &str = r#"mutation($id: ID!, $input: UpdateTicketInput!) {
  updateTicket(id: $id, input: $input) { status } }"#;
const ENDPOINT: &str = "{ webhookEndpoints { id active consecutiveFailures disabledReason } }";

const ALL_TYPES: [&str; 7] = [
    "TICKET_CREATED",
    "TICKET_UPDATED",
    "TICKET_ASSIGNED",
    "TICKET_STATUS_CHANGED",
    "MESSAGE_CREATED",
    "SLA_BREACHED",
    "TICKET_RATED",
];

/// The successful deliveries about one ticket, in arrival order.
fn delivered_for(received: &[Received], ticket_id: &str) -> Vec<Value> {
    received
        .iter()
        .filter(|r| r.status == 200)
        .map(Received::json)
        .filter(|body| body["data"]["ticket"]["id"] == ticket_id)
        .collect()
}

#[tokio::test]
async fn signed_deliveries_arrive_in_order_per_ticket_and_retry_after_a_500() {
    let receiver = Receiver::start(1).await;
    let mut config = pipeline_config();
    config.pipeline.webhook_allow_private = true;
    let app = TestApp::spawn_with(config).await;
    let admin = app.admin().await;
    let owner = app.sign_up("owner").await;
    app.user_with_role("agent", Role::Moderator, &["billing"])
        .await;

    // Typed refusals first.
    let input =
        |url: &str, types: Vec<&str>| json!({ "input": { "url": url, "eventTypes": types } });
    let body = app
        .gql(
            Some(&owner.token),
            CREATE,
            input(&receiver.url, ALL_TYPES.to_vec()),
        )
        .await;
    assert_eq!(error_code(&body), "FORBIDDEN", "{body}");
    for (url, types, field) in [
        ("ftp://example.com/", ALL_TYPES.to_vec(), "url"),
        ("not a url", ALL_TYPES.to_vec(), "url"),
        (receiver.url.as_str(), vec![], "eventTypes"),
    ] {
        let body = app.gql(Some(&admin.token), CREATE, input(url, types)).await;
        assert_eq!(error_code(&body), "BAD_USER_INPUT", "{body}");
        assert_eq!(body["errors"][0]["extensions"]["field"], field, "{body}");
    }

    let body = app
        .gql(
            Some(&admin.token),
            CREATE,
            input(&receiver.url, ALL_TYPES.to_vec()),
        )
        .await;
    let created = &body["data"]["createWebhookEndpoint"];
    let secret = created["secret"].as_str().expect("secret").to_owned();
    assert!(secret.starts_with("whsec_"), "{body}");
    let endpoint_id = created["endpoint"]["id"].as_str().expect("id").to_owned();
    // The secret is never readable again.
    let listed = app
        .gql(
            Some(&admin.token),
            "{ webhookEndpoints { id url active } }",
            json!({}),
        )
        .await;
    assert!(!listed.to_string().contains(&secret), "{listed}");

    // A ticket's life: filed, triaged and assigned by the pipeline, edited, answered, with
    // an internal note the endpoint did not opt into.
    let ticket = app
        .create_ticket(&owner, "Refund for a double charge on my invoice")
        .await;
    let ticket_id = ticket["id"].as_str().expect("ticket id").to_owned();
    eventually("the ticket's assignment", || async {
        app.count_rows(&format!(
            "ticket_events WHERE kind = 'ASSIGNED' AND ticket_id = '{ticket_id}'"
        ))
        .await
            == 1
    })
    .await;
    let edited = app
        .gql(
            Some(&admin.token),
            UPDATE_TICKET,
            json!({ "id": ticket_id, "input": { "title": "Refund for a charge billed twice" } }),
        )
        .await;
    assert!(edited["data"]["updateTicket"].is_object(), "{edited}");
    let note = thread::post(
        &app,
        &admin.token,
        &ticket["id"],
        json!({ "body": "internal: customer is on the gold plan", "internal": true }),
    )
    .await;
    assert!(note["data"]["addTicketMessage"].is_object(), "{note}");
    let reply = thread::post(
        &app,
        &admin.token,
        &ticket["id"],
        json!({ "body": "We have refunded the second charge." }),
    )
    .await;
    assert!(reply["data"]["addTicketMessage"].is_object(), "{reply}");

    let expected = app
        .count_rows(&format!(
            "ticket_events WHERE ticket_id = '{ticket_id}' \
             AND kind IN ('CREATED','UPDATED','PRIORITY_CHANGED','TRIAGED','ASSIGNED','UNASSIGNED',\
             'STATUS_CHANGED','RATED','SLA_BREACHED') \
             OR (ticket_id = '{ticket_id}' AND kind = 'MESSAGE_ADDED' AND NOT internal)"
        ))
        .await;
    eventually("every delivery to be sent", || async {
        app.count_rows("webhook_deliveries WHERE state = 'DELIVERED'")
            .await
            == expected
    })
    .await;
    let received = receiver.received();

    // The first request failed with 500 and was retried with the same id and body.
    assert_eq!(received[0].status, 500);
    assert_eq!(received[1].webhook_id, received[0].webhook_id);
    assert_eq!(received[1].body, received[0].body);
    // Every request verifies with the endpoint's secret, by an independent verifier.
    assert!(received.iter().all(|r| r.signed_with(&secret)));
    assert!(
        !received
            .iter()
            .any(|r| r.signed_with("whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="))
    );
    // In event order, each event once, and never the internal note.
    let bodies = delivered_for(&received, &ticket_id);
    assert_eq!(bodies.len() as i64, expected, "{bodies:#?}");
    let positions: Vec<i64> = bodies
        .iter()
        .map(|b| {
            b["data"]["event"]["id"]
                .as_str()
                .expect("event id")
                .parse()
                .expect("number")
        })
        .collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{positions:?}");
    let types: Vec<&str> = bodies
        .iter()
        .map(|b| b["type"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(types[0], "ticket.created", "{types:?}");
    assert!(types.contains(&"ticket.assigned"), "{types:?}");
    let update = bodies
        .iter()
        .find(|b| b["data"]["event"]["kind"] == "UPDATED")
        .expect("ticket.updated for the edit");
    assert_eq!(update["type"], "ticket.updated");
    assert_eq!(update["data"]["changedFields"], json!(["title"]));
    let messages: Vec<&Value> = bodies
        .iter()
        .filter(|b| b["type"] == "message.created")
        .collect();
    assert_eq!(messages.len(), 1, "{messages:#?}");
    assert_eq!(
        messages[0]["data"]["message"]["body"],
        "We have refunded the second charge."
    );
    assert!(!received.iter().any(|r| r.body.contains("gold plan")));

    // The log shows both attempts of the first delivery.
    let log = app
        .gql(Some(&admin.token), DELIVERIES, json!({ "id": endpoint_id }))
        .await;
    let deliveries = log["data"]["webhookDeliveries"]
        .as_array()
        .expect("log")
        .clone();
    let first = deliveries
        .iter()
        .find(|d| d["id"] == received[0].webhook_id.as_str())
        .expect("first delivery in the log");
    assert_eq!(first["state"], "DELIVERED");
    assert_eq!(first["attemptCount"], 2);
    assert_eq!(first["attempts"][0]["statusCode"], 500);
    assert_eq!(first["attempts"][0]["responseSnippet"], "receiver is down");
    assert_eq!(first["attempts"][1]["statusCode"], 200);

    // Rotation: during the grace period requests carry both signatures.
    let rotated = app
        .gql(Some(&admin.token), ROTATE, json!({ "id": endpoint_id }))
        .await;
    let new_secret = rotated["data"]["rotateWebhookSecret"]["secret"]
        .as_str()
        .expect("new secret")
        .to_owned();
    assert_ne!(new_secret, secret);
    assert!(
        rotated["data"]["rotateWebhookSecret"]["endpoint"]["previousSecretExpiresAt"].is_string()
    );
    let before = received.len();
    let resolved = app
        .gql(
            Some(&admin.token),
            UPDATE_TICKET,
            json!({ "id": ticket_id, "input": { "status": "RESOLVED" } }),
        )
        .await;
    assert_eq!(
        resolved["data"]["updateTicket"]["status"], "RESOLVED",
        "{resolved}"
    );
    eventually("the status change to arrive", || async {
        receiver.received().len() > before
    })
    .await;
    let latest = receiver.received()[before].clone();
    assert_eq!(latest.json()["type"], "ticket.status_changed");
    assert_eq!(latest.json()["data"]["event"]["to"], "RESOLVED");
    assert!(latest.signed_with(&new_secret) && latest.signed_with(&secret));

    // A redelivery resends the same message under the same id.
    let redelivered = app
        .gql(
            Some(&admin.token),
            REDELIVER,
            json!({ "id": received[0].webhook_id }),
        )
        .await;
    assert_eq!(
        redelivered["data"]["redeliverWebhook"]["state"], "PENDING",
        "{redelivered}"
    );
    let count = receiver.received().len();
    eventually("the redelivery", || async {
        receiver.received().len() > count
    })
    .await;
    let again = receiver.received()[count].clone();
    assert_eq!(again.webhook_id, received[0].webhook_id);
    assert_eq!(again.body, received[0].body);
    let unknown = app
        .gql(
            Some(&admin.token),
            REDELIVER,
            json!({ "id": uuid::Uuid::now_v7() }),
        )
        .await;
    assert_eq!(error_code(&unknown), "NOT_FOUND", "{unknown}");
}

#[tokio::test]
async fn private_targets_are_refused_and_an_endpoint_that_keeps_failing_is_disabled() {
    let mut config = pipeline_config();
    config.pipeline.webhook_disable_after = 3;
    let app = TestApp::spawn_with(config).await;
    let admin = app.admin().await;
    let owner = app.sign_up("owner").await;
    // A real receiver on loopback: it must never be reached.
    let receiver = Receiver::start(0).await;

    for url in [
        receiver.url.clone(),
        "http://169.254.169.254/latest/meta-data/".to_owned(),
        "http://[::1]:9/hooks".to_owned(),
        "http://10.0.0.7/hooks".to_owned(),
    ] {
        let body = app
            .gql(
                Some(&admin.token),
                CREATE,
                json!({ "input": { "url": url, "eventTypes": ["TICKET_CREATED"] } }),
            )
            .await;
        assert_eq!(error_code(&body), "BAD_USER_INPUT", "{url}: {body}");
    }
    // A host name passes the form check; it is refused when it resolves to loopback.
    let port = receiver.url.split(':').nth(2).expect("port");
    let by_name = format!("http://localhost:{port}");
    let body = app
        .gql(
            Some(&admin.token),
            CREATE,
            json!({ "input": { "url": by_name, "eventTypes": ["TICKET_CREATED"] } }),
        )
        .await;
    let endpoint_id = body["data"]["createWebhookEndpoint"]["endpoint"]["id"]
        .as_str()
        .unwrap_or_else(|| panic!("{body}"))
        .to_owned();

    app.create_ticket(&owner, "Printer on floor two is jammed")
        .await;
    eventually("the endpoint to be disabled", || async {
        app.count_rows("webhook_endpoints WHERE NOT active AND disabled_at IS NOT NULL")
            .await
            == 1
    })
    .await;
    let endpoints = app.gql(Some(&admin.token), ENDPOINT, json!({})).await;
    let endpoint = &endpoints["data"]["webhookEndpoints"][0];
    assert_eq!(endpoint["active"], false, "{endpoints}");
    assert_eq!(endpoint["consecutiveFailures"], 3, "{endpoints}");
    assert!(
        endpoint["disabledReason"]
            .as_str()
            .is_some_and(|r| r.contains('3'))
    );
    let log = app
        .gql(Some(&admin.token), DELIVERIES, json!({ "id": endpoint_id }))
        .await;
    let attempts = log["data"]["webhookDeliveries"][0]["attempts"]
        .as_array()
        .expect("attempts")
        .clone();
    assert_eq!(attempts.len(), 3, "{log}");
    for attempt in &attempts {
        assert!(attempt["statusCode"].is_null(), "{log}");
        let error = attempt["error"].as_str().unwrap_or_default();
        assert!(error.contains("private, loopback or link-local"), "{error}");
    }
    assert!(receiver.received().is_empty());
    // The admins hear of it; the pending delivery is kept for when it is switched back on.
    eventually("the admins' email", || async {
        app.count_rows("email_deliveries WHERE kind = 'WEBHOOK_DISABLED'")
            .await
            == 1
    })
    .await;
    assert_eq!(
        app.count_rows("webhook_deliveries WHERE state = 'PENDING'")
            .await,
        1
    );
    // A disabled endpoint takes no redelivery and no new events.
    let delivery_id = log["data"]["webhookDeliveries"][0]["id"].clone();
    let refused = app
        .gql(Some(&admin.token), REDELIVER, json!({ "id": delivery_id }))
        .await;
    assert_eq!(error_code(&refused), "CONFLICT", "{refused}");
    app.create_ticket(&owner, "Second printer also jammed today")
        .await;
    assert_eq!(app.count_rows("webhook_deliveries").await, 1);
    let ids: HashSet<String> = receiver
        .received()
        .into_iter()
        .map(|r| r.webhook_id)
        .collect();
    assert!(ids.is_empty());
}
