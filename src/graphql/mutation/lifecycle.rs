use async_graphql::{Context, ID, Object};

use crate::graphql::context::{parse_uuid, request_ctx};
use crate::graphql::error::GqlResult;
use crate::graphql::types::ticket::TicketObject;
use crate::graphql::types::tracking::TrackedTicket;
use crate::services::lifecycle::{self, Answer};

/// The requester's answer to a resolution.
#[derive(Default)]
pub struct LifecycleMutation;

#[Object]
impl LifecycleMutation {
    /// The requester accepts the resolution of their RESOLVED ticket: it closes.
    async fn confirm_resolution(
        &self,
        ctx: &Context<'_>,
        ticket_id: ID,
    ) -> GqlResult<TicketObject> {
        let id = parse_uuid("ticketId", &ticket_id)?;
        Ok(TicketObject(
            lifecycle::answer(request_ctx(ctx)?, id, Answer::Confirm).await?,
        ))
    }

    /// The requester reopens their RESOLVED ticket (within DESKQL_REOPEN_DAYS of the
    /// resolution): it goes back to IN_PROGRESS.
    async fn reopen_ticket(&self, ctx: &Context<'_>, ticket_id: ID) -> GqlResult<TicketObject> {
        let id = parse_uuid("ticketId", &ticket_id)?;
        Ok(TicketObject(
            lifecycle::answer(request_ctx(ctx)?, id, Answer::Reopen).await?,
        ))
    }

    /// `confirmResolution` for a guest, through their tracking link.
    async fn confirm_resolution_as_guest(
        &self,
        ctx: &Context<'_>,
        tracking_token: String,
    ) -> GqlResult<TrackedTicket> {
        let ticket =
            lifecycle::answer_as_guest(request_ctx(ctx)?, &tracking_token, Answer::Confirm).await?;
        Ok(TrackedTicket(ticket))
    }

    /// `reopenTicket` for a guest, through their tracking link.
    async fn reopen_ticket_as_guest(
        &self,
        ctx: &Context<'_>,
        tracking_token: String,
    ) -> GqlResult<TrackedTicket> {
        let ticket =
            lifecycle::answer_as_guest(request_ctx(ctx)?, &tracking_token, Answer::Reopen).await?;
        Ok(TrackedTicket(ticket))
    }
}
