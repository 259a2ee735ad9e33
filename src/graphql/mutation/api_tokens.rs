use async_graphql::{Context, ID, Object};

use crate::graphql::context::{parse_uuid, request_ctx};
use crate::graphql::error::GqlResult;
use crate::graphql::guards::RoleGuard;
use crate::graphql::types::api_token::{ApiTokenObject, CreateApiTokenInput, CreatedApiToken};
use crate::services::api_tokens;

#[derive(Default)]
pub struct ApiTokenMutation;

#[Object]
impl ApiTokenMutation {
    /// Staff, signed in (not with another token): a personal API token.
    #[graphql(guard = "RoleGuard::staff()")]
    async fn create_api_token(
        &self,
        ctx: &Context<'_>,
        input: CreateApiTokenInput,
    ) -> GqlResult<CreatedApiToken> {
        let created = api_tokens::create(
            request_ctx(ctx)?,
            &input.name,
            input.scope,
            input.expires_at,
        )
        .await?;
        Ok(CreatedApiToken {
            token: created.token,
            api_token: ApiTokenObject(created.api_token),
        })
    }

    /// Stops the token at once on every instance: your own, or anyone's for an admin.
    async fn revoke_api_token(&self, ctx: &Context<'_>, id: ID) -> GqlResult<ApiTokenObject> {
        let id = parse_uuid("id", &id)?;
        Ok(ApiTokenObject(
            api_tokens::revoke(request_ctx(ctx)?, id).await?,
        ))
    }
}
