use async_graphql::{Context, ID, Object};

use crate::graphql::context::{parse_uuid, request_ctx};
use crate::graphql::error::GqlResult;
use crate::graphql::guards::RoleGuard;
use crate::graphql::types::webhook::{WebhookDeliveryObject, WebhookEndpointObject};
use crate::services::webhooks;

#[derive(Default)]
pub struct WebhookQuery;

#[Object]
impl WebhookQuery {
    /// Admins: every webhook endpoint, oldest first.
    #[graphql(guard = "RoleGuard::admin()")]
    async fn webhook_endpoints(&self, ctx: &Context<'_>) -> GqlResult<Vec<WebhookEndpointObject>> {
        let endpoints = webhooks::list(request_ctx(ctx)?).await?;
        Ok(endpoints.into_iter().map(WebhookEndpointObject).collect())
    }

    /// Admins: an endpoint's deliveries, newest first, each with its attempts (1–200).
    #[graphql(guard = "RoleGuard::admin()")]
    async fn webhook_deliveries(
        &self,
        ctx: &Context<'_>,
        endpoint_id: ID,
        #[graphql(default_with = "Some(50)")] first: Option<i32>,
    ) -> GqlResult<Vec<WebhookDeliveryObject>> {
        // Omitted, or null from an unset variable: the documented default.
        let first = first.unwrap_or(50);
        let endpoint_id = parse_uuid("endpointId", &endpoint_id)?;
        let deliveries = webhooks::deliveries(request_ctx(ctx)?, endpoint_id, first).await?;
        Ok(deliveries.into_iter().map(Into::into).collect())
    }
}
