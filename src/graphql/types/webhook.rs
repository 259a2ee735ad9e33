use async_graphql::{ID, InputObject, Object, SimpleObject};
use chrono::{DateTime, Utc};

use crate::db::models::webhook::{DeliveryState, WebhookAttempt, WebhookDelivery, WebhookEndpoint};
use crate::domain::webhook::WebhookEventType;
use crate::services::webhooks::{self, EndpointInput, LoggedDelivery};

/// A receiver of signed webhook requests (its secret is shown only when it is created or
/// rotated).
pub struct WebhookEndpointObject(pub WebhookEndpoint);

#[Object(name = "WebhookEndpoint")]
impl WebhookEndpointObject {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }

    async fn url(&self) -> &str {
        &self.0.url
    }

    async fn description(&self) -> &str {
        &self.0.description
    }

    async fn event_types(&self) -> Vec<WebhookEventType> {
        self.0
            .event_types
            .iter()
            .filter_map(|name| name.parse().ok())
            .collect()
    }

    /// Whether `message.created` includes internal notes.
    async fn include_internal_notes(&self) -> bool {
        self.0.include_internal_notes
    }

    async fn active(&self) -> bool {
        self.0.active
    }

    /// Failed deliveries in a row; the endpoint is disabled at DESKQL_WEBHOOK_DISABLE_AFTER.
    async fn consecutive_failures(&self) -> i32 {
        self.0.consecutive_failures
    }

    /// When it was disabled automatically, and why.
    async fn disabled_at(&self) -> Option<DateTime<Utc>> {
        self.0.disabled_at
    }

    async fn disabled_reason(&self) -> Option<&str> {
        self.0.disabled_reason.as_deref()
    }

    /// Until then, requests also carry a signature made with the previous secret.
    async fn previous_secret_expires_at(&self) -> Option<DateTime<Utc>> {
        webhooks::grace_ends_at(&self.0)
    }

    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }

    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }
}

#[derive(SimpleObject)]
pub struct WebhookEndpointWithSecret {
    /// `whsec_…`: verify `webhook-signature` with it. Shown this once.
    pub secret: String,
    pub endpoint: WebhookEndpointObject,
}

impl From<webhooks::WithSecret> for WebhookEndpointWithSecret {
    fn from(created: webhooks::WithSecret) -> Self {
        Self {
            secret: created.secret,
            endpoint: WebhookEndpointObject(created.endpoint),
        }
    }
}

#[derive(InputObject)]
pub struct CreateWebhookEndpointInput {
    /// http(s); private, loopback and link-local targets are refused unless
    /// DESKQL_WEBHOOK_ALLOW_PRIVATE is set.
    pub url: String,
    /// At least one.
    pub event_types: Vec<WebhookEventType>,
    /// Up to 500 characters.
    #[graphql(default)]
    pub description: String,
    #[graphql(default = true)]
    pub active: bool,
    /// Send internal notes as `message.created` too (public messages only by default).
    #[graphql(default)]
    pub include_internal_notes: bool,
}

impl From<CreateWebhookEndpointInput> for EndpointInput {
    fn from(input: CreateWebhookEndpointInput) -> Self {
        Self {
            url: Some(input.url),
            description: Some(input.description),
            event_types: Some(input.event_types),
            include_internal_notes: Some(input.include_internal_notes),
            active: Some(input.active),
        }
    }
}

/// What is given changes; switching an endpoint back on sends what waited.
#[derive(InputObject)]
pub struct UpdateWebhookEndpointInput {
    pub url: Option<String>,
    pub event_types: Option<Vec<WebhookEventType>>,
    pub description: Option<String>,
    pub active: Option<bool>,
    pub include_internal_notes: Option<bool>,
}

impl From<UpdateWebhookEndpointInput> for EndpointInput {
    fn from(input: UpdateWebhookEndpointInput) -> Self {
        Self {
            url: input.url,
            description: input.description,
            event_types: input.event_types,
            include_internal_notes: input.include_internal_notes,
            active: input.active,
        }
    }
}

/// One event sent (or to be sent) to one endpoint.
pub struct WebhookDeliveryObject {
    pub delivery: WebhookDelivery,
    pub attempts: Vec<WebhookAttempt>,
}

impl From<LoggedDelivery> for WebhookDeliveryObject {
    fn from(logged: LoggedDelivery) -> Self {
        Self {
            delivery: logged.delivery,
            attempts: logged.attempts,
        }
    }
}

#[Object(name = "WebhookDelivery")]
impl WebhookDeliveryObject {
    /// Sent as `webhook-id`; the same on every retry and redelivery.
    async fn id(&self) -> ID {
        ID(self.delivery.id.to_string())
    }

    async fn event_type(&self) -> Option<WebhookEventType> {
        self.delivery.event_type.parse().ok()
    }

    async fn ticket_id(&self) -> ID {
        ID(self.delivery.ticket_id.to_string())
    }

    async fn state(&self) -> DeliveryState {
        self.delivery.state()
    }

    async fn attempt_count(&self) -> i32 {
        self.delivery.attempts
    }

    /// When a PENDING delivery is tried next.
    async fn next_attempt_at(&self) -> Option<DateTime<Utc>> {
        (self.delivery.state() == DeliveryState::Pending).then_some(self.delivery.next_attempt_at)
    }

    async fn created_at(&self) -> DateTime<Utc> {
        self.delivery.created_at
    }

    async fn delivered_at(&self) -> Option<DateTime<Utc>> {
        self.delivery.delivered_at
    }

    /// The JSON body as sent (null before the first attempt).
    async fn payload(&self) -> Option<&str> {
        self.delivery.body.as_deref()
    }

    /// Every attempt, oldest first.
    async fn attempts(&self) -> Vec<WebhookAttemptObject> {
        self.attempts
            .iter()
            .cloned()
            .map(WebhookAttemptObject)
            .collect()
    }
}

pub struct WebhookAttemptObject(WebhookAttempt);

#[Object(name = "WebhookAttempt")]
impl WebhookAttemptObject {
    async fn attempted_at(&self) -> DateTime<Utc> {
        self.0.attempted_at
    }

    /// Null when no response came (refused address, timeout, connection error).
    async fn status_code(&self) -> Option<i32> {
        self.0.status_code
    }

    async fn latency_ms(&self) -> i32 {
        self.0.latency_ms
    }

    /// The start of the response body (up to 1,000 characters).
    async fn response_snippet(&self) -> &str {
        &self.0.response_snippet
    }

    async fn error(&self) -> Option<&str> {
        self.0.error.as_deref()
    }
}
