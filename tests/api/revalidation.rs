//! A document's text passes async-graphql's full validation once; later requests with the same
//! text skip the rules that judge only the text. What a client sees must not change: the
//! variables of every request are still judged, and a text that failed is judged afresh.

use serde_json::{Value, json};

use crate::common::{TestApp, error_code};

const QUERY: &str = "query($id: ID!, $limit: Int) { ticket(id: $id) { title } users(limit: $limit) { totalCount } }";

/// Status and body, asking for `application/graphql-response+json` (where a request that
/// cannot run is a 400).
async fn post(app: &TestApp, token: &str, query: &str, variables: &Value) -> (u16, Value) {
    let response = app
        .http
        .post(app.url("/graphql"))
        .bearer_auth(token)
        .header("accept", "application/graphql-response+json")
        .json(&json!({ "query": query, "variables": variables }))
        .send()
        .await
        .expect("send");
    let status = response.status().as_u16();
    (status, response.json().await.expect("json body"))
}

#[tokio::test]
async fn a_validated_text_still_has_its_variables_judged() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    let ticket = app.create_ticket(&admin, "Printer on floor two jams").await;
    let id = ticket["id"].clone();

    for _ in 0..3 {
        let (status, body) =
            post(&app, &admin.token, QUERY, &json!({ "id": id, "limit": 5 })).await;
        assert_eq!(status, 200, "{body}");
        assert_eq!(
            body["data"]["ticket"]["title"], "Printer on floor two jams",
            "{body}"
        );
    }

    // Each wrong request is answered as the same request with a text never seen before
    // (the same query, padded with spaces) is answered: the full rules run for that one.
    let wrong = [
        json!({ "id": id, "limit": "five" }),
        json!({ "id": id, "limit": 2.5 }),
        json!({ "id": null }),
        json!({ "id": true }),
        json!({ "id": 1.5 }),
        json!({ "id": [id] }),
        json!({ "id": { "id": id } }),
    ];
    for (padding, variables) in wrong.iter().enumerate() {
        let seen = post(&app, &admin.token, QUERY, variables).await;
        let fresh_text = format!("{QUERY}{}", " ".repeat(padding + 1));
        let fresh = post(&app, &admin.token, &fresh_text, variables).await;
        assert_eq!(seen, fresh, "{variables}");
        assert!(
            seen.1["errors"].as_array().is_some_and(|e| !e.is_empty()),
            "{variables}: {}",
            seen.1
        );
    }
    let (status, body) = post(
        &app,
        &admin.token,
        QUERY,
        &json!({ "id": id, "limit": "five" }),
    )
    .await;
    assert_eq!(status, 400, "{body}");
    assert!(body.get("data").is_none(), "{body}");
}

#[tokio::test]
async fn a_text_that_failed_validation_fails_every_time() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    let query = "query($id: ID!) { ticket(id: $id) { title noSuchField } }";
    for _ in 0..3 {
        let (status, body) = post(&app, &admin.token, query, &json!({ "id": "x" })).await;
        assert_eq!(status, 400, "{body}");
        assert_eq!(error_code(&body), "GRAPHQL_VALIDATION_FAILED", "{body}");
    }
}
