//! `GET /exports/tickets.csv`: the `tickets` filters as query parameters (lists comma
//! separated or repeated), `bom=1` for Excel. Every parameter is checked before the first
//! byte is sent, so a bad one is a 400 with a JSON body, never a half-written file.

use std::str::FromStr;

use async_graphql::ID;
use axum::body::Body;
use axum::extract::{RawQuery, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};

use crate::domain::DomainError;
use crate::domain::sla::SlaState;
use crate::domain::ticket::{TicketPriority, TicketStatus};
use crate::graphql::error::code;
use crate::graphql::types::inputs::TicketFilterInput;
use crate::graphql::types::ticket_connection::to_filter;
use crate::http::auth::{ViewerError, request_viewer};
use crate::http::{HttpState, REQUEST_ID_HEADER};
use crate::services::RequestContext;
use crate::services::export::{self, ExportRequest};

/// A refusal as a JSON error body, coded by the one mapping of domain errors to GraphQL
/// codes (which also logs internal errors), with the HTTP status that code stands for.
fn domain_error(err: DomainError) -> Response {
    let error = async_graphql::Error::from(err);
    let error_code = match error.extensions.as_ref().and_then(|e| e.get("code")) {
        Some(async_graphql::Value::String(error_code)) => error_code.clone(),
        _ => code::INTERNAL_SERVER_ERROR.to_owned(),
    };
    let status = match error_code.as_str() {
        code::UNAUTHENTICATED => StatusCode::UNAUTHORIZED,
        code::FORBIDDEN => StatusCode::FORBIDDEN,
        code::SERVICE_UNAVAILABLE => StatusCode::SERVICE_UNAVAILABLE,
        code::INTERNAL_SERVER_ERROR => StatusCode::INTERNAL_SERVER_ERROR,
        _ => StatusCode::BAD_REQUEST,
    };
    json_response(status, &error.message, serde_json::json!(error.extensions))
}

fn json_response(status: StatusCode, message: &str, extensions: serde_json::Value) -> Response {
    let body = serde_json::json!({ "errors": [{ "message": message, "extensions": extensions }] });
    (
        status,
        [(CONTENT_TYPE, "application/json")],
        body.to_string(),
    )
        .into_response()
}

fn list<T: FromStr>(field: &str, values: &[String]) -> Result<Option<Vec<T>>, DomainError> {
    if values.is_empty() {
        return Ok(None);
    }
    values
        .iter()
        .flat_map(|value| value.split(','))
        .map(|item| {
            item.trim().to_uppercase().parse().map_err(|_| {
                DomainError::invalid(field, format!("{field}: unknown value {item:?}"))
            })
        })
        .collect::<Result<Vec<T>, _>>()
        .map(Some)
}

fn single(field: &str, values: &[String]) -> Result<Option<String>, DomainError> {
    match values {
        [] => Ok(None),
        [value] => Ok(Some(value.clone())),
        _ => Err(DomainError::invalid(
            field,
            format!("{field} may be given once"),
        )),
    }
}

fn time(field: &str, values: &[String]) -> Result<Option<DateTime<Utc>>, DomainError> {
    single(field, values)?
        .map(|value| {
            DateTime::parse_from_rfc3339(&value)
                .map(|time| time.with_timezone(&Utc))
                .map_err(|_| {
                    DomainError::invalid(field, format!("{field} must be an RFC 3339 time"))
                })
        })
        .transpose()
}

fn flag(field: &str, values: &[String]) -> Result<Option<bool>, DomainError> {
    single(field, values)?
        .map(|value| match value.as_str() {
            "1" | "true" => Ok(true),
            "0" | "false" => Ok(false),
            _ => Err(DomainError::invalid(
                field,
                format!("{field} must be true or false"),
            )),
        })
        .transpose()
}

const PARAMETERS: [&str; 13] = [
    "status",
    "priority",
    "category",
    "assigneeId",
    "unassigned",
    "requesterId",
    "createdAfter",
    "createdBefore",
    "text",
    "slaState",
    "tagsAny",
    "tagsAll",
    "bom",
];

struct Params {
    filter: TicketFilterInput,
    bom: bool,
    described: serde_json::Value,
}

fn parse(query: Option<&str>) -> Result<Params, DomainError> {
    let mut values: std::collections::BTreeMap<&str, Vec<String>> =
        PARAMETERS.iter().map(|name| (*name, Vec::new())).collect();
    for (key, value) in url::form_urlencoded::parse(query.unwrap_or_default().as_bytes()) {
        let Some(slot) = values.get_mut(key.as_ref()) else {
            return Err(DomainError::invalid(
                key.as_ref(),
                format!(
                    "unknown parameter {key:?}; known: {}",
                    PARAMETERS.join(", ")
                ),
            ));
        };
        slot.push(value.into_owned());
    }
    let get = |name: &str| values.get(name).map(Vec::as_slice).unwrap_or_default();
    let id = |name: &str| single(name, get(name)).map(|value| value.map(ID));
    let filter = TicketFilterInput {
        status: list::<TicketStatus>("status", get("status"))?,
        priority: list::<TicketPriority>("priority", get("priority"))?,
        category: single("category", get("category"))?,
        assignee_id: id("assigneeId")?,
        unassigned: flag("unassigned", get("unassigned"))?,
        requester_id: id("requesterId")?,
        created_after: time("createdAfter", get("createdAfter"))?,
        created_before: time("createdBefore", get("createdBefore"))?,
        text: single("text", get("text"))?,
        sla_state: single("slaState", get("slaState"))?
            .map(|value| {
                value.parse::<SlaState>().map_err(|_| {
                    DomainError::invalid("slaState", "slaState is BREACHED, AT_RISK or ON_TRACK")
                })
            })
            .transpose()?,
        tags_any: list::<String>("tagsAny", get("tagsAny"))?,
        tags_all: list::<String>("tagsAll", get("tagsAll"))?,
    };
    let described = values
        .iter()
        .filter(|(name, given)| **name != "bom" && !given.is_empty())
        .map(|(name, given)| (name.to_string(), serde_json::json!(given)))
        .collect::<serde_json::Map<_, _>>();
    Ok(Params {
        filter,
        bom: flag("bom", get("bom"))?.unwrap_or(false),
        described: serde_json::Value::Object(described),
    })
}

pub async fn tickets_csv(
    State(state): State<HttpState>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
) -> Response {
    let app = &state.app;
    let viewer = match request_viewer(app, &headers).await {
        Ok(viewer) => viewer,
        Err(ViewerError::ForeignOrigin) => {
            return json_response(
                StatusCode::FORBIDDEN,
                "cookie-authenticated requests are not accepted from this origin",
                serde_json::json!({ "code": code::FORBIDDEN }),
            );
        }
        Err(ViewerError::Internal(err)) => return domain_error(DomainError::Internal(err)),
    };
    let ctx = RequestContext {
        state: app.clone(),
        viewer,
        client_ip: None,
        request_id: None,
    };
    let params = match parse(query.as_deref()) {
        Ok(params) => params,
        Err(err) => return domain_error(err),
    };
    if let Err(err) = ctx.viewer.require_staff() {
        return domain_error(err);
    }
    let filter = match to_filter(&ctx, params.filter).await {
        Ok(filter) => filter,
        Err(err) => return domain_error(err),
    };
    let request = ExportRequest {
        filter,
        bom: params.bom,
        described_filter: params.described,
        request_id: headers
            .get(REQUEST_ID_HEADER)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned),
    };
    match export::tickets_csv(&ctx, request).await {
        Ok(stream) => (
            [
                (CONTENT_TYPE, "text/csv; charset=utf-8"),
                (CONTENT_DISPOSITION, "attachment; filename=\"tickets.csv\""),
                (CACHE_CONTROL, "private, no-store"),
            ],
            Body::from_stream(stream),
        )
            .into_response(),
        Err(err) => domain_error(err),
    }
}
