use async_graphql::connection::{Connection, Edge};
use async_graphql::{Context, ID, InputObject, Json, Object};
use chrono::{DateTime, Utc};

use crate::db::models::audit::AuditEntry;
use crate::graphql::error::GqlResult;
use crate::graphql::types::ticket::load_user;
use crate::graphql::types::user::UserObject;

/// One admin action: who did what to which target, with the state before and after.
pub struct AuditEntryObject(pub AuditEntry);

#[Object(name = "AuditEntry")]
impl AuditEntryObject {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }

    /// For example `users.update`, `categories.set_active`, `tags.merge`,
    /// `macros.update`, `tickets.export`.
    async fn action(&self) -> &str {
        &self.0.action
    }

    async fn actor(&self, ctx: &Context<'_>) -> GqlResult<Option<UserObject>> {
        load_user(ctx, self.0.actor_id).await
    }

    /// What was acted on: a user id, a category slug, a tag, a macro id.
    async fn target(&self) -> Option<&str> {
        self.0.target.as_deref()
    }

    /// The state before the change (null when it was created).
    async fn before(&self) -> Option<Json<&serde_json::Value>> {
        self.0
            .details
            .get("before")
            .filter(|v| !v.is_null())
            .map(Json)
    }

    /// The state after the change.
    async fn after(&self) -> Option<Json<&serde_json::Value>> {
        self.0
            .details
            .get("after")
            .filter(|v| !v.is_null())
            .map(Json)
    }

    /// Everything recorded with the entry.
    async fn details(&self) -> Json<&serde_json::Value> {
        Json(&self.0.details)
    }

    /// The `x-request-id` of the request that made the change.
    async fn request_id(&self) -> Option<&str> {
        self.0.request_id.as_deref()
    }

    async fn occurred_at(&self) -> DateTime<Utc> {
        self.0.occurred_at
    }
}

#[derive(InputObject, Default)]
pub struct AuditFilterInput {
    /// An action, or a prefix ending in a dot (`users.`).
    pub action: Option<String>,
    pub actor_id: Option<ID>,
    pub target: Option<String>,
}

pub type AuditConnection = Connection<String, AuditEntryObject>;

pub fn connection(mut rows: Vec<AuditEntry>, first: usize, had_cursor: bool) -> AuditConnection {
    let has_next = rows.len() > first;
    rows.truncate(first);
    let mut connection = Connection::new(had_cursor, has_next);
    connection.edges.extend(
        rows.into_iter()
            .map(|row| Edge::new(row.id.to_string(), AuditEntryObject(row))),
    );
    connection
}
