//! One anonymous request must not crash, stall or probe the server: deep nesting, fragment
//! fan-out, NUL bytes, introspection when it is off, and tracking images in Markdown.

use deskql::config::IntrospectionMode;
use deskql::domain::roles::Role;
use serde_json::{Value, json};

use crate::common::ws::WsClient;
use crate::common::{TestApp, error_code, test_config};

async fn healthy(app: &TestApp) {
    let health = app
        .http
        .get(app.url("/healthz"))
        .send()
        .await
        .expect("the server is still up");
    assert_eq!(health.status(), 200);
}

#[tokio::test]
async fn deeply_nested_literals_are_refused_without_crashing() {
    let app = TestApp::spawn().await;
    let lists = format!(
        "{{ suggestArticles(text: {}\"x\"{}) {{ slug }} }}",
        "[".repeat(2_000),
        "]".repeat(2_000)
    );
    let objects = format!(
        "mutation {{ logIn(input: {}email: \"a\"{}) {{ token }} }}",
        "{a:".repeat(2_000),
        "}".repeat(2_000)
    );
    for query in [lists, objects] {
        let body = app.gql(None, &query, json!({})).await;
        assert_eq!(error_code(&body), "GRAPHQL_VALIDATION_FAILED", "{body}");
    }
    // GET parses the text too (to refuse mutations): it must not overflow either.
    let deep = format!(
        "{{ helpArticle(slug: {}\"x\"{}) {{ slug }} }}",
        "[".repeat(2_000),
        "]".repeat(2_000)
    );
    let response = app
        .http
        .get(app.url("/graphql"))
        .query(&[("query", deep)])
        .send()
        .await
        .expect("send");
    assert!(response.status().is_client_error() || response.status() == 200);
    healthy(&app).await;
}

/// 24 levels of fragments, each spreading the one below twice: 2^24 fields once expanded.
fn fragment_bomb(levels: usize) -> String {
    let mut query = String::from("query { ...F0 }\n");
    for level in 0..levels {
        let next = level + 1;
        if level + 1 == levels {
            query.push_str(&format!(
                "fragment F{level} on Query {{ helpArticles {{ slug }} }}\n"
            ));
        } else {
            query.push_str(&format!(
                "fragment F{level} on Query {{ ...F{next} ...F{next} }}\n"
            ));
        }
    }
    query
}

#[tokio::test]
async fn fragment_fan_out_is_refused_before_validation() {
    let app = TestApp::spawn().await;
    let bomb = fragment_bomb(24);
    assert!(bomb.len() < 2_000);
    let refused = tokio::time::timeout(
        std::time::Duration::from_secs(2),
        app.gql(None, &bomb, json!({})),
    )
    .await
    .expect("a fragment bomb is refused in well under a second, not evaluated");
    assert_eq!(
        error_code(&refused),
        "GRAPHQL_VALIDATION_FAILED",
        "{refused}"
    );
    // A small fan-out of the same shape is an ordinary query.
    let small = app.gql(None, &fragment_bomb(3), json!({})).await;
    assert!(small["errors"].is_null(), "{small}");
    healthy(&app).await;
}

#[tokio::test]
async fn nul_bytes_are_bad_user_input_in_literals_and_variables() {
    let app = TestApp::spawn().await;
    let literal = app
        .gql(
            None,
            r#"{ helpArticle(slug: "a\u0000b") { slug } }"#,
            json!({}),
        )
        .await;
    assert_eq!(error_code(&literal), "BAD_USER_INPUT", "{literal}");
    let cases = [
        (
            "mutation($input: LogInInput!) { logIn(input: $input) { token } }",
            json!({ "input": { "email": "a\u{0}@example.com", "password": "x" } }),
        ),
        (
            "query($n: String!) { ticketByNumber(number: $n) { id } }",
            json!({ "n": "TKT-\u{0}" }),
        ),
        (
            "query($t: String!) { suggestArticles(text: $t) { slug } }",
            json!({ "t": "\u{0}" }),
        ),
    ];
    for (query, variables) in cases {
        let body = app.gql(None, query, variables).await;
        assert_eq!(error_code(&body), "BAD_USER_INPUT", "{query}: {body}");
    }
}

#[tokio::test]
async fn introspection_off_is_off_over_http_and_websocket_without_suggestions() {
    let mut config = test_config();
    config.introspection = IntrospectionMode::Off;
    let app = TestApp::spawn_with(config).await;
    let user = app.sign_up("intro").await;

    let http = app
        .gql(None, "{ __schema { queryType { name } } }", json!({}))
        .await;
    assert!(http["data"].is_null(), "{http}");
    assert_eq!(error_code(&http), "GRAPHQL_VALIDATION_FAILED", "{http}");
    let typo = app.gql(None, "{ ticketz { totalCount } }", json!({})).await;
    let message = typo["errors"][0]["message"].as_str().unwrap_or_default();
    assert!(!message.contains("Did you mean"), "{typo}");
    let typename = app.gql(None, "{ __typename }", json!({})).await;
    assert_eq!(typename["data"]["__typename"], "Query", "{typename}");

    let mut ws = WsClient::connect(&app, &user.token).await;
    ws.subscribe("1", "{ __type(name: \"Ticket\") { name } }", json!({}))
        .await;
    let answer = ws.next_json().await.expect("an answer");
    assert!(answer["payload"]["errors"].is_array(), "{answer}");
    assert!(
        answer["payload"]["data"].is_null() || answer["payload"]["data"]["__type"].is_null(),
        "{answer}"
    );
}

const INTROSPECTION_QUERY: &str = r#"
query IntrospectionQuery {
  __schema {
    queryType { name } mutationType { name } subscriptionType { name }
    types { ...FullType }
    directives { name description locations args { ...InputValue } }
  }
}
fragment FullType on __Type {
  kind name description
  fields(includeDeprecated: true) { name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }
  inputFields { ...InputValue }
  interfaces { ...TypeRef }
  enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
  possibleTypes { ...TypeRef }
}
fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
fragment TypeRef on __Type {
  kind name
  ofType { kind name ofType { kind name ofType { kind name ofType { kind name
    ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } }
}"#;

#[tokio::test]
async fn the_standard_introspection_query_passes_while_data_depth_stays_limited() {
    let app = TestApp::spawn().await;
    let schema = app.gql(None, INTROSPECTION_QUERY, json!({})).await;
    assert!(schema["errors"].is_null(), "{schema}");
    assert_eq!(schema["data"]["__schema"]["queryType"]["name"], "Query");

    let admin = app.admin().await;
    // Eleven levels of data fields, hidden in fragments: still too deep.
    let deep = r#"query { ...A }
      fragment A on Query { tickets { edges { node { ...B } } } }
      fragment B on Ticket { history { ticket { history { ticket { history { ticket { history { id } } } } } } } }"#;
    let body = app.gql(Some(&admin.token), deep, json!({})).await;
    assert_eq!(error_code(&body), "GRAPHQL_VALIDATION_FAILED", "{body}");
}

#[tokio::test]
async fn markdown_images_render_as_links_not_remote_loads() {
    let app = TestApp::spawn().await;
    let owner = app.sign_up("pixel").await;
    let agent = app.user_with_role("pixie", Role::Moderator, &[]).await;
    let ticket = app.create_ticket(&owner, "Read receipt").await;
    let reply = app
        .gql(
            Some(&agent.token),
            "mutation($id: ID!) { addTicketMessage(ticketId: $id, input: { body: \"![logo](https://tracker.example/p.gif?u=1)\" }) { message { bodyHtml } } }",
            json!({ "id": ticket["id"] }),
        )
        .await;
    let html: &Value = &reply["data"]["addTicketMessage"]["message"]["bodyHtml"];
    let html = html.as_str().unwrap_or_else(|| panic!("{reply}"));
    assert!(!html.contains("<img"), "{html}");
    assert!(
        html.contains(r#"href="https://tracker.example/p.gif?u=1""#),
        "{html}"
    );
}
