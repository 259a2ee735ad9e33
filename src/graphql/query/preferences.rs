use async_graphql::{Context, Object};

use crate::graphql::context::request_ctx;
use crate::graphql::error::GqlResult;
use crate::graphql::types::preferences::{NotificationPreference, preferences};
use crate::services::preferences as service;

#[derive(Default)]
pub struct PreferencesQuery;

#[Object]
impl PreferencesQuery {
    /// The caller's notification emails and whether each is on.
    async fn notification_preferences(
        &self,
        ctx: &Context<'_>,
    ) -> GqlResult<Vec<NotificationPreference>> {
        Ok(preferences(service::of_viewer(request_ctx(ctx)?).await?))
    }
}
