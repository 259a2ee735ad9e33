//! CORS: the configured origins may call the API with credentials; others get no CORS
//! headers; a wildcard is refused at start.

use reqwest::Method;
use reqwest::header::{
    ACCESS_CONTROL_ALLOW_CREDENTIALS, ACCESS_CONTROL_ALLOW_HEADERS, ACCESS_CONTROL_ALLOW_ORIGIN,
    ACCESS_CONTROL_MAX_AGE, ORIGIN,
};

use crate::common::{TestApp, TestDatabase, test_config};

const ALLOWED: &str = "http://localhost:8080";
const FOREIGN: &str = "https://evil.example";

async fn preflight(app: &TestApp, origin: &str) -> reqwest::Response {
    app.http
        .request(Method::OPTIONS, app.url("/graphql"))
        .header(ORIGIN, origin)
        .header("access-control-request-method", "POST")
        .header(
            "access-control-request-headers",
            "content-type,authorization",
        )
        .send()
        .await
        .expect("preflight")
}

fn header<'a>(
    response: &'a reqwest::Response,
    name: &reqwest::header::HeaderName,
) -> Option<&'a str> {
    response.headers().get(name).and_then(|v| v.to_str().ok())
}

#[tokio::test]
async fn listed_origins_get_credentialed_cors_and_others_get_nothing() {
    let app = TestApp::spawn().await;
    let allowed = preflight(&app, ALLOWED).await;
    assert!(allowed.status().is_success(), "{}", allowed.status());
    assert_eq!(
        header(&allowed, &ACCESS_CONTROL_ALLOW_ORIGIN),
        Some(ALLOWED)
    );
    assert_eq!(
        header(&allowed, &ACCESS_CONTROL_ALLOW_CREDENTIALS),
        Some("true")
    );
    assert_eq!(header(&allowed, &ACCESS_CONTROL_MAX_AGE), Some("600"));
    let headers = header(&allowed, &ACCESS_CONTROL_ALLOW_HEADERS).unwrap_or_default();
    for needed in ["content-type", "authorization", "x-deskql-csrf"] {
        assert!(headers.contains(needed), "{needed} in {headers}");
    }

    let foreign = preflight(&app, FOREIGN).await;
    assert_eq!(header(&foreign, &ACCESS_CONTROL_ALLOW_ORIGIN), None);
    assert_eq!(header(&foreign, &ACCESS_CONTROL_ALLOW_CREDENTIALS), None);

    let query = serde_json::json!({ "query": "{ __typename }" });
    let call = |origin: &'static str| {
        app.http
            .post(app.url("/graphql"))
            .header(ORIGIN, origin)
            .json(&query)
            .send()
    };
    let answered = call(ALLOWED).await.expect("post");
    assert_eq!(
        header(&answered, &ACCESS_CONTROL_ALLOW_ORIGIN),
        Some(ALLOWED)
    );
    assert!(header(&answered, &reqwest::header::VARY).is_some_and(|v| v.contains("origin")));
    let refused = call(FOREIGN).await.expect("post");
    assert_eq!(header(&refused, &ACCESS_CONTROL_ALLOW_ORIGIN), None);
}

#[tokio::test]
async fn a_wildcard_or_a_path_is_refused_at_start() {
    let db = TestDatabase::create().await;
    for origins in [
        vec!["*".to_owned()],
        vec!["https://app.example/login".to_owned()],
    ] {
        let mut config = test_config();
        config.allowed_origins = origins.clone();
        let database = deskql::config::DatabaseConfig::with_url(db.url.clone(), 2);
        let started = deskql::app::AppState::start(&database, config).await;
        let err = started
            .err()
            .unwrap_or_else(|| panic!("{origins:?} was accepted"));
        assert!(err.to_string().contains("DESKQL_ALLOWED_ORIGINS"), "{err}");
    }
}
