//! Personal API tokens: staff create them (shown once), use them as bearer tokens, list and
//! revoke them; READ tokens cannot mutate; a revoked token stops working on every instance.

use deskql::domain::roles::Role;
use serde_json::{Value, json};

use crate::common::{TestApp, error_code, eventually};

const CREATE: &str = r#"mutation($input: CreateApiTokenInput!) {
  createApiToken(input: $input) { token apiToken { id name scope prefix expiresAt lastUsedAt revokedAt } }
}"#;
const LIST: &str = "{ apiTokens { id name scope prefix lastUsedAt revokedAt } }";
const ME: &str = "{ me { id role } }";
const NEW_CATEGORY: &str = r#"mutation($slug: String!) { createCategory(input: { slug: $slug, name: "Made by a token" }) { slug } }"#;

async fn create(app: &TestApp, token: &str, input: Value) -> Value {
    let body = app
        .gql(Some(token), CREATE, json!({ "input": input }))
        .await;
    assert!(body["errors"].is_null(), "{body}");
    body["data"]["createApiToken"].clone()
}

#[tokio::test]
async fn tokens_authenticate_and_read_tokens_cannot_mutate() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    let user = app.sign_up("plain").await;

    let read = create(
        &app,
        &admin.token,
        json!({ "name": "Dashboards", "scope": "READ" }),
    )
    .await;
    let secret = read["token"].as_str().expect("token");
    assert!(secret.starts_with("dq_") && secret.len() > 40, "{secret}");
    assert!(secret.starts_with(read["apiToken"]["prefix"].as_str().expect("prefix")));
    assert_eq!(read["apiToken"]["expiresAt"], Value::Null);
    assert_eq!(
        app.count_rows(&format!("api_tokens WHERE token_hash = sha256('{secret}')"))
            .await,
        1
    );
    assert_eq!(
        app.count_rows(&format!("api_tokens WHERE prefix = '{secret}'"))
            .await,
        0,
        "only a hash is kept"
    );

    let me = app.gql(Some(secret), ME, json!({})).await;
    assert_eq!(me["data"]["me"]["id"], json!(admin.id), "{me}");
    let refused = app
        .gql(Some(secret), NEW_CATEGORY, json!({ "slug": "by-read" }))
        .await;
    assert_eq!(error_code(&refused), "FORBIDDEN", "{refused}");
    assert!(
        refused["errors"][0]["message"]
            .as_str()
            .unwrap_or_default()
            .contains("read-only")
    );
    assert_eq!(app.count_rows("categories WHERE slug = 'by-read'").await, 0);
    let minted = app
        .gql(
            Some(secret),
            CREATE,
            json!({ "input": { "name": "x", "scope": "WRITE" } }),
        )
        .await;
    assert_eq!(
        error_code(&minted),
        "FORBIDDEN",
        "a token cannot mint tokens: {minted}"
    );

    let write = create(
        &app,
        &admin.token,
        json!({ "name": "Jira sync", "scope": "WRITE",
        "expiresAt": "2099-01-01T00:00:00Z" }),
    )
    .await;
    let writer = write["token"].as_str().expect("token");
    let made = app
        .gql(Some(writer), NEW_CATEGORY, json!({ "slug": "by-write" }))
        .await;
    assert_eq!(made["data"]["createCategory"]["slug"], "by-write", "{made}");
    // The same text again, now parsed once already: still no mutation for a READ token.
    let refused_again = app
        .gql(Some(secret), NEW_CATEGORY, json!({ "slug": "by-read" }))
        .await;
    assert_eq!(error_code(&refused_again), "FORBIDDEN", "{refused_again}");
    assert_eq!(app.count_rows("categories WHERE slug = 'by-read'").await, 0);
    assert_eq!(write["apiToken"]["expiresAt"], "2099-01-01T00:00:00+00:00");

    let listed = app.gql(Some(&admin.token), LIST, json!({})).await;
    let tokens = listed["data"]["apiTokens"].as_array().expect("tokens");
    assert_eq!(tokens.len(), 2, "{listed}");
    assert!(
        tokens.iter().all(|t| t["lastUsedAt"].is_string()),
        "both were used: {listed}"
    );
    assert!(
        !listed.to_string().contains(secret),
        "the secret is never listed again"
    );

    for (who, input, code) in [
        (
            &user.token,
            json!({ "name": "mine", "scope": "READ" }),
            "FORBIDDEN",
        ),
        (
            &admin.token,
            json!({ "name": "", "scope": "READ" }),
            "BAD_USER_INPUT",
        ),
        (
            &admin.token,
            json!({ "name": "old", "scope": "READ", "expiresAt": "2001-01-01T00:00:00Z" }),
            "BAD_USER_INPUT",
        ),
    ] {
        let body = app.gql(Some(who), CREATE, json!({ "input": input })).await;
        assert_eq!(error_code(&body), code, "{body}");
    }
    let bogus = app.gql(Some("dq_not-a-real-token"), ME, json!({})).await;
    assert_eq!(error_code(&bogus), "UNAUTHENTICATED", "{bogus}");
}

#[tokio::test]
async fn a_revoked_token_stops_on_every_instance_and_only_owners_or_admins_revoke() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    let moderator = app.user_with_role("mod", Role::Moderator, &[]).await;
    let other_mod = app.user_with_role("other", Role::Moderator, &[]).await;
    let created = create(
        &app,
        &moderator.token,
        json!({ "name": "Script", "scope": "WRITE" }),
    )
    .await;
    let secret = created["token"].as_str().expect("token");
    let id = &created["apiToken"]["id"];

    let other = app.second_instance().await;
    let warm = other.gql(Some(secret), ME, json!({})).await;
    assert_eq!(warm["data"]["me"]["id"], json!(moderator.id), "{warm}");

    let revoke = "mutation($id: ID!) { revokeApiToken(id: $id) { revokedAt } }";
    let foreign = app
        .gql(Some(&other_mod.token), revoke, json!({ "id": id }))
        .await;
    assert_eq!(error_code(&foreign), "NOT_FOUND", "{foreign}");
    let listed = app
        .gql(
            Some(&other_mod.token),
            "query($u: ID) { apiTokens(userId: $u) { id } }",
            json!({ "u": moderator.id }),
        )
        .await;
    assert_eq!(error_code(&listed), "FORBIDDEN", "{listed}");
    let by_admin = app
        .gql(
            Some(&admin.token),
            "query($u: ID) { apiTokens(userId: $u) { id } }",
            json!({ "u": moderator.id }),
        )
        .await;
    assert_eq!(by_admin["data"]["apiTokens"][0]["id"], *id, "{by_admin}");

    let revoked = app
        .gql(Some(&admin.token), revoke, json!({ "id": id }))
        .await;
    assert!(
        revoked["data"]["revokeApiToken"]["revokedAt"].is_string(),
        "{revoked}"
    );
    let here = app.gql(Some(secret), ME, json!({})).await;
    assert_eq!(error_code(&here), "UNAUTHENTICATED", "{here}");
    // The other instance hears of it through NOTIFY, within milliseconds.
    eventually("the other instance refuses the revoked token", || async {
        error_code(&other.gql(Some(secret), ME, json!({})).await) == "UNAUTHENTICATED"
    })
    .await;
}
