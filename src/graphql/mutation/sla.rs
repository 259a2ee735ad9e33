use async_graphql::{Context, ID, Object};

use crate::graphql::context::{parse_uuid, request_ctx};
use crate::graphql::error::GqlResult;
use crate::graphql::guards::RoleGuard;
use crate::graphql::types::sla::{
    BusinessCalendarInput, BusinessCalendarObject, SlaPolicyInput, SlaPolicyObject,
};
use crate::services::sla::admin;

/// Admins' SLA settings. Every change re-applies the rules to open tickets in the background.
#[derive(Default)]
pub struct SlaMutation;

#[Object]
impl SlaMutation {
    /// Admin: creates or replaces the policy for a priority (and optionally a category).
    #[graphql(guard = "RoleGuard::admin()")]
    async fn upsert_sla_policy(
        &self,
        ctx: &Context<'_>,
        input: SlaPolicyInput,
    ) -> GqlResult<SlaPolicyObject> {
        let input = input.into_service()?;
        Ok(SlaPolicyObject(
            admin::upsert_policy(request_ctx(ctx)?, input).await?,
        ))
    }

    /// Admin: tickets it covered run without targets from now on (breaches stay recorded).
    #[graphql(guard = "RoleGuard::admin()")]
    async fn delete_sla_policy(&self, ctx: &Context<'_>, id: ID) -> GqlResult<bool> {
        let id = parse_uuid("id", &id)?;
        Ok(admin::delete_policy(request_ctx(ctx)?, id).await?)
    }

    /// Admin: creates or replaces a business calendar.
    #[graphql(guard = "RoleGuard::admin()")]
    async fn upsert_business_calendar(
        &self,
        ctx: &Context<'_>,
        input: BusinessCalendarInput,
    ) -> GqlResult<BusinessCalendarObject> {
        let input = input.into_service()?;
        Ok(BusinessCalendarObject(
            admin::upsert_calendar(request_ctx(ctx)?, input).await?,
        ))
    }

    /// Admin: a calendar a policy names cannot be deleted (CONFLICT).
    #[graphql(guard = "RoleGuard::admin()")]
    async fn delete_business_calendar(&self, ctx: &Context<'_>, id: ID) -> GqlResult<bool> {
        let id = parse_uuid("id", &id)?;
        Ok(admin::delete_calendar(request_ctx(ctx)?, id).await?)
    }
}
