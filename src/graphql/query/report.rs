use async_graphql::{Context, Object};

use crate::graphql::context::request_ctx;
use crate::graphql::error::GqlResult;
use crate::graphql::guards::RoleGuard;
use crate::graphql::types::report::{TicketStatsInput, TicketStatsObject};
use crate::graphql::types::ticket_connection::to_filter;
use crate::services::reports::{self, StatsRequest};

#[derive(Default)]
pub struct ReportQuery;

#[Object]
impl ReportQuery {
    /// Staff: numbers over the tickets filed in a period. Admins see every ticket,
    /// moderators the tickets assigned to them.
    #[graphql(guard = "RoleGuard::staff()")]
    async fn ticket_stats(
        &self,
        ctx: &Context<'_>,
        input: TicketStatsInput,
    ) -> GqlResult<TicketStatsObject> {
        let request = request_ctx(ctx)?;
        let filter = to_filter(request, input.filter.unwrap_or_default()).await?;
        let stats = StatsRequest {
            from: input.from,
            to: input.to,
            time_zone: input.time_zone,
            bucket: input.bucket,
            filter,
        };
        Ok(TicketStatsObject(
            reports::ticket_stats(request, stats).await?,
        ))
    }
}
