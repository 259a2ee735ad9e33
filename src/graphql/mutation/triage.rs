use async_graphql::{Context, Object};

use crate::graphql::context::request_ctx;
use crate::graphql::error::GqlResult;
use crate::graphql::guards::RoleGuard;
use crate::graphql::types::triage_model::TriageRetraining;
use crate::services::triage_learning;

#[derive(Default)]
pub struct TriageMutation;

#[Object]
impl TriageMutation {
    /// Admins: retrains triage now on the shipped corpus plus every staff correction (as
    /// the daily job does); the candidate replaces the active model only if it scores at
    /// least as well on the held-out set plus the recent corrections.
    #[graphql(guard = "RoleGuard::admin()")]
    async fn retrain_triage_model(&self, ctx: &Context<'_>) -> GqlResult<TriageRetraining> {
        Ok(triage_learning::retrain_now(request_ctx(ctx)?)
            .await?
            .into())
    }
}
