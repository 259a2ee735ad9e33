//! Webhook endpoints, their deliveries (one per endpoint and ticket event) and the attempts
//! each delivery took.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use crate::db::schema::{webhook_attempts, webhook_deliveries, webhook_endpoints};

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = webhook_endpoints, check_for_backend(diesel::pg::Pg))]
pub struct WebhookEndpoint {
    pub id: Uuid,
    pub url: String,
    pub description: String,
    pub event_types: Vec<String>,
    pub include_internal_notes: bool,
    pub active: bool,
    pub secret: String,
    pub previous_secret: Option<String>,
    pub previous_secret_expires_at: Option<DateTime<Utc>>,
    pub consecutive_failures: i32,
    pub disabled_at: Option<DateTime<Utc>>,
    pub disabled_reason: Option<String>,
    pub created_by: Option<Uuid>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl WebhookEndpoint {
    /// The secrets a delivery is signed with now: the current one, and the previous one
    /// while its grace period lasts.
    pub fn signing_secrets(&self, now: DateTime<Utc>) -> Vec<&str> {
        let mut secrets = vec![self.secret.as_str()];
        if let (Some(previous), Some(until)) =
            (&self.previous_secret, self.previous_secret_expires_at)
            && until > now
        {
            secrets.push(previous);
        }
        secrets
    }

    pub async fn all(conn: &mut AsyncPgConnection) -> QueryResult<Vec<Self>> {
        webhook_endpoints::table
            .select(Self::as_select())
            .order(webhook_endpoints::created_at)
            .load(conn)
            .await
    }

    pub async fn find(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<Option<Self>> {
        webhook_endpoints::table
            .find(id)
            .select(Self::as_select())
            .first(conn)
            .await
            .optional()
    }

    pub async fn delete(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<bool> {
        let deleted = diesel::delete(webhook_endpoints::table.find(id))
            .execute(conn)
            .await?;
        Ok(deleted > 0)
    }

    pub async fn update(
        conn: &mut AsyncPgConnection,
        id: Uuid,
        changes: &EndpointChanges,
    ) -> QueryResult<Option<Self>> {
        diesel::update(webhook_endpoints::table.find(id))
            .set((changes, webhook_endpoints::updated_at.eq(diesel::dsl::now)))
            .returning(Self::as_returning())
            .get_result(conn)
            .await
            .optional()
    }

    /// The new secret signs from now on; the old one keeps signing alongside until `until`.
    pub async fn rotate_secret(
        conn: &mut AsyncPgConnection,
        id: Uuid,
        secret: &str,
        until: DateTime<Utc>,
    ) -> QueryResult<Option<Self>> {
        diesel::update(webhook_endpoints::table.find(id))
            .set((
                webhook_endpoints::previous_secret.eq(webhook_endpoints::secret.nullable()),
                webhook_endpoints::previous_secret_expires_at.eq(until),
                webhook_endpoints::secret.eq(secret),
                webhook_endpoints::updated_at.eq(diesel::dsl::now),
            ))
            .returning(Self::as_returning())
            .get_result(conn)
            .await
            .optional()
    }

    /// Counts a failed delivery; answers the failures in a row so far.
    pub async fn count_failure(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<i32> {
        diesel::update(webhook_endpoints::table.find(id))
            .set(
                webhook_endpoints::consecutive_failures
                    .eq(webhook_endpoints::consecutive_failures + 1),
            )
            .returning(webhook_endpoints::consecutive_failures)
            .get_result(conn)
            .await
    }

    pub async fn reset_failures(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<()> {
        diesel::update(webhook_endpoints::table.find(id))
            .filter(webhook_endpoints::consecutive_failures.ne(0))
            .set(webhook_endpoints::consecutive_failures.eq(0))
            .execute(conn)
            .await?;
        Ok(())
    }

    /// Switches an endpoint off after too many failures; true if this call did it.
    pub async fn disable(
        conn: &mut AsyncPgConnection,
        id: Uuid,
        reason: &str,
    ) -> QueryResult<bool> {
        let changed = diesel::update(webhook_endpoints::table.find(id))
            .filter(webhook_endpoints::active)
            .set((
                webhook_endpoints::active.eq(false),
                webhook_endpoints::disabled_at.eq(diesel::dsl::now),
                webhook_endpoints::disabled_reason.eq(reason),
                webhook_endpoints::updated_at.eq(diesel::dsl::now),
            ))
            .execute(conn)
            .await?;
        Ok(changed > 0)
    }
}

#[derive(Insertable)]
#[diesel(table_name = webhook_endpoints)]
pub struct NewWebhookEndpoint<'a> {
    pub id: Uuid,
    pub url: &'a str,
    pub description: &'a str,
    pub event_types: Vec<String>,
    pub include_internal_notes: bool,
    pub active: bool,
    pub secret: &'a str,
    pub created_by: Option<Uuid>,
}

impl NewWebhookEndpoint<'_> {
    pub async fn insert(&self, conn: &mut AsyncPgConnection) -> QueryResult<WebhookEndpoint> {
        diesel::insert_into(webhook_endpoints::table)
            .values(self)
            .returning(WebhookEndpoint::as_returning())
            .get_result(conn)
            .await
    }
}

#[derive(AsChangeset, Default)]
#[diesel(table_name = webhook_endpoints)]
pub struct EndpointChanges {
    pub url: Option<String>,
    pub description: Option<String>,
    pub event_types: Option<Vec<String>>,
    pub include_internal_notes: Option<bool>,
    pub active: Option<bool>,
    pub consecutive_failures: Option<i32>,
    pub disabled_at: Option<Option<DateTime<Utc>>>,
    pub disabled_reason: Option<Option<String>>,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, async_graphql::Enum, strum::Display, strum::EnumString,
)]
#[strum(serialize_all = "SCREAMING_SNAKE_CASE")]
#[graphql(name = "WebhookDeliveryState")]
pub enum DeliveryState {
    /// Not sent yet, or waiting for its next retry.
    Pending,
    Delivered,
    /// Out of attempts (`redeliverWebhook` sends it again).
    Failed,
}

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = webhook_deliveries, check_for_backend(diesel::pg::Pg))]
pub struct WebhookDelivery {
    pub id: Uuid,
    pub endpoint_id: Uuid,
    pub event_id: i64,
    pub ticket_id: Uuid,
    pub event_type: String,
    state: String,
    pub attempts: i32,
    pub next_attempt_at: DateTime<Utc>,
    pub body: Option<String>,
    pub created_at: DateTime<Utc>,
    pub delivered_at: Option<DateTime<Utc>>,
}

impl WebhookDelivery {
    pub fn state(&self) -> DeliveryState {
        self.state.parse().unwrap_or(DeliveryState::Pending)
    }

    pub async fn find(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<Option<Self>> {
        webhook_deliveries::table
            .find(id)
            .select(Self::as_select())
            .first(conn)
            .await
            .optional()
    }

    /// Newest first.
    pub async fn of_endpoint(
        conn: &mut AsyncPgConnection,
        endpoint_id: Uuid,
        limit: i64,
    ) -> QueryResult<Vec<Self>> {
        webhook_deliveries::table
            .filter(webhook_deliveries::endpoint_id.eq(endpoint_id))
            .order((
                webhook_deliveries::created_at.desc(),
                webhook_deliveries::event_id.desc(),
            ))
            .limit(limit)
            .select(Self::as_select())
            .load(conn)
            .await
    }

    /// The ticket's oldest undelivered event for this endpoint: what must go out next.
    pub async fn next_pending(
        conn: &mut AsyncPgConnection,
        endpoint_id: Uuid,
        ticket_id: Uuid,
    ) -> QueryResult<Option<Self>> {
        webhook_deliveries::table
            .filter(webhook_deliveries::endpoint_id.eq(endpoint_id))
            .filter(webhook_deliveries::ticket_id.eq(ticket_id))
            .filter(webhook_deliveries::state.eq(DeliveryState::Pending.to_string()))
            .order(webhook_deliveries::event_id)
            .select(Self::as_select())
            .first(conn)
            .await
            .optional()
    }

    /// Tickets with deliveries still to send to this endpoint.
    pub async fn pending_tickets(
        conn: &mut AsyncPgConnection,
        endpoint_id: Uuid,
    ) -> QueryResult<Vec<Uuid>> {
        webhook_deliveries::table
            .filter(webhook_deliveries::endpoint_id.eq(endpoint_id))
            .filter(webhook_deliveries::state.eq(DeliveryState::Pending.to_string()))
            .select(webhook_deliveries::ticket_id)
            .distinct()
            .load(conn)
            .await
    }

    pub async fn fix_body(conn: &mut AsyncPgConnection, id: Uuid, body: &str) -> QueryResult<()> {
        diesel::update(webhook_deliveries::table.find(id))
            .filter(webhook_deliveries::body.is_null())
            .set(webhook_deliveries::body.eq(body))
            .execute(conn)
            .await?;
        Ok(())
    }

    pub async fn mark_delivered(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<()> {
        diesel::update(webhook_deliveries::table.find(id))
            .set((
                webhook_deliveries::state.eq(DeliveryState::Delivered.to_string()),
                webhook_deliveries::attempts.eq(webhook_deliveries::attempts + 1),
                webhook_deliveries::delivered_at.eq(diesel::dsl::now),
            ))
            .execute(conn)
            .await?;
        Ok(())
    }

    /// Counts a failed attempt: the delivery waits until `retry_at`, or fails for good.
    pub async fn mark_failed_attempt(
        conn: &mut AsyncPgConnection,
        id: Uuid,
        retry_at: Option<DateTime<Utc>>,
    ) -> QueryResult<()> {
        let state = match retry_at {
            Some(_) => DeliveryState::Pending,
            None => DeliveryState::Failed,
        };
        diesel::update(webhook_deliveries::table.find(id))
            .set((
                webhook_deliveries::state.eq(state.to_string()),
                webhook_deliveries::attempts.eq(webhook_deliveries::attempts + 1),
                webhook_deliveries::next_attempt_at.eq(retry_at.unwrap_or_else(Utc::now)),
            ))
            .execute(conn)
            .await?;
        Ok(())
    }

    /// Queues a delivery to be sent again now, whatever became of it.
    pub async fn requeue(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<Option<Self>> {
        diesel::update(webhook_deliveries::table.find(id))
            .set((
                webhook_deliveries::state.eq(DeliveryState::Pending.to_string()),
                webhook_deliveries::next_attempt_at.eq(diesel::dsl::now),
            ))
            .returning(Self::as_returning())
            .get_result(conn)
            .await
            .optional()
    }
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = webhook_attempts, check_for_backend(diesel::pg::Pg))]
pub struct WebhookAttempt {
    pub delivery_id: Uuid,
    pub attempted_at: DateTime<Utc>,
    pub status_code: Option<i32>,
    pub latency_ms: i32,
    pub response_snippet: String,
    pub error: Option<String>,
}

#[derive(Insertable)]
#[diesel(table_name = webhook_attempts)]
pub struct NewWebhookAttempt<'a> {
    pub delivery_id: Uuid,
    pub status_code: Option<i32>,
    pub latency_ms: i32,
    pub response_snippet: &'a str,
    pub error: Option<&'a str>,
}

impl NewWebhookAttempt<'_> {
    pub async fn insert(&self, conn: &mut AsyncPgConnection) -> QueryResult<()> {
        diesel::insert_into(webhook_attempts::table)
            .values(self)
            .execute(conn)
            .await?;
        Ok(())
    }
}

impl WebhookAttempt {
    /// Every attempt of these deliveries, oldest first.
    pub async fn of_deliveries(
        conn: &mut AsyncPgConnection,
        delivery_ids: &[Uuid],
    ) -> QueryResult<Vec<Self>> {
        webhook_attempts::table
            .filter(webhook_attempts::delivery_id.eq_any(delivery_ids))
            .order(webhook_attempts::id)
            .select(Self::as_select())
            .load(conn)
            .await
    }
}

/// The job that sends an endpoint's deliveries for one ticket, as the trigger queues it: keyed
/// per endpoint and ticket, in the endpoint's queue (one request in flight per endpoint).
/// Due at `run_at`, or now.
pub async fn schedule_sender(
    conn: &mut AsyncPgConnection,
    endpoint_id: Uuid,
    ticket_id: Uuid,
    run_at: Option<DateTime<Utc>>,
) -> QueryResult<()> {
    use diesel::sql_types::{Json, Nullable, Text, Timestamptz};
    diesel::sql_query(
        "SELECT 1 FROM graphile_worker.add_job('deliver_webhooks', $1, queue_name => $2, \
         run_at => $3, max_attempts => 25, job_key => $4, priority => 5)",
    )
    .bind::<Json, _>(serde_json::json!({ "endpoint_id": endpoint_id, "ticket_id": ticket_id }))
    .bind::<Text, _>(format!("webhook:{endpoint_id}"))
    .bind::<Nullable<Timestamptz>, _>(run_at)
    .bind::<Text, _>(format!("webhook:{endpoint_id}:{ticket_id}"))
    .execute(conn)
    .await?;
    Ok(())
}
