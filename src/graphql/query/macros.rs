use async_graphql::{Context, ID, Object};

use crate::graphql::context::{parse_uuid, request_ctx};
use crate::graphql::error::GqlResult;
use crate::graphql::guards::RoleGuard;
use crate::graphql::types::macros::{MacroObject, MacroPreviewObject};
use crate::services::macros;

#[derive(Default)]
pub struct MacroQuery;

#[Object]
impl MacroQuery {
    /// Staff: the shared macros, then yours, by name.
    #[graphql(guard = "RoleGuard::staff()")]
    async fn macros(&self, ctx: &Context<'_>) -> GqlResult<Vec<MacroObject>> {
        let list = macros::list(request_ctx(ctx)?).await?;
        Ok(list.into_iter().map(MacroObject).collect())
    }

    /// Staff: the macro rendered for the ticket and what its actions would change. Writes
    /// nothing.
    #[graphql(guard = "RoleGuard::staff()")]
    async fn preview_macro(
        &self,
        ctx: &Context<'_>,
        ticket_id: ID,
        macro_id: ID,
    ) -> GqlResult<MacroPreviewObject> {
        let preview = macros::preview(
            request_ctx(ctx)?,
            parse_uuid("ticketId", &ticket_id)?,
            parse_uuid("macroId", &macro_id)?,
        )
        .await?;
        Ok(MacroPreviewObject(preview))
    }
}
