use async_graphql::{Context, Object};

use crate::graphql::context::request_ctx;
use crate::graphql::error::GqlResult;
use crate::graphql::guards::RoleGuard;
use crate::graphql::types::sla::{BusinessCalendarObject, SlaPolicyObject};
use crate::services::sla::admin;

/// Admins' SLA settings.
#[derive(Default)]
pub struct SlaQuery;

#[Object]
impl SlaQuery {
    /// Admin: every SLA policy, by priority.
    #[graphql(guard = "RoleGuard::admin()")]
    async fn sla_policies(&self, ctx: &Context<'_>) -> GqlResult<Vec<SlaPolicyObject>> {
        let policies = admin::policies(request_ctx(ctx)?).await?;
        Ok(policies.into_iter().map(SlaPolicyObject).collect())
    }

    /// Admin: every business calendar, by name.
    #[graphql(guard = "RoleGuard::admin()")]
    async fn business_calendars(
        &self,
        ctx: &Context<'_>,
    ) -> GqlResult<Vec<BusinessCalendarObject>> {
        let calendars = admin::calendars(request_ctx(ctx)?).await?;
        Ok(calendars.into_iter().map(BusinessCalendarObject).collect())
    }
}
