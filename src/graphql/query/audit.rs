use async_graphql::{Context, Object};

use crate::db::models::audit::AuditFilter;
use crate::domain::DomainError;
use crate::graphql::context::{parse_uuid, request_ctx};
use crate::graphql::error::GqlResult;
use crate::graphql::guards::RoleGuard;
use crate::graphql::types::audit::{AuditConnection, AuditFilterInput, connection};
use crate::services::audit;

#[derive(Default)]
pub struct AuditQuery;

#[Object]
impl AuditQuery {
    /// Admins: the audit trail, newest first (1–100 per page).
    #[graphql(guard = "RoleGuard::admin()")]
    async fn audit_log(
        &self,
        ctx: &Context<'_>,
        filter: Option<AuditFilterInput>,
        #[graphql(default_with = "Some(50)")] first: Option<i32>,
        after: Option<String>,
    ) -> GqlResult<AuditConnection> {
        // Omitted, or null from an unset variable: the documented default.
        let first = first.unwrap_or(50);
        let input = filter.unwrap_or_default();
        let filter = AuditFilter {
            action: input
                .action
                .map(|a| a.trim().to_owned())
                .filter(|a| !a.is_empty()),
            actor_id: input
                .actor_id
                .map(|id| parse_uuid("actorId", &id))
                .transpose()?,
            target: input.target,
        };
        let before = after
            .as_deref()
            .map(|cursor| {
                cursor
                    .parse::<i64>()
                    .map_err(|_| DomainError::invalid("after", "after is not a cursor of auditLog"))
            })
            .transpose()?;
        let rows = audit::list(request_ctx(ctx)?, &filter, before, i64::from(first) + 1).await?;
        Ok(connection(rows, first.max(0) as usize, before.is_some()))
    }
}
