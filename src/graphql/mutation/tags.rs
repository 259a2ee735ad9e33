use async_graphql::{Context, ID, Object};

use crate::graphql::context::{parse_uuid, request_ctx};
use crate::graphql::error::GqlResult;
use crate::graphql::guards::RoleGuard;
use crate::graphql::types::tag::TagObject;
use crate::graphql::types::ticket::TicketObject;
use crate::services::tags::{self, TagChange};

#[derive(Default)]
pub struct TagMutation;

#[Object]
impl TagMutation {
    /// Staff: tags a ticket. Tags are normalised to slugs ("Billing Issue" → `billing-issue`);
    /// a ticket carries at most 20. A change records a staff-only TAGGED event.
    #[graphql(guard = "RoleGuard::staff()")]
    async fn add_ticket_tags(
        &self,
        ctx: &Context<'_>,
        ticket_id: ID,
        tags: Vec<String>,
    ) -> GqlResult<TicketObject> {
        let id = parse_uuid("ticketId", &ticket_id)?;
        let (ticket, _) = tags::change(request_ctx(ctx)?, id, &tags, TagChange::Add).await?;
        Ok(TicketObject(ticket))
    }

    /// Staff: removes tags from a ticket (tags it does not carry are ignored).
    #[graphql(guard = "RoleGuard::staff()")]
    async fn remove_ticket_tags(
        &self,
        ctx: &Context<'_>,
        ticket_id: ID,
        tags: Vec<String>,
    ) -> GqlResult<TicketObject> {
        let id = parse_uuid("ticketId", &ticket_id)?;
        let (ticket, _) = tags::change(request_ctx(ctx)?, id, &tags, TagChange::Remove).await?;
        Ok(TicketObject(ticket))
    }

    /// Admins: renames a tag on every ticket. CONFLICT when the new name is in use (merge
    /// instead); NOT_FOUND when no ticket carries the old one.
    #[graphql(guard = "RoleGuard::admin()")]
    async fn rename_tag(
        &self,
        ctx: &Context<'_>,
        from: String,
        to: String,
    ) -> GqlResult<TagObject> {
        Ok(tags::rename(request_ctx(ctx)?, &from, &to, false)
            .await?
            .into())
    }

    /// Admins: merges `source` into `target`: every ticket tagged `source` carries `target`
    /// instead, and `source` disappears.
    #[graphql(guard = "RoleGuard::admin()")]
    async fn merge_tags(
        &self,
        ctx: &Context<'_>,
        source: String,
        target: String,
    ) -> GqlResult<TagObject> {
        Ok(tags::rename(request_ctx(ctx)?, &source, &target, true)
            .await?
            .into())
    }
}
