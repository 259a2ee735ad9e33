use deskql::domain::roles::Role;
use serde_json::json;

use crate::common::{LOG_IN, PASSWORD, SIGN_UP, TestApp, error_code};

const ME: &str = "{ me { id email role } }";
const REFRESH: &str =
    "mutation($t: String!) { refreshSession(input: { refreshToken: $t }) { token refreshToken } }";

#[tokio::test]
async fn sign_up_log_in_and_me() {
    let app = TestApp::spawn().await;
    let ann = app.sign_up("ann").await;
    let me = app.gql(Some(&ann.token), ME, json!({})).await;
    assert_eq!(me["data"]["me"]["email"], "ann@example.com");
    assert_eq!(me["data"]["me"]["role"], "USER");

    let again = app.log_in("ANN@example.com").await;
    let me = app.gql(Some(&again.token), ME, json!({})).await;
    assert_eq!(me["data"]["me"]["id"], ann.id.as_str());
}

#[tokio::test]
async fn sign_up_validates_each_field_and_rejects_duplicates() {
    let app = TestApp::spawn().await;
    let cases = [
        (
            json!({ "email": "nope", "password": PASSWORD, "name": "A" }),
            "email",
        ),
        (
            json!({ "email": "a@example.com", "password": "short", "name": "A" }),
            "password",
        ),
        (
            json!({ "email": "a@example.com", "password": PASSWORD, "name": "  " }),
            "name",
        ),
    ];
    for (input, field) in cases {
        let body = app.gql(None, SIGN_UP, json!({ "input": input })).await;
        assert_eq!(error_code(&body), "BAD_USER_INPUT", "{body}");
        assert_eq!(body["errors"][0]["extensions"]["field"], field, "{body}");
    }
    app.sign_up("bob").await;
    let body = app
        .gql(
            None,
            SIGN_UP,
            json!({ "input": { "email": "BOB@example.com", "password": PASSWORD, "name": "Bob" } }),
        )
        .await;
    assert_eq!(error_code(&body), "CONFLICT", "{body}");
    assert_eq!(
        app.count_rows("users WHERE email = 'bob@example.com'")
            .await,
        1
    );
}

#[tokio::test]
async fn unknown_email_and_wrong_password_fail_alike_and_are_throttled() {
    let app = TestApp::spawn().await;
    app.sign_up("carl").await;
    let unknown = app
        .gql(
            None,
            LOG_IN,
            json!({ "input": { "email": "ghost@example.com", "password": PASSWORD } }),
        )
        .await;
    let wrong = app
        .gql(
            None,
            LOG_IN,
            json!({ "input": { "email": "carl@example.com", "password": "wrong password" } }),
        )
        .await;
    assert_eq!(error_code(&unknown), "UNAUTHENTICATED");
    assert_eq!(
        unknown["errors"][0]["message"],
        wrong["errors"][0]["message"]
    );

    // Four more failures reach the per-account limit of five; then even the right password
    // is refused until the window passes.
    for _ in 0..4 {
        let body = app
            .gql(
                None,
                LOG_IN,
                json!({ "input": { "email": "carl@example.com", "password": "wrong password" } }),
            )
            .await;
        assert_eq!(error_code(&body), "UNAUTHENTICATED", "{body}");
    }
    let body = app
        .gql(
            None,
            LOG_IN,
            json!({ "input": { "email": "carl@example.com", "password": PASSWORD } }),
        )
        .await;
    assert_eq!(error_code(&body), "RATE_LIMITED", "{body}");
    assert!(
        body["errors"][0]["extensions"]["retryAfter"]
            .as_i64()
            .unwrap_or(0)
            > 0
    );
}

#[tokio::test]
async fn refresh_rotates_and_reuse_revokes_the_family() {
    let app = TestApp::spawn().await;
    let dana = app.sign_up("dana").await;
    let first = app
        .gql(None, REFRESH, json!({ "t": dana.refresh_token }))
        .await;
    let rotated = first["data"]["refreshSession"]["refreshToken"]
        .as_str()
        .expect("rotated")
        .to_owned();
    let new_access = first["data"]["refreshSession"]["token"]
        .as_str()
        .expect("token")
        .to_owned();
    assert_ne!(rotated, dana.refresh_token);
    assert!(app.gql(Some(&new_access), ME, json!({})).await["data"]["me"].is_object());

    // Replaying the spent token is theft: the whole session dies, the newer tokens included.
    let replay = app
        .gql(None, REFRESH, json!({ "t": dana.refresh_token }))
        .await;
    assert_eq!(error_code(&replay), "UNAUTHENTICATED", "{replay}");
    let after = app.gql(None, REFRESH, json!({ "t": rotated })).await;
    assert_eq!(error_code(&after), "UNAUTHENTICATED", "{after}");
    let me = app.gql(Some(&new_access), ME, json!({})).await;
    assert_eq!(error_code(&me), "UNAUTHENTICATED", "{me}");
}

#[tokio::test]
async fn log_out_ends_access_and_refresh_tokens() {
    let app = TestApp::spawn().await;
    let eve = app.sign_up("eve").await;
    let out = app
        .gql(Some(&eve.token), "mutation { logOut }", json!({}))
        .await;
    assert_eq!(out["data"]["logOut"], true, "{out}");
    assert_eq!(
        error_code(&app.gql(Some(&eve.token), ME, json!({})).await),
        "UNAUTHENTICATED"
    );
    let refresh = app
        .gql(None, REFRESH, json!({ "t": eve.refresh_token }))
        .await;
    assert_eq!(error_code(&refresh), "UNAUTHENTICATED");
}

#[tokio::test]
async fn cookie_login_works_and_is_http_only() {
    let app = TestApp::spawn().await;
    app.sign_up("fay").await;
    let response = app
        .http
        .post(app.url("/graphql"))
        .json(&json!({ "query": LOG_IN, "variables": { "input": { "email": "fay@example.com", "password": PASSWORD } } }))
        .send()
        .await
        .expect("send");
    let cookie = response
        .headers()
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .expect("cookie set")
        .to_owned();
    assert!(cookie.starts_with("deskql_access="), "{cookie}");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    let pair = cookie.split(';').next().expect("pair").to_owned();

    let me = app
        .http
        .post(app.url("/graphql"))
        .header("cookie", &pair)
        .json(&json!({ "query": ME }))
        .send()
        .await
        .expect("send")
        .json::<serde_json::Value>()
        .await
        .expect("json");
    assert_eq!(me["data"]["me"]["email"], "fay@example.com", "{me}");

    // A page on a foreign origin cannot ride the cookie.
    let forged = app
        .http
        .post(app.url("/graphql"))
        .header("cookie", &pair)
        .header("origin", "https://evil.example")
        .json(&json!({ "query": ME }))
        .send()
        .await
        .expect("send");
    assert_eq!(forged.status(), 403);
}

#[tokio::test]
async fn demotion_and_deactivation_take_effect_on_the_next_request() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    let mod_user = app
        .user_with_role("gil", Role::Moderator, &["Postgres ", "postgres", "UI"])
        .await;
    let users = app
        .gql(
            Some(&admin.token),
            "{ users(filter: { role: MODERATOR }) { totalCount nodes { email skills } } }",
            json!({}),
        )
        .await;
    assert_eq!(
        users["data"]["users"]["nodes"][0]["skills"],
        json!(["postgres", "ui"]),
        "{users}"
    );

    let staff_query = "{ users { totalCount } tickets(first: 1) { totalCount } }";
    let staff_only = "mutation($id: ID!) { deleteTicket(id: $id) }";
    let missing = json!({ "id": uuid::Uuid::now_v7().to_string() });
    // Both instances have the moderator's session cached as staff.
    let other = app.second_instance().await;
    for instance in [&app.main, &other] {
        let body = instance
            .gql(Some(&mod_user.token), staff_only, missing.clone())
            .await;
        assert_eq!(error_code(&body), "NOT_FOUND", "{body}");
    }

    let update = "mutation($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { role active } }";
    let body = app
        .gql(
            Some(&admin.token),
            update,
            json!({ "id": mod_user.id, "input": { "role": "USER" } }),
        )
        .await;
    assert_eq!(body["data"]["updateUser"]["role"], "USER", "{body}");
    let next = app
        .gql(Some(&mod_user.token), staff_only, missing.clone())
        .await;
    assert_eq!(error_code(&next), "FORBIDDEN", "{next}");

    // The other instance learns through NOTIFY, within milliseconds; poll with a deadline.
    let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(5);
    loop {
        let body = other
            .gql(Some(&mod_user.token), staff_only, missing.clone())
            .await;
        if error_code(&body) == "FORBIDDEN" {
            break;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "other instance still trusts the old role: {body}"
        );
        tokio::task::yield_now().await;
    }
    let admin_only = app.gql(Some(&mod_user.token), staff_query, json!({})).await;
    assert_eq!(error_code(&admin_only), "FORBIDDEN", "{admin_only}");

    let body = app
        .gql(
            Some(&admin.token),
            update,
            json!({ "id": mod_user.id, "input": { "active": false } }),
        )
        .await;
    assert_eq!(body["data"]["updateUser"]["active"], false, "{body}");
    assert_eq!(
        error_code(&app.gql(Some(&mod_user.token), ME, json!({})).await),
        "UNAUTHENTICATED"
    );
}
