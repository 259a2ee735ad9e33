//! Outgoing webhooks, the admin side: endpoints (the secret is shown once), secret rotation
//! with a grace period, the delivery log and manual redelivery. Sending is `delivery`.

pub mod delivery;

use chrono::{DateTime, TimeDelta, Utc};
use diesel_async::AsyncConnection;
use serde_json::Value;
use uuid::Uuid;

use crate::db::models::webhook::{
    self as model, EndpointChanges, NewWebhookEndpoint, WebhookAttempt, WebhookDelivery,
    WebhookEndpoint,
};
use crate::domain::webhook::{DESCRIPTION_MAX_CHARS, WebhookEventType, validate_url};
use crate::domain::{DomainError, DomainResult, validation};
use crate::services::{RequestContext, audit};
use crate::webhooks::generate_secret;

/// Deliveries listed at most.
pub const DELIVERIES_MAX: i64 = 200;
/// How long a rotated-out secret may keep signing (the API's default is a day).
const MAX_GRACE_MINUTES: i32 = 7 * 24 * 60;

pub struct EndpointInput {
    pub url: Option<String>,
    pub description: Option<String>,
    pub event_types: Option<Vec<WebhookEventType>>,
    pub include_internal_notes: Option<bool>,
    pub active: Option<bool>,
}

/// An endpoint with its secret, which is shown this once.
pub struct WithSecret {
    pub secret: String,
    pub endpoint: WebhookEndpoint,
}

pub async fn list(ctx: &RequestContext) -> DomainResult<Vec<WebhookEndpoint>> {
    ctx.viewer.require_admin()?;
    let mut conn = ctx.state.pool.get().await?;
    Ok(WebhookEndpoint::all(&mut conn).await?)
}

pub async fn create(ctx: &RequestContext, input: EndpointInput) -> DomainResult<WithSecret> {
    let admin = ctx.viewer.require_admin()?;
    let allow_private = ctx.state.config.pipeline.webhook_allow_private;
    let url = validate_url(input.url.as_deref().unwrap_or_default(), allow_private)?;
    let description = description(input.description.as_deref())?;
    let event_types = event_types(input.event_types.unwrap_or_default())?;
    let secret = generate_secret();
    let mut conn = ctx.state.pool.get().await?;
    let endpoint = conn
        .transaction(async |conn| {
            let endpoint = NewWebhookEndpoint {
                id: Uuid::now_v7(),
                url: url.as_str(),
                description: &description,
                event_types,
                include_internal_notes: input.include_internal_notes.unwrap_or(false),
                active: input.active.unwrap_or(true),
                secret: &secret,
                created_by: Some(admin.user_id),
            }
            .insert(conn)
            .await?;
            let target = endpoint.id.to_string();
            audit::record(
                conn,
                ctx,
                "webhooks.create",
                &target,
                Value::Null,
                audited(&endpoint),
            )
            .await?;
            Ok::<_, DomainError>(endpoint)
        })
        .await?;
    Ok(WithSecret { secret, endpoint })
}

/// Changes what is given. Switching an endpoint back on clears its failure count and sends
/// what waited meanwhile.
pub async fn update(
    ctx: &RequestContext,
    id: Uuid,
    input: EndpointInput,
) -> DomainResult<WebhookEndpoint> {
    ctx.viewer.require_admin()?;
    let allow_private = ctx.state.config.pipeline.webhook_allow_private;
    let url = input
        .url
        .as_deref()
        .map(|url| validate_url(url, allow_private).map(String::from))
        .transpose()?;
    let description = input
        .description
        .as_deref()
        .map(|text| description(Some(text)))
        .transpose()?;
    let event_types = input.event_types.map(event_types).transpose()?;
    let reactivated = input.active == Some(true);
    let changes = EndpointChanges {
        url,
        description,
        event_types,
        include_internal_notes: input.include_internal_notes,
        active: input.active,
        consecutive_failures: reactivated.then_some(0),
        disabled_at: reactivated.then_some(None),
        disabled_reason: reactivated.then_some(None),
    };
    let mut conn = ctx.state.pool.get().await?;
    conn.transaction(async |conn| {
        let before = WebhookEndpoint::find(conn, id)
            .await?
            .ok_or(DomainError::NotFound("webhook endpoint"))?;
        let endpoint = WebhookEndpoint::update(conn, id, &changes)
            .await?
            .ok_or(DomainError::NotFound("webhook endpoint"))?;
        let target = id.to_string();
        audit::record(
            conn,
            ctx,
            "webhooks.update",
            &target,
            audited(&before),
            audited(&endpoint),
        )
        .await?;
        if reactivated {
            for ticket_id in WebhookDelivery::pending_tickets(conn, id).await? {
                model::schedule_sender(conn, id, ticket_id, None).await?;
            }
        }
        Ok(endpoint)
    })
    .await
}

/// A new secret, shown once; the old one keeps signing alongside it for `grace_minutes`.
pub async fn rotate_secret(
    ctx: &RequestContext,
    id: Uuid,
    grace_minutes: i32,
) -> DomainResult<WithSecret> {
    ctx.viewer.require_admin()?;
    if !(0..=MAX_GRACE_MINUTES).contains(&grace_minutes) {
        return Err(DomainError::invalid(
            "graceMinutes",
            format!("graceMinutes must be between 0 and {MAX_GRACE_MINUTES}"),
        ));
    }
    let secret = generate_secret();
    let until = Utc::now() + TimeDelta::minutes(i64::from(grace_minutes));
    let mut conn = ctx.state.pool.get().await?;
    let endpoint = conn
        .transaction(async |conn| {
            let endpoint = WebhookEndpoint::rotate_secret(conn, id, &secret, until)
                .await?
                .ok_or(DomainError::NotFound("webhook endpoint"))?;
            // The secrets themselves never enter the audit trail.
            let target = id.to_string();
            let after = serde_json::json!({ "previousSecretExpiresAt": until });
            audit::record(
                conn,
                ctx,
                "webhooks.rotate_secret",
                &target,
                Value::Null,
                after,
            )
            .await?;
            Ok::<_, DomainError>(endpoint)
        })
        .await?;
    Ok(WithSecret { secret, endpoint })
}

/// Removes the endpoint with its delivery log; what was still pending is dropped with it.
pub async fn delete(ctx: &RequestContext, id: Uuid) -> DomainResult<()> {
    ctx.viewer.require_admin()?;
    let mut conn = ctx.state.pool.get().await?;
    conn.transaction(async |conn| {
        let before = WebhookEndpoint::find(conn, id)
            .await?
            .ok_or(DomainError::NotFound("webhook endpoint"))?;
        WebhookEndpoint::delete(conn, id).await?;
        let target = id.to_string();
        audit::record(
            conn,
            ctx,
            "webhooks.delete",
            &target,
            audited(&before),
            Value::Null,
        )
        .await
    })
    .await
}

/// What an endpoint change is audited by (never its secrets).
fn audited(endpoint: &WebhookEndpoint) -> Value {
    serde_json::json!({
        "url": endpoint.url,
        "description": endpoint.description,
        "eventTypes": endpoint.event_types,
        "includeInternalNotes": endpoint.include_internal_notes,
        "active": endpoint.active,
    })
}

/// A delivery with every attempt it took, oldest attempt first.
pub struct LoggedDelivery {
    pub delivery: WebhookDelivery,
    pub attempts: Vec<WebhookAttempt>,
}

pub async fn deliveries(
    ctx: &RequestContext,
    endpoint_id: Uuid,
    first: i32,
) -> DomainResult<Vec<LoggedDelivery>> {
    ctx.viewer.require_admin()?;
    let limit = validation::page_size("first", first, DELIVERIES_MAX)?;
    let mut conn = ctx.state.pool.get().await?;
    if WebhookEndpoint::find(&mut conn, endpoint_id)
        .await?
        .is_none()
    {
        return Err(DomainError::NotFound("webhook endpoint"));
    }
    let deliveries = WebhookDelivery::of_endpoint(&mut conn, endpoint_id, limit).await?;
    let ids: Vec<Uuid> = deliveries.iter().map(|d| d.id).collect();
    let mut attempts = WebhookAttempt::of_deliveries(&mut conn, &ids).await?;
    Ok(deliveries
        .into_iter()
        .map(|delivery| {
            let (own, rest) = attempts
                .drain(..)
                .partition(|a: &WebhookAttempt| a.delivery_id == delivery.id);
            attempts = rest;
            LoggedDelivery {
                delivery,
                attempts: own,
            }
        })
        .collect())
}

/// Sends a delivery again (same `webhook-id`, same body), whatever became of it.
pub async fn redeliver(ctx: &RequestContext, id: Uuid) -> DomainResult<WebhookDelivery> {
    ctx.viewer.require_admin()?;
    let mut conn = ctx.state.pool.get().await?;
    conn.transaction(async |conn| {
        let current = WebhookDelivery::find(conn, id)
            .await?
            .ok_or(DomainError::NotFound("webhook delivery"))?;
        let endpoint = WebhookEndpoint::find(conn, current.endpoint_id)
            .await?
            .ok_or(DomainError::NotFound("webhook delivery"))?;
        if !endpoint.active {
            return Err(DomainError::Conflict(
                "the endpoint is disabled; switch it on with updateWebhookEndpoint first".into(),
            ));
        }
        let delivery = WebhookDelivery::requeue(conn, id)
            .await?
            .ok_or(DomainError::NotFound("webhook delivery"))?;
        model::schedule_sender(conn, delivery.endpoint_id, delivery.ticket_id, None).await?;
        Ok(delivery)
    })
    .await
}

fn description(text: Option<&str>) -> DomainResult<String> {
    let text = text.unwrap_or_default().trim();
    if text.chars().count() > DESCRIPTION_MAX_CHARS {
        return Err(DomainError::invalid(
            "description",
            format!("description is longer than {DESCRIPTION_MAX_CHARS} characters"),
        ));
    }
    Ok(text.to_owned())
}

fn event_types(types: Vec<WebhookEventType>) -> DomainResult<Vec<String>> {
    let mut names: Vec<String> = types.iter().map(ToString::to_string).collect();
    names.sort();
    names.dedup();
    if names.is_empty() {
        return Err(DomainError::invalid(
            "eventTypes",
            "name at least one event type",
        ));
    }
    Ok(names)
}

/// When a rotated-out secret stops signing, if one still does.
pub fn grace_ends_at(endpoint: &WebhookEndpoint) -> Option<DateTime<Utc>> {
    endpoint
        .previous_secret_expires_at
        .filter(|until| *until > Utc::now())
}
