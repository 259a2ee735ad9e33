//! A real browser (Debian's chromium, driven by playwright-core from `tests/browser`) runs a
//! single-page app served from a second loopback origin: cookie sign-in, a query, a
//! graphql-ws subscription and a multipart upload. The same page from an origin deskql does
//! not list fails at the CORS step, and GraphiQL, served from the binary under its CSP, runs a
//! query. `.ci/run` installs chromium and the npm packages.

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use serde_json::Value;
use tokio::net::TcpListener;
use tower_http::services::ServeDir;

use crate::common::upload::PNG;
use crate::common::{PASSWORD, TestApp, test_config};

/// The whole browser run, chromium start-up included.
const BROWSER_DEADLINE: Duration = Duration::from_secs(120);

fn browser_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser")
}

/// Serves the test page and the graphql-ws client on a loopback port; answers its origin.
async fn static_site() -> String {
    let dir = browser_dir();
    let client = dir.join("node_modules/graphql-ws/umd/graphql-ws.min.js");
    let chromium = std::env::var_os("CHROMIUM")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/bin/chromium"));
    assert!(
        client.exists() && chromium.exists(),
        "the browser test needs `npm ci --prefix tests/browser` and chromium (`apt-get install chromium`); .ci/run does both"
    );
    let app = axum::Router::new()
        .route_service(
            "/graphql-ws.min.js",
            tower_http::services::ServeFile::new(client),
        )
        .fallback_service(ServeDir::new(dir.join("site")));
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let origin = format!("http://{}", listener.local_addr().expect("addr"));
    tokio::spawn(async move { axum::serve(listener, app).await });
    origin
}

#[tokio::test]
async fn a_spa_on_an_allowed_origin_works_in_a_real_browser_and_a_foreign_one_is_blocked() {
    let allowed = static_site().await;
    let foreign = static_site().await;
    let mut config = test_config();
    config.allowed_origins = vec![allowed.clone()];
    let app = TestApp::spawn_with(config).await;
    let user = app.sign_up("spa").await;
    let ticket = app
        .create_ticket(&user, "Browser test: the SPA files this")
        .await;

    let run = tokio::process::Command::new("node")
        .arg(browser_dir().join("run.mjs"))
        .current_dir(browser_dir())
        .env("DESKQL_API", app.url(""))
        .env("DESKQL_EMAIL", &user.email)
        .env("DESKQL_PASSWORD", PASSWORD)
        .env("DESKQL_TICKET_ID", ticket["id"].as_str().expect("id"))
        .env("DESKQL_PNG_BASE64", STANDARD.encode(PNG))
        .env("ALLOWED_PAGE", &allowed)
        .env("FOREIGN_PAGE", &foreign)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true)
        .output();
    let output = tokio::time::timeout(BROWSER_DEADLINE, run)
        .await
        .expect("the browser run finished in time")
        .expect("node runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "node failed: {stdout}\n{stderr}");
    let result: Value = serde_json::from_str(stdout.trim())
        .unwrap_or_else(|err| panic!("{err}: {stdout}\n{stderr}"));
    assert!(result["error"].is_null(), "{result:#}");

    let spa = &result["allowed"];
    assert!(spa["error"].is_null(), "{result:#}");
    assert_eq!(spa["login"], user.email.as_str(), "{result:#}");
    assert_eq!(spa["query"], user.email.as_str(), "{result:#}");
    assert_eq!(spa["upload"][0], "spa-shot.png image/png", "{result:#}");
    assert_eq!(
        spa["subscription"],
        serde_json::json!(["CREATED", "MESSAGE_ADDED"]),
        "{result:#}"
    );
    assert_eq!(
        app.count_rows("attachments WHERE file_name = 'spa-shot.png'")
            .await,
        1
    );

    // The foreign page never got past signing in: the browser refused the response.
    let blocked = &result["foreign"];
    assert!(blocked["login"].is_null(), "{result:#}");
    assert!(
        blocked["error"]
            .as_str()
            .is_some_and(|e| e.contains("Failed to fetch")),
        "{result:#}"
    );
    assert!(
        blocked["console"].to_string().contains("CORS policy"),
        "{result:#}"
    );

    let ide = &result["graphiql"];
    assert!(
        ide["result"]
            .as_str()
            .is_some_and(|r| r.contains(&user.email)),
        "{result:#}"
    );
    assert_eq!(ide["problems"], serde_json::json!([]), "{result:#}");
}
