//! `/metrics`: Prometheus text on its own listener, scraped as Prometheus would.

use serde_json::json;

use crate::common::ws::WsClient;
use crate::common::{TestApp, eventually, pipeline_config};

const TICKET_EVENTS: &str =
    r#"subscription($after: ID) { ticketEvents(after: $after) { id kind } }"#;

/// The value of the sample whose name and labels start with `series` (`None`: no sample).
fn sample(page: &str, series: &str) -> Option<f64> {
    page.lines()
        .filter(|line| !line.starts_with('#'))
        .find(|line| line.starts_with(series))
        .and_then(|line| line.rsplit(' ').next())
        .and_then(|value| value.parse().ok())
}

async fn scrape(http: &reqwest::Client, url: &str) -> Option<String> {
    let response = http.get(url).send().await.ok()?;
    if !response.status().is_success() {
        return None;
    }
    response.text().await.ok()
}

#[tokio::test]
async fn operations_errors_pool_jobs_and_live_connections_are_exposed() {
    let metrics_port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .expect("free port")
        .port();
    let mut config = pipeline_config();
    config.metrics_listen = Some(([127, 0, 0, 1], metrics_port).into());
    let app = TestApp::spawn_with(config).await;
    let metrics_url = format!("http://127.0.0.1:{metrics_port}/metrics");
    let http = reqwest::Client::new();
    eventually("the metrics endpoint answers", || async {
        scrape(&http, &metrics_url).await.is_some()
    })
    .await;

    let owner = app.sign_up("owner").await;
    for _ in 0..3 {
        let body = app
            .gql(
                Some(&owner.token),
                "query MetricsProbe { me { id } }",
                json!({}),
            )
            .await;
        assert!(body["errors"].is_null(), "{body}");
    }
    let invalid = app
        .gql(
            Some(&owner.token),
            "query Broken { me { noSuchField } }",
            json!({}),
        )
        .await;
    assert_eq!(
        invalid["errors"][0]["extensions"]["code"],
        "GRAPHQL_VALIDATION_FAILED"
    );
    let missing = app
        .gql(
            Some(&owner.token),
            "query Missing($id: ID!) { ticket(id: $id) { id } }",
            json!({ "id": uuid::Uuid::now_v7() }),
        )
        .await;
    let missing_code = missing["errors"][0]["extensions"]["code"]
        .as_str()
        .map(str::to_owned);
    app.create_ticket(&owner, "Printer on fire").await;
    let not_json = http
        .post(app.url("/graphql"))
        .header("content-type", "text/plain")
        .body("{ me { id } }")
        .send()
        .await
        .expect("refused request");
    assert_eq!(not_json.status(), 415);

    let mut ws = WsClient::connect(&app, &owner.token).await;
    ws.subscribe("1", TICKET_EVENTS, json!({ "after": "0" }))
        .await;
    let replayed = ws.next_event().await;
    assert_eq!(
        replayed["data"]["ticketEvents"]["kind"], "CREATED",
        "{replayed}"
    );

    let page = scrape(&http, &metrics_url).await.expect("metrics page");
    assert_eq!(
        sample(
            &page,
            r#"deskql_graphql_operations_total{type="query",name="MetricsProbe"}"#
        ),
        Some(3.0),
        "{page}"
    );
    assert_eq!(
        sample(
            &page,
            r#"deskql_graphql_operation_duration_seconds_count{type="query",name="MetricsProbe"}"#
        ),
        Some(3.0),
        "{page}"
    );
    assert!(
        sample(
            &page,
            r#"deskql_graphql_errors_total{code="GRAPHQL_VALIDATION_FAILED"}"#
        ) >= Some(1.0),
        "{page}"
    );
    assert_eq!(
        sample(&page, r#"deskql_http_refused_total{code="BAD_USER_INPUT"}"#),
        Some(1.0),
        "{page}"
    );
    if let Some(code) = missing_code {
        let series = format!(r#"deskql_graphql_errors_total{{code="{code}"}}"#);
        assert!(sample(&page, &series) >= Some(1.0), "{series}: {page}");
    }
    assert_eq!(
        sample(&page, "deskql_websocket_connections "),
        Some(1.0),
        "{page}"
    );
    assert_eq!(sample(&page, "deskql_subscriptions "), Some(1.0), "{page}");
    assert!(
        sample(&page, r#"deskql_db_pool_connections{state="max"}"#) > Some(0.0),
        "{page}"
    );
    assert!(sample(&page, "deskql_db_pool_waiting ").is_some(), "{page}");

    // The filed ticket's triage job runs and is timed.
    eventually("the triage job's run time is recorded", || async {
        scrape(&http, &metrics_url).await.is_some_and(|page| {
            sample(
                &page,
                r#"deskql_job_duration_seconds_count{task="triage_ticket"}"#,
            ) >= Some(1.0)
        })
    })
    .await;

    // Closing the socket ends its subscription and its connection.
    drop(ws);
    eventually("the closed socket is no longer counted", || async {
        scrape(&http, &metrics_url).await.is_some_and(|page| {
            sample(&page, "deskql_websocket_connections ") == Some(0.0)
                && sample(&page, "deskql_subscriptions ") == Some(0.0)
        })
    })
    .await;

    // The metrics are not on the public API's address.
    let public = http.get(app.url("/metrics")).send().await.expect("request");
    assert_eq!(public.status(), reqwest::StatusCode::NOT_FOUND);
}
