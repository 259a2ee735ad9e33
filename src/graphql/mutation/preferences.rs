use async_graphql::{Context, Object};

use crate::graphql::context::request_ctx;
use crate::graphql::error::GqlResult;
use crate::graphql::types::preferences::{NotificationPreference, preferences};
use crate::services::preferences as service;

#[derive(Default)]
pub struct PreferencesMutation;

#[Object]
impl PreferencesMutation {
    /// Switches kinds of notification email on or off for the caller's address (every kind is
    /// on until switched off; VERIFY_EMAIL cannot be). Returns every setting.
    async fn update_notification_preferences(
        &self,
        ctx: &Context<'_>,
        input: Vec<NotificationPreference>,
    ) -> GqlResult<Vec<NotificationPreference>> {
        let changes = input.into_iter().map(|p| (p.kind, p.enabled)).collect();
        Ok(preferences(
            service::update(request_ctx(ctx)?, changes).await?,
        ))
    }
}
