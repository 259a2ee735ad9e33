use async_graphql::{Context, Object};

use crate::graphql::context::request_ctx;
use crate::graphql::error::GqlResult;
use crate::graphql::guards::RoleGuard;
use crate::graphql::types::tag::TagObject;
use crate::services::tags;

#[derive(Default)]
pub struct TagQuery;

#[Object]
impl TagQuery {
    /// Staff: every tag in use, most open tickets first.
    #[graphql(guard = "RoleGuard::staff()")]
    async fn tags(&self, ctx: &Context<'_>) -> GqlResult<Vec<TagObject>> {
        let counts = tags::list(request_ctx(ctx)?).await?;
        Ok(counts.into_iter().map(Into::into).collect())
    }
}
