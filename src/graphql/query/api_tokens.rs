use async_graphql::{Context, ID, Object};

use crate::graphql::context::{parse_uuid, request_ctx};
use crate::graphql::error::GqlResult;
use crate::graphql::guards::RoleGuard;
use crate::graphql::types::api_token::ApiTokenObject;
use crate::services::api_tokens;

#[derive(Default)]
pub struct ApiTokenQuery;

#[Object]
impl ApiTokenQuery {
    /// Staff: your API tokens, newest first; an admin may pass another user's id.
    #[graphql(guard = "RoleGuard::staff()")]
    async fn api_tokens(
        &self,
        ctx: &Context<'_>,
        user_id: Option<ID>,
    ) -> GqlResult<Vec<ApiTokenObject>> {
        let user_id = user_id
            .as_ref()
            .map(|id| parse_uuid("userId", id))
            .transpose()?;
        let tokens = api_tokens::list(request_ctx(ctx)?, user_id).await?;
        Ok(tokens.into_iter().map(ApiTokenObject).collect())
    }
}
