//! CORS for single-page apps on their own origin: the origins of `DESKQL_ALLOWED_ORIGINS` may
//! call the API with credentials (the cookie) and the headers a GraphQL client sends; other
//! origins get no CORS headers at all, so browsers keep them out.

use std::time::Duration;

use axum::http::{HeaderName, HeaderValue, Method, header};
use axum::response::Response;
use tower_http::cors::{AllowOrigin, CorsLayer};

use crate::config::ServerConfig;
use crate::http::REQUEST_ID_HEADER;
use crate::http::graphql::CSRF_HEADERS;

/// How long a browser may reuse a preflight answer.
const PREFLIGHT_MAX_AGE: Duration = Duration::from_secs(600);

pub fn layer(config: &ServerConfig) -> CorsLayer {
    let origins: Vec<HeaderValue> = config
        .allowed_origins
        .iter()
        .filter_map(|origin| HeaderValue::from_str(origin.trim_end_matches('/')).ok())
        .collect();
    let mut allowed_headers = vec![
        header::CONTENT_TYPE,
        header::AUTHORIZATION,
        REQUEST_ID_HEADER,
    ];
    allowed_headers.extend(
        CSRF_HEADERS
            .iter()
            .map(|name| HeaderName::from_static(name)),
    );
    CorsLayer::new()
        .allow_origin(AllowOrigin::list(origins))
        .allow_credentials(true)
        .allow_methods([Method::GET, Method::POST])
        .allow_headers(allowed_headers)
        .expose_headers([
            REQUEST_ID_HEADER,
            header::RETRY_AFTER,
            header::CONTENT_DISPOSITION,
        ])
        .max_age(PREFLIGHT_MAX_AGE)
}

/// tower-http answers every origin with `Access-Control-Allow-Credentials` (and the preflight
/// lists); only a listed origin gets `Access-Control-Allow-Origin`. Other origins get no CORS
/// header at all, so nothing about the API's CORS policy is advertised to them.
pub async fn strip_for_foreign_origins(mut response: Response) -> Response {
    let headers = response.headers_mut();
    if !headers.contains_key(header::ACCESS_CONTROL_ALLOW_ORIGIN) {
        let cors: Vec<HeaderName> = headers
            .keys()
            .filter(|name| name.as_str().starts_with("access-control-"))
            .cloned()
            .collect();
        for name in cors {
            headers.remove(name);
        }
    }
    response
}
