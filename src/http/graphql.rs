//! GraphQL over HTTP: JSON POST for everything, GET for queries only, no batching.

use std::net::SocketAddr;

use async_graphql::http::MultipartOptions;
use async_graphql::parser::types::{DocumentOperations, OperationType};
use async_graphql::{
    ErrorExtensionValues, Extensions, ParseRequestError, Request, Response, Value, Variables,
};
use async_graphql_axum::GraphQLResponse;
use axum::body::Body;
use axum::extract::{ConnectInfo, RawQuery, State};
use axum::http::header::{ACCEPT, ALLOW, CONTENT_TYPE, ORIGIN};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::IntoResponse;
use futures::TryStreamExt;
use tokio_util::compat::TokioAsyncReadCompatExt;
use tokio_util::io::StreamReader;

use crate::config::IntrospectionMode;
use crate::graphql::armor::check_nesting;
use crate::graphql::error::{INTERNAL_MESSAGE, code, coded_error, effective_code};
use crate::graphql::loaders::request_loaders;
use crate::http::auth::{
    ViewerError, client_ip, has_bearer, has_cookie, origin_allowed, request_viewer,
};
use crate::http::{HttpState, REQUEST_ID_HEADER, graphiql};
use crate::services::RequestContext;

pub const MAX_QUERY_CHARS: usize = 10_000;

/// A request refused before the schema ran it; counted, as it never reaches the operation
/// metrics.
fn error_response(status: StatusCode, error_code: &str, message: &str) -> axum::response::Response {
    crate::metrics::refused(error_code.to_owned());
    let body = serde_json::json!({
        "errors": [{ "message": message, "extensions": { "code": error_code } }]
    });
    (
        status,
        [(CONTENT_TYPE, "application/json")],
        body.to_string(),
    )
        .into_response()
}

fn is_json(headers: &HeaderMap) -> bool {
    headers
        .get(CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split(';').next())
        .is_some_and(|mime| mime.trim().eq_ignore_ascii_case("application/json"))
}

/// What a response is sent as (GraphQL over HTTP): `application/graphql-response+json` when
/// the client accepts it, with 400 for requests that could not run; otherwise the legacy
/// `application/json`, with 200 for every GraphQL result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Media {
    GraphqlResponse,
    Json,
}

const GRAPHQL_RESPONSE_JSON: &str = "application/graphql-response+json";

impl Media {
    fn accepted_by(headers: &HeaderMap) -> Self {
        let accepts_graphql_response = headers
            .get_all(ACCEPT)
            .iter()
            .filter_map(|value| value.to_str().ok())
            .flat_map(|value| value.split(','))
            .filter_map(|range| range.split(';').next())
            .any(|mime| mime.trim().eq_ignore_ascii_case(GRAPHQL_RESPONSE_JSON));
        if accepts_graphql_response {
            Self::GraphqlResponse
        } else {
            Self::Json
        }
    }

    fn content_type(self) -> HeaderValue {
        match self {
            Self::GraphqlResponse => HeaderValue::from_static(GRAPHQL_RESPONSE_JSON),
            Self::Json => HeaderValue::from_static("application/json"),
        }
    }

    /// Sends a JSON response as this media type (other bodies, like GraphiQL's page, stay).
    fn apply(self, mut response: axum::response::Response) -> axum::response::Response {
        let is_json = response
            .headers()
            .get(CONTENT_TYPE)
            .and_then(|value| value.to_str().ok())
            .is_some_and(|value| value.contains("json"));
        if is_json {
            response
                .headers_mut()
                .insert(CONTENT_TYPE, self.content_type());
        }
        response
    }
}

pub async fn post_handler(
    State(state): State<HttpState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    body: Body,
) -> axum::response::Response {
    let media = Media::accepted_by(&headers);
    media.apply(post(state, peer, headers, body, media).await)
}

async fn post(
    state: HttpState,
    peer: SocketAddr,
    headers: HeaderMap,
    body: Body,
    media: Media,
) -> axum::response::Response {
    if is_multipart(&headers) {
        // Checked before the body is read: a refused upload costs no spooling.
        if let Some(refusal) = csrf_refusal(&state.app.config, &headers, None) {
            return refusal;
        }
        return match multipart_request(&state, &headers, body).await {
            Ok(request) => execute(state, peer, headers, request, media).await,
            Err(response) => response,
        };
    }
    if !is_json(&headers) {
        return error_response(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            code::BAD_USER_INPUT,
            "POST bodies must be application/json (or multipart/form-data to upload files)",
        );
    }
    let Ok(body) = axum::body::to_bytes(body, state.app.config.max_body_bytes).await else {
        return error_response(
            StatusCode::PAYLOAD_TOO_LARGE,
            code::PAYLOAD_TOO_LARGE,
            &format!(
                "JSON request bodies are limited to {} bytes",
                state.app.config.max_body_bytes
            ),
        );
    };
    if body.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'[') {
        return error_response(
            StatusCode::BAD_REQUEST,
            code::BAD_USER_INPUT,
            "batched requests are not supported",
        );
    }
    let request = match serde_json::from_slice::<RequestBody>(&body) {
        Ok(body) => match body.into_request() {
            Some(request) => request,
            None => {
                return error_response(
                    StatusCode::BAD_REQUEST,
                    code::BAD_USER_INPUT,
                    "a GraphQL request body needs a `query` string",
                );
            }
        },
        Err(err) => {
            return error_response(
                StatusCode::BAD_REQUEST,
                code::BAD_USER_INPUT,
                &format!("invalid GraphQL request body: {err}"),
            );
        }
    };
    if let Some(refusal) = csrf_refusal(&state.app.config, &headers, Some(&request)) {
        return refusal;
    }
    execute(state, peer, headers, request, media).await
}

/// A JSON request body: async-graphql's `Request` fields, read in one pass, but with the query
/// optional, as `Request` would read a missing query as an empty one.
#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct RequestBody {
    query: Option<String>,
    operation_name: Option<String>,
    #[serde(default)]
    variables: Variables,
    #[serde(default)]
    extensions: Extensions,
}

impl RequestBody {
    /// The GraphQL request; `None` without a query.
    fn into_request(self) -> Option<Request> {
        let mut request = Request::new(self.query?).variables(self.variables);
        request.operation_name = self.operation_name;
        request.extensions = self.extensions;
        Some(request)
    }
}

/// Headers a page can only send after a CORS preflight, which foreign origins fail.
pub(crate) const CSRF_HEADERS: [&str; 2] = ["x-deskql-csrf", "apollo-require-preflight"];

/// Cross-site request forgery: a POST that does not carry a bearer token may come from a
/// browser on someone else's page. It is refused when its Origin is foreign, and when it has
/// no Origin and no preflighted header but is a multipart form (which any page can submit) or
/// a cookie-authenticated mutation. `request` is `None` for multipart (checked before parsing).
fn csrf_refusal(
    config: &crate::config::ServerConfig,
    headers: &HeaderMap,
    request: Option<&Request>,
) -> Option<axum::response::Response> {
    if has_bearer(headers) {
        return None;
    }
    let refuse = |message: &str| {
        Some(error_response(
            StatusCode::FORBIDDEN,
            code::FORBIDDEN,
            message,
        ))
    };
    if headers.contains_key(ORIGIN) {
        return if origin_allowed(config, headers) {
            None
        } else {
            refuse("requests from this origin are not accepted")
        };
    }
    if CSRF_HEADERS.iter().any(|name| headers.contains_key(*name)) {
        return None;
    }
    match request {
        None => refuse("multipart requests need an Origin or an x-deskql-csrf header"),
        Some(request) if has_cookie(headers) && is_mutation(request) => {
            refuse("cookie-authenticated mutations need an Origin or an x-deskql-csrf header")
        }
        Some(_) => None,
    }
}

fn is_multipart(headers: &HeaderMap) -> bool {
    content_type(headers).is_some_and(|ct| {
        ct.split(';')
            .next()
            .is_some_and(|mime| mime.trim().eq_ignore_ascii_case("multipart/form-data"))
    })
}

fn content_type(headers: &HeaderMap) -> Option<&str> {
    headers
        .get(CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
}

/// A request in the GraphQL multipart request format, its files streamed to temporary files
/// under the per-file and per-request limits (the whole body is capped by the router).
async fn multipart_request(
    state: &HttpState,
    headers: &HeaderMap,
    body: Body,
) -> Result<Request, axum::response::Response> {
    let limits = &state.app.config.conversation;
    let options = MultipartOptions::default()
        .max_file_size(limits.max_upload_bytes)
        .max_num_files(limits.max_upload_files);
    let reader = StreamReader::new(body.into_data_stream().map_err(std::io::Error::other));
    let batch =
        async_graphql::http::receive_batch_body(content_type(headers), reader.compat(), options)
            .await
            .map_err(|err| match err {
                ParseRequestError::PayloadTooLarge => error_response(
                    StatusCode::PAYLOAD_TOO_LARGE,
                    code::PAYLOAD_TOO_LARGE,
                    &format!(
                        "uploads are limited to {} files of {} MiB each",
                        limits.max_upload_files,
                        limits.max_upload_bytes / (1024 * 1024)
                    ),
                ),
                ParseRequestError::Io(io) if is_length_limit(&io) => error_response(
                    StatusCode::PAYLOAD_TOO_LARGE,
                    code::PAYLOAD_TOO_LARGE,
                    &format!(
                        "upload requests are limited to {} MiB",
                        limits.max_upload_request_bytes / (1024 * 1024)
                    ),
                ),
                other => error_response(
                    StatusCode::BAD_REQUEST,
                    code::BAD_USER_INPUT,
                    &format!("invalid multipart request: {other}"),
                ),
            })?;
    batch.into_single().map_err(|_| {
        error_response(
            StatusCode::BAD_REQUEST,
            code::BAD_USER_INPUT,
            "batched requests are not supported",
        )
    })
}

/// The router's body cap surfaces as an I/O error inside the multipart parser.
fn is_length_limit(err: &std::io::Error) -> bool {
    let mut source: Option<&(dyn std::error::Error + 'static)> = err.get_ref().map(|e| e as _);
    while let Some(current) = source {
        if current.is::<http_body_util::LengthLimitError>() {
            return true;
        }
        source = current.source();
    }
    false
}

pub async fn get_handler(
    State(state): State<HttpState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> axum::response::Response {
    let media = Media::accepted_by(&headers);
    media.apply(get(state, peer, headers, query, media).await)
}

async fn get(
    state: HttpState,
    peer: SocketAddr,
    headers: HeaderMap,
    query: Option<String>,
    media: Media,
) -> axum::response::Response {
    let Some(query) = query.filter(|q| q.contains("query=")) else {
        if state.app.config.graphiql {
            return graphiql::page();
        }
        return error_response(
            StatusCode::BAD_REQUEST,
            code::BAD_USER_INPUT,
            "missing query",
        );
    };
    let request = match async_graphql::http::parse_query_string(&query) {
        Ok(request) => request,
        Err(err) => {
            return error_response(
                StatusCode::BAD_REQUEST,
                code::BAD_USER_INPUT,
                &err.to_string(),
            );
        }
    };
    if is_mutation(&request) {
        let mut response = error_response(
            StatusCode::METHOD_NOT_ALLOWED,
            code::BAD_USER_INPUT,
            "mutations must be sent with POST",
        );
        response
            .headers_mut()
            .insert(ALLOW, HeaderValue::from_static("POST"));
        return response;
    }
    execute(state, peer, headers, request, media).await
}

/// Whether the operation to run is a mutation. Unparseable text is not one (execution then
/// reports the error); text nested too deep to parse safely is treated as one.
fn is_mutation(request: &Request) -> bool {
    if check_nesting(&request.query).is_err() {
        return true;
    }
    let Ok(document) = async_graphql::parser::parse_query(&request.query) else {
        return false;
    };
    let operation = match (&document.operations, &request.operation_name) {
        (DocumentOperations::Single(op), _) => Some(op),
        (DocumentOperations::Multiple(ops), Some(name)) => ops.get(name.as_str()),
        (DocumentOperations::Multiple(ops), None) => ops.values().next(),
    };
    operation.is_some_and(|op| op.node.ty == OperationType::Mutation)
}

async fn execute(
    state: HttpState,
    peer: SocketAddr,
    headers: HeaderMap,
    request: Request,
    media: Media,
) -> axum::response::Response {
    if request.query.chars().count() > MAX_QUERY_CHARS {
        return error_response(
            StatusCode::BAD_REQUEST,
            code::GRAPHQL_VALIDATION_FAILED,
            &format!("query text is limited to {MAX_QUERY_CHARS} characters"),
        );
    }
    let app = &state.app;
    let request_id = headers
        .get(REQUEST_ID_HEADER)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let viewer = match request_viewer(app, &headers).await {
        Ok(viewer) => viewer,
        Err(ViewerError::ForeignOrigin) => {
            return error_response(
                StatusCode::FORBIDDEN,
                code::FORBIDDEN,
                "cookie-authenticated requests are not accepted from this origin",
            );
        }
        Err(ViewerError::Internal(err)) => {
            tracing::error!(error = ?err, request_id, "cannot resolve the caller's session");
            return coded_error_response(
                code::INTERNAL_SERVER_ERROR,
                INTERNAL_MESSAGE,
                &request_id,
            );
        }
    };
    let introspection_allowed = match app.config.introspection {
        IntrospectionMode::On => true,
        IntrospectionMode::Staff => viewer.is_staff(),
        IntrospectionMode::Off => false,
    };
    let context = RequestContext {
        state: app.clone(),
        viewer,
        client_ip: Some(client_ip(&app.config, &headers, peer)),
        request_id: Some(request_id.clone()).filter(|id| !id.is_empty()),
    };
    let request = request.data(request_loaders(app));
    let endpoint = state.schemas.pick(introspection_allowed);
    // The last line of defence: whatever an operation waits on, the caller gets an answer.
    let Ok(mut response) = tokio::time::timeout(
        app.config.operation_timeout(),
        endpoint.execute(request, context),
    )
    .await
    else {
        tracing::warn!(request_id, "operation timed out");
        return coded_error_response(
            code::TIMEOUT,
            "the operation took too long and was stopped",
            &request_id,
        );
    };
    finish_errors(&mut response, &request_id);
    if media == Media::GraphqlResponse && is_request_error(&response) {
        // The document did not run (it failed to parse or validate, or its variables did not
        // fit): 400, and no `data` entry, as GraphQL over HTTP asks.
        let body = serde_json::json!({ "errors": response.errors });
        return (
            StatusCode::BAD_REQUEST,
            [(CONTENT_TYPE, GRAPHQL_RESPONSE_JSON)],
            body.to_string(),
        )
            .into_response();
    }
    GraphQLResponse::from(response).into_response()
}

/// Errors before execution have no path and leave no data; an execution that failed at a
/// field always has the field's path.
fn is_request_error(response: &Response) -> bool {
    response.data == Value::Null
        && !response.errors.is_empty()
        && response.errors.iter().all(|error| error.path.is_empty())
}

/// A GraphQL error response with a code, carrying the request id to quote in a report.
fn coded_error_response(
    error_code: &str,
    message: &str,
    request_id: &str,
) -> axum::response::Response {
    let mut error = coded_error(error_code, message);
    error
        .extensions
        .get_or_insert_with(ErrorExtensionValues::default)
        .set("requestId", request_id);
    GraphQLResponse::from(Response::from_errors(vec![error])).into_response()
}

/// Every error leaves with a code; internal ones carry the request id to quote in a report.
fn finish_errors(response: &mut Response, request_id: &str) {
    for error in &mut response.errors {
        let error_code = effective_code(error).to_owned();
        let extensions = error
            .extensions
            .get_or_insert_with(ErrorExtensionValues::default);
        if error_code == code::INTERNAL_SERVER_ERROR || error_code == code::SERVICE_UNAVAILABLE {
            extensions.set("requestId", request_id);
        }
        extensions.set("code", error_code);
    }
}
