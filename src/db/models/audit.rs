//! The audit trail: append-only records of actions that matter beyond one ticket.

use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use crate::db::schema::audit_log;

#[derive(Debug, Insertable)]
#[diesel(table_name = audit_log)]
pub struct NewAuditEntry<'a> {
    pub actor_id: Option<Uuid>,
    pub action: &'a str,
    pub target: Option<&'a str>,
    pub details: serde_json::Value,
    pub request_id: Option<&'a str>,
}

impl NewAuditEntry<'_> {
    pub async fn insert(&self, conn: &mut AsyncPgConnection) -> QueryResult<()> {
        diesel::insert_into(audit_log::table)
            .values(self)
            .execute(conn)
            .await?;
        Ok(())
    }
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = audit_log, check_for_backend(diesel::pg::Pg))]
pub struct AuditEntry {
    pub id: i64,
    pub actor_id: Option<Uuid>,
    pub action: String,
    pub target: Option<String>,
    pub details: serde_json::Value,
    pub request_id: Option<String>,
    pub occurred_at: chrono::DateTime<chrono::Utc>,
}

#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    /// An exact action, or a prefix ending in '.' (`users.` matches `users.update`).
    pub action: Option<String>,
    pub actor_id: Option<Uuid>,
    pub target: Option<String>,
}

impl AuditEntry {
    /// Newest first, entries older than `before` (an id), at most `limit`.
    pub async fn page(
        conn: &mut AsyncPgConnection,
        filter: &AuditFilter,
        before: Option<i64>,
        limit: i64,
    ) -> QueryResult<Vec<Self>> {
        let mut query = audit_log::table.into_boxed();
        if let Some(action) = &filter.action {
            query = if action.ends_with('.') {
                query.filter(audit_log::action.like(format!(
                    "{}%",
                    crate::db::models::ticket_list::escape_like(action)
                )))
            } else {
                query.filter(audit_log::action.eq(action.clone()))
            };
        }
        if let Some(actor) = filter.actor_id {
            query = query.filter(audit_log::actor_id.eq(actor));
        }
        if let Some(target) = &filter.target {
            query = query.filter(audit_log::target.eq(target.clone()));
        }
        if let Some(before) = before {
            query = query.filter(audit_log::id.lt(before));
        }
        query
            .order(audit_log::id.desc())
            .limit(limit)
            .select(Self::as_select())
            .load(conn)
            .await
    }
}
