use async_graphql::{Context, Object};

use crate::graphql::context::request_ctx;
use crate::graphql::error::GqlResult;
use crate::graphql::guards::RoleGuard;
use crate::graphql::types::triage_model::TriageModelObject;
use crate::services::triage_learning;

#[derive(Default)]
pub struct TriageQuery;

#[Object]
impl TriageQuery {
    /// Admins: the builtin triage model in use, with its held-out scores.
    #[graphql(guard = "RoleGuard::admin()")]
    async fn triage_model(&self, ctx: &Context<'_>) -> GqlResult<TriageModelObject> {
        Ok(TriageModelObject(
            triage_learning::current(request_ctx(ctx)?).await?,
        ))
    }
}
