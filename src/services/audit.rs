//! The audit trail of admin actions beyond one ticket: account changes and settings (SLA,
//! categories, webhooks, shared macros, tags, exports). Entries are written in the same
//! transaction as the change; only admins read them.

use diesel_async::AsyncPgConnection;
use serde_json::Value;

use crate::db::models::audit::{AuditEntry, AuditFilter, NewAuditEntry};
use crate::domain::{DomainError, DomainResult};
use crate::services::RequestContext;

pub const MAX_PAGE: i64 = 100;

/// Records `action` on `target` by the caller, with what it was before and after.
pub async fn record(
    conn: &mut AsyncPgConnection,
    ctx: &RequestContext,
    action: &str,
    target: &str,
    before: Value,
    after: Value,
) -> DomainResult<()> {
    NewAuditEntry {
        actor_id: ctx.viewer.user_id(),
        action,
        target: Some(target),
        details: serde_json::json!({ "before": before, "after": after }),
        request_id: ctx.request_id.as_deref(),
    }
    .insert(conn)
    .await?;
    Ok(())
}

/// Admins: entries newest first; `before` is the last id of the previous page.
pub async fn list(
    ctx: &RequestContext,
    filter: &AuditFilter,
    before: Option<i64>,
    first: i64,
) -> DomainResult<Vec<AuditEntry>> {
    ctx.viewer.require_admin()?;
    // The caller asks for one more row than it shows, to know whether a next page exists.
    if !(1..=MAX_PAGE + 1).contains(&first) {
        return Err(DomainError::invalid(
            "first",
            format!("first must be between 0 and {MAX_PAGE}"),
        ));
    }
    let mut conn = ctx.state.pool.get().await?;
    Ok(AuditEntry::page(&mut conn, filter, before, first).await?)
}
