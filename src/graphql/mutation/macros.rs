use async_graphql::{Context, ID, Object};

use crate::graphql::context::{parse_uuid, request_ctx};
use crate::graphql::error::GqlResult;
use crate::graphql::guards::RoleGuard;
use crate::graphql::types::macros::{AppliedMacro, ApplyMacroInput, MacroInput, MacroObject};
use crate::graphql::types::thread::TicketMessageObject;
use crate::graphql::types::ticket::TicketObject;
use crate::services::macros;

#[derive(Default)]
pub struct MacroMutation;

#[Object]
impl MacroMutation {
    /// Staff: saves a macro (shared ones: admins). CONFLICT when you already have one of
    /// that name.
    #[graphql(guard = "RoleGuard::staff()")]
    async fn create_macro(&self, ctx: &Context<'_>, input: MacroInput) -> GqlResult<MacroObject> {
        Ok(MacroObject(
            macros::create(request_ctx(ctx)?, input.into()).await?,
        ))
    }

    /// Replaces a macro (yours, or a shared one if you are an admin).
    #[graphql(guard = "RoleGuard::staff()")]
    async fn update_macro(
        &self,
        ctx: &Context<'_>,
        id: ID,
        input: MacroInput,
    ) -> GqlResult<MacroObject> {
        let id = parse_uuid("id", &id)?;
        Ok(MacroObject(
            macros::update(request_ctx(ctx)?, id, input.into()).await?,
        ))
    }

    /// Deletes a macro (yours, or a shared one if you are an admin). Answers true.
    #[graphql(guard = "RoleGuard::staff()")]
    async fn delete_macro(&self, ctx: &Context<'_>, id: ID) -> GqlResult<bool> {
        macros::delete(request_ctx(ctx)?, parse_uuid("id", &id)?).await?;
        Ok(true)
    }

    /// Staff: posts the macro's reply (or `overrideBody`) and runs its actions in one
    /// transaction, under the workflow rules: a refused action (INVALID_TRANSITION, a tag
    /// limit) leaves nothing behind.
    #[graphql(guard = "RoleGuard::staff()")]
    async fn apply_macro(
        &self,
        ctx: &Context<'_>,
        ticket_id: ID,
        macro_id: ID,
        input: Option<ApplyMacroInput>,
    ) -> GqlResult<AppliedMacro> {
        let input = input.unwrap_or_default();
        let (ticket, message) = macros::apply(
            request_ctx(ctx)?,
            parse_uuid("ticketId", &ticket_id)?,
            parse_uuid("macroId", &macro_id)?,
            input.internal,
            input.override_body,
        )
        .await?;
        Ok(AppliedMacro {
            ticket: TicketObject(ticket),
            message: TicketMessageObject(message),
        })
    }
}
