use serde_json::json;

use crate::common::{TestApp, error_code, test_config};

#[tokio::test]
async fn get_serves_queries_but_refuses_mutations() {
    let app = TestApp::spawn().await;
    let query = app
        .http
        .get(app.url("/graphql"))
        .query(&[("query", "{ categories { slug } }")])
        .send()
        .await
        .expect("send");
    assert_eq!(query.status(), 200);
    let body: serde_json::Value = query.json().await.expect("json");
    assert_eq!(
        body["data"]["categories"].as_array().map(Vec::len),
        Some(8),
        "{body}"
    );

    let mutation = app
        .http
        .get(app.url("/graphql"))
        .query(&[("query", "mutation { logOut }")])
        .send()
        .await
        .expect("send");
    assert_eq!(mutation.status(), 405);
    assert_eq!(mutation.headers()["allow"], "POST");

    let graphiql = app
        .http
        .get(app.url("/graphql"))
        .send()
        .await
        .expect("send");
    // GraphiQL comes from the binary, under a CSP that allows no inline or foreign script.
    let csp = graphiql.headers()["content-security-policy"]
        .to_str()
        .expect("csp")
        .to_owned();
    assert!(csp.contains("script-src 'self';"), "{csp}");
    let html = graphiql.text().await.expect("html");
    assert!(html.contains("/graphiql/graphiql.min.js"), "{html}");
    assert!(!html.contains("https://"), "no CDN: {html}");
    for asset in [
        "graphiql.min.js",
        "graphiql.min.css",
        "react.production.min.js",
        "init.js",
    ] {
        let response = app
            .http
            .get(app.url(&format!("/graphiql/{asset}")))
            .send()
            .await
            .expect("send");
        assert_eq!(response.status(), 200, "{asset}");
    }
    let missing = app
        .http
        .get(app.url("/graphiql/..%2FCargo.toml"))
        .send()
        .await
        .expect("send");
    assert_eq!(missing.status(), 404);
}

#[tokio::test]
async fn batches_and_non_json_bodies_are_refused() {
    let app = TestApp::spawn().await;
    let batch = app
        .http
        .post(app.url("/graphql"))
        .json(&json!([{ "query": "{ categories { slug } }" }, { "query": "{ categories { slug } }" }]))
        .send()
        .await
        .expect("send");
    assert_eq!(batch.status(), 400);
    let form = app
        .http
        .post(app.url("/graphql"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("query=%7B%20categories%20%7B%20slug%20%7D%20%7D")
        .send()
        .await
        .expect("send");
    assert_eq!(form.status(), 415);
}

#[tokio::test]
async fn depth_length_and_size_limits() {
    let app = TestApp::spawn().await;
    let deep = "{ tickets { edges { node { history { ticket { history { ticket { history { ticket { history { id } } } } } } } } } } }";
    let body = app.gql(None, deep, json!({})).await;
    assert_eq!(error_code(&body), "GRAPHQL_VALIDATION_FAILED", "{body}");

    let long = format!("{{ categories {{ slug }} }} #{}", "x".repeat(10_001));
    let body = app.gql(None, &long, json!({})).await;
    assert_eq!(error_code(&body), "GRAPHQL_VALIDATION_FAILED", "{body}");

    let huge = app
        .http
        .post(app.url("/graphql"))
        .header("content-type", "application/json")
        .body(format!(
            "{{\"query\": \"{{ categories {{ slug }} }}\", \"variables\": {{ \"pad\": \"{}\" }} }}",
            "x".repeat(70_000)
        ))
        .send()
        .await
        .expect("send");
    assert_eq!(huge.status(), 413);

    let costly = "{ tickets(first: 100) { edges { node { history { id kind actor { id name } } assignee { id name } requester { name email } createdBy { id name } category { id slug } } } } }";
    let body = app.gql(None, costly, json!({})).await;
    assert_eq!(error_code(&body), "GRAPHQL_VALIDATION_FAILED", "{body}");
}

#[tokio::test]
async fn introspection_can_be_limited_to_staff() {
    let mut config = test_config();
    config.introspection = deskql::config::IntrospectionMode::Staff;
    let app = TestApp::spawn_with(config).await;
    let user = app.sign_up("ann").await;
    let admin = app.admin().await;
    let query = "{ __schema { queryType { name } } }";
    let anonymous = app.gql(None, query, json!({})).await;
    assert!(anonymous["data"]["__schema"].is_null(), "{anonymous}");
    let as_user = app.gql(Some(&user.token), query, json!({})).await;
    assert!(as_user["data"]["__schema"].is_null(), "{as_user}");
    let as_admin = app.gql(Some(&admin.token), query, json!({})).await;
    assert_eq!(
        as_admin["data"]["__schema"]["queryType"]["name"], "Query",
        "{as_admin}"
    );
    // Parsed documents are remembered per face of the schema: the admin's run of this text
    // does not let it past the closed face's armor.
    let anonymous_again = app.gql(None, query, json!({})).await;
    assert_eq!(anonymous_again, anonymous);
}

#[tokio::test]
async fn health_and_readiness() {
    let app = TestApp::spawn().await;
    let health = app
        .http
        .get(app.url("/healthz"))
        .send()
        .await
        .expect("send");
    assert_eq!(health.status(), 200);
    let ready = app.http.get(app.url("/readyz")).send().await.expect("send");
    assert_eq!(ready.status(), 200);
    assert!(ready.headers().contains_key("x-request-id"));
}

/// A client that declares `$first: Int` and leaves it unset sends null; arguments with a
/// default take their default then, as when the argument is left out.
#[tokio::test]
async fn unset_optional_variables_take_the_argument_defaults() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    let body = app
        .gql(
            Some(&admin.token),
            r#"query($first: Int, $limit: Int, $offset: Int, $inactive: Boolean) {
                auditLog(first: $first) { __typename }
                users(limit: $limit, offset: $offset) { __typename }
                categories(includeInactive: $inactive) { id }
                jobs(first: $first) { id }
                helpArticles(first: $first, offset: $offset) { id }
            }"#,
            json!({}),
        )
        .await;
    assert!(body["errors"].is_null(), "{body}");
    assert_eq!(body["data"]["users"]["__typename"], "UserPage", "{body}");

    let explicit = app
        .gql(
            Some(&admin.token),
            "query($limit: Int) { users(limit: $limit) { __typename } }",
            json!({ "limit": 0 }),
        )
        .await;
    assert_eq!(error_code(&explicit), "BAD_USER_INPUT", "{explicit}");
}
