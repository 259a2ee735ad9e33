//! Limits that hold under parallel requests and cannot be dodged with forged headers, and
//! the CSRF guard on requests a foreign page could send.

use futures::future::join_all;
use serde_json::{Value, json};

use crate::common::upload::{PNG, file, upload};
use crate::common::{LOG_IN, PASSWORD, SIGN_UP, TestApp, error_code, test_config};

fn codes(bodies: &[Value]) -> (usize, usize) {
    let limited = bodies
        .iter()
        .filter(|b| error_code(b) == "RATE_LIMITED")
        .count();
    let checked = bodies
        .iter()
        .filter(|b| error_code(b) == "UNAUTHENTICATED")
        .count();
    (checked, limited)
}

#[tokio::test]
async fn thirty_parallel_wrong_passwords_check_the_hash_only_five_times() {
    let app = TestApp::spawn().await;
    app.sign_up("target").await;
    let attempts = (0..30).map(|_| {
        app.gql(
            None,
            LOG_IN,
            json!({ "input": { "email": "target@example.com", "password": "wrong guess" } }),
        )
    });
    let bodies = join_all(attempts).await;
    let (checked, limited) = codes(&bodies);
    assert_eq!(checked, 5, "exactly the budget is checked against the hash");
    assert_eq!(limited, 25);
    // Locked from the last failure: the right password is refused too, for now.
    let right = app
        .gql(
            None,
            LOG_IN,
            json!({ "input": { "email": "target@example.com", "password": PASSWORD } }),
        )
        .await;
    assert_eq!(error_code(&right), "RATE_LIMITED", "{right}");
    assert!(right["errors"][0]["extensions"]["retryAfter"].as_i64() > Some(800));
}

#[tokio::test]
async fn sign_up_is_limited_per_ip() {
    let mut config = test_config();
    config.signup_limit_per_ip = 3;
    let app = TestApp::spawn_with(config).await;
    let sign_ups = (0..6).map(|n| {
        app.gql(
            None,
            SIGN_UP,
            json!({ "input": { "email": format!("s{n}@example.com"), "password": PASSWORD, "name": "S" } }),
        )
    });
    let bodies = join_all(sign_ups).await;
    let created = bodies
        .iter()
        .filter(|b| b["data"]["signUp"].is_object())
        .count();
    let limited = bodies
        .iter()
        .filter(|b| error_code(b) == "RATE_LIMITED")
        .count();
    assert_eq!((created, limited), (3, 3), "{bodies:?}");
    assert_eq!(app.count_rows("users").await, 3);
}

#[tokio::test]
async fn signed_in_users_are_limited_on_costly_operations() {
    let mut config = test_config();
    config.create_ticket_limit_per_user = 2;
    config.search_limit_per_user = 2;
    config.draft_limit_per_user = 1;
    let app = TestApp::spawn_with(config).await;
    let user = app.sign_up("busy").await;
    let create = "mutation { createTicket(input: { title: \"Printer jam\", description: \"The printer jams on every page.\" }) { id } }";
    let creates = join_all((0..4).map(|_| app.gql(Some(&user.token), create, json!({})))).await;
    assert_eq!(codes(&creates).1, 2, "{creates:?}");
    assert_eq!(app.count_rows("tickets").await, 2);

    let search = "{ searchTickets(query: \"printer\") { totalCount } }";
    let searches = join_all((0..3).map(|_| app.gql(Some(&user.token), search, json!({})))).await;
    assert_eq!(codes(&searches).1, 1, "{searches:?}");

    let draft = "{ draftTicketFromConversation(messages: [{ role: USER, content: \"My invoice is wrong, please fix it.\" }]) { title } }";
    let drafts = join_all((0..2).map(|_| app.gql(Some(&user.token), draft, json!({})))).await;
    assert_eq!(codes(&drafts).1, 1, "{drafts:?}");
}

#[tokio::test]
async fn forged_forwarded_for_entries_do_not_reset_per_ip_limits() {
    let mut config = test_config();
    config.trust_forwarded_for = true;
    config.guest_limit_per_ip = 2;
    config.guest_limit_per_email = 100;
    let app = TestApp::spawn_with(config).await;
    let mut outcomes = Vec::new();
    for n in 0..4 {
        // The client invents a new leftmost address each time; the proxy (loopback, trusted)
        // appends the real one on the right.
        let body: Value = app
            .http
            .post(app.url("/graphql"))
            .header("x-forwarded-for", format!("198.51.100.{n}, 203.0.113.7"))
            .json(&json!({ "query": "mutation($e: String!) { submitGuestTicket(input: { title: \"Locked out\", description: \"I cannot log in to my account.\", customerEmail: $e }) { number } }",
                           "variables": { "e": format!("g{n}@example.org") } }))
            .send()
            .await
            .expect("send")
            .json()
            .await
            .expect("json");
        outcomes.push(error_code(&body).to_owned());
    }
    assert_eq!(
        outcomes.iter().filter(|c| *c == "RATE_LIMITED").count(),
        2,
        "{outcomes:?}"
    );
}

fn cara_login() -> Value {
    json!({ "query": LOG_IN, "variables": { "input": { "email": "cara@example.com", "password": PASSWORD } } })
}

enum Body {
    Form,
    Json(Value),
}

/// POSTs to `/graphql` with the given headers: a multipart login form (what any page can
/// submit cross-site) or a JSON body.
async fn post(app: &TestApp, headers: &[(&str, &str)], body: Body) -> reqwest::Response {
    let mut request = app.http.post(app.url("/graphql"));
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let request = match body {
        Body::Form => request.multipart(
            reqwest::multipart::Form::new()
                .text("operations", cara_login().to_string())
                .text("map", "{}"),
        ),
        Body::Json(json) => request.json(&json),
    };
    request.send().await.expect("send")
}

#[tokio::test]
async fn multipart_and_cookie_mutations_need_an_origin_or_the_csrf_header() {
    let app = TestApp::spawn().await;
    app.sign_up("cara").await;
    let evil = ("origin", "https://evil.example");
    // A cross-site form post: no Origin (stripped), no preflighted header.
    let bare = post(&app, &[], Body::Form).await;
    assert_eq!(bare.status(), 403);
    assert!(bare.headers().get("set-cookie").is_none());
    assert_eq!(post(&app, &[evil], Body::Form).await.status(), 403);
    // Login CSRF by JSON from a foreign page is refused too.
    assert_eq!(
        post(&app, &[evil], Body::Json(cara_login())).await.status(),
        403
    );

    let allowed = post(&app, &[("origin", "http://localhost:8080")], Body::Form).await;
    assert_eq!(allowed.status(), 200);
    let cookie = allowed
        .headers()
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .expect("cookie")
        .to_owned();

    // Riding the cookie: a mutation without Origin or header is refused, with it accepted.
    let log_out = json!({ "query": "mutation { logOut }" });
    let forged = post(&app, &[("cookie", &cookie)], Body::Json(log_out.clone())).await;
    assert_eq!(forged.status(), 403);
    let own: Value = post(
        &app,
        &[("cookie", &cookie), ("x-deskql-csrf", "1")],
        Body::Json(log_out),
    )
    .await
    .json()
    .await
    .expect("json");
    assert!(own["errors"].is_null(), "{own}");
}

#[tokio::test]
async fn guests_over_their_limit_are_refused_before_uploads_are_stored() {
    let mut config = test_config();
    config.guest_limit_per_email = 1;
    let app = TestApp::spawn_with(config).await;
    let query =
        "mutation($input: GuestTicketInput!) { submitGuestTicket(input: $input) { number } }";
    let input = || json!({ "input": { "title": "Screen flickers", "description": "The screen flickers after login.", "customerEmail": "flick@example.org", "screenshot": null } });
    let (status, first) = upload(
        &app,
        None,
        query,
        input(),
        vec![file("variables.input.screenshot", "a.png", PNG)],
    )
    .await;
    assert_eq!(status, 200, "{first}");
    assert!(first["errors"].is_null(), "{first}");
    // Over the limit, the files are not even read: an executable (which the type check
    // would refuse as BAD_USER_INPUT) is answered RATE_LIMITED.
    let elf = b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00";
    let (_, second) = upload(
        &app,
        None,
        query,
        input(),
        vec![file("variables.input.screenshot", "b.png", elf)],
    )
    .await;
    assert_eq!(error_code(&second), "RATE_LIMITED", "{second}");
    assert_eq!(app.count_rows("attachments").await, 1);
    let stored = std::fs::read_dir(
        app.state
            .config
            .conversation
            .attachments_dir
            .join("tickets"),
    )
    .map(|dir| dir.count())
    .unwrap_or_default();
    assert_eq!(
        stored, 1,
        "one ticket directory: the refused upload stored nothing"
    );
}

/// An address's login budget counts failures: colleagues behind one address (an office's NAT)
/// log in many times a morning, and each success gives its attempt back. Wrong guesses from
/// the address still spend it.
#[tokio::test]
async fn successful_logins_do_not_spend_an_address_budget() {
    let mut config = test_config();
    config.login_failures_per_ip = 3;
    let app = TestApp::spawn_with(config).await;
    let colleagues = ["ana", "ben", "cy", "dee", "eve"];
    for name in colleagues {
        app.sign_up(name).await;
    }
    let log_in = |name: &str, password: &str| {
        app.gql(
            None,
            LOG_IN,
            json!({ "input": { "email": format!("{name}@example.com"), "password": password } }),
        )
    };
    for _ in 0..2 {
        for name in colleagues {
            let body = log_in(name, PASSWORD).await;
            assert!(body["data"]["logIn"]["token"].is_string(), "{name}: {body}");
        }
    }
    for _ in 0..3 {
        let body = log_in("ana", "wrong guess").await;
        assert_eq!(error_code(&body), "UNAUTHENTICATED", "{body}");
    }
    let locked = log_in("ben", PASSWORD).await;
    assert_eq!(error_code(&locked), "RATE_LIMITED", "{locked}");
}
