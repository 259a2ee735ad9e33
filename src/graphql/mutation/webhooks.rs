use async_graphql::{Context, ID, Object};

use crate::graphql::context::{parse_uuid, request_ctx};
use crate::graphql::error::GqlResult;
use crate::graphql::guards::RoleGuard;
use crate::graphql::types::webhook::{
    CreateWebhookEndpointInput, UpdateWebhookEndpointInput, WebhookDeliveryObject,
    WebhookEndpointObject, WebhookEndpointWithSecret,
};
use crate::services::webhooks;

#[derive(Default)]
pub struct WebhookMutation;

#[Object]
impl WebhookMutation {
    /// Admins: registers an endpoint; the signing secret is in the answer, and only there.
    #[graphql(guard = "RoleGuard::admin()")]
    async fn create_webhook_endpoint(
        &self,
        ctx: &Context<'_>,
        input: CreateWebhookEndpointInput,
    ) -> GqlResult<WebhookEndpointWithSecret> {
        Ok(webhooks::create(request_ctx(ctx)?, input.into())
            .await?
            .into())
    }

    #[graphql(guard = "RoleGuard::admin()")]
    async fn update_webhook_endpoint(
        &self,
        ctx: &Context<'_>,
        id: ID,
        input: UpdateWebhookEndpointInput,
    ) -> GqlResult<WebhookEndpointObject> {
        let id = parse_uuid("id", &id)?;
        Ok(WebhookEndpointObject(
            webhooks::update(request_ctx(ctx)?, id, input.into()).await?,
        ))
    }

    /// Admins: a new secret, shown once. For `graceMinutes` (0–10080, default a day)
    /// requests carry signatures with both the old and the new secret.
    #[graphql(guard = "RoleGuard::admin()")]
    async fn rotate_webhook_secret(
        &self,
        ctx: &Context<'_>,
        id: ID,
        #[graphql(default_with = "Some(1440)")] grace_minutes: Option<i32>,
    ) -> GqlResult<WebhookEndpointWithSecret> {
        // Omitted, or null from an unset variable: the documented default.
        let grace_minutes = grace_minutes.unwrap_or(1440);
        let id = parse_uuid("id", &id)?;
        Ok(
            webhooks::rotate_secret(request_ctx(ctx)?, id, grace_minutes)
                .await?
                .into(),
        )
    }

    /// Admins: removes the endpoint and its delivery log. Answers the id.
    #[graphql(guard = "RoleGuard::admin()")]
    async fn delete_webhook_endpoint(&self, ctx: &Context<'_>, id: ID) -> GqlResult<ID> {
        let uuid = parse_uuid("id", &id)?;
        webhooks::delete(request_ctx(ctx)?, uuid).await?;
        Ok(id)
    }

    /// Admins: sends a delivery again now, with its `webhook-id` and body.
    #[graphql(guard = "RoleGuard::admin()")]
    async fn redeliver_webhook(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> GqlResult<WebhookDeliveryObject> {
        let id = parse_uuid("id", &id)?;
        let delivery = webhooks::redeliver(request_ctx(ctx)?, id).await?;
        Ok(WebhookDeliveryObject {
            delivery,
            attempts: Vec::new(),
        })
    }
}
