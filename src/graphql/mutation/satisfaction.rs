use async_graphql::{Context, ID, Object};

use crate::graphql::context::{parse_uuid, request_ctx};
use crate::graphql::error::GqlResult;
use crate::graphql::types::satisfaction::{RatingInputObject, SatisfactionObject};
use crate::services::satisfaction;

#[derive(Default)]
pub struct SatisfactionMutation;

#[Object]
impl SatisfactionMutation {
    /// The requester rates the resolution of their RESOLVED (or CLOSED) ticket; calling it
    /// again within 7 days changes the rating.
    async fn rate_ticket(
        &self,
        ctx: &Context<'_>,
        ticket_id: ID,
        input: RatingInputObject,
    ) -> GqlResult<SatisfactionObject> {
        let ticket_id = parse_uuid("ticketId", &ticket_id)?;
        let rating = satisfaction::rate(request_ctx(ctx)?, ticket_id, input.into()).await?;
        Ok(SatisfactionObject(rating))
    }

    /// A guest rates through their tracking link, with the same rules.
    async fn rate_ticket_as_guest(
        &self,
        ctx: &Context<'_>,
        tracking_token: String,
        input: RatingInputObject,
    ) -> GqlResult<SatisfactionObject> {
        let rating =
            satisfaction::rate_as_guest(request_ctx(ctx)?, &tracking_token, input.into()).await?;
        Ok(SatisfactionObject(rating))
    }
}
