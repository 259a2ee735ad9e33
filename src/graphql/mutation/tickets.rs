use async_graphql::{Context, ID, Object};

use crate::graphql::context::{parse_uuid, request_ctx};
use crate::graphql::error::GqlResult;
use crate::graphql::guards::RoleGuard;
use crate::graphql::types::inputs::{
    AssignTicketInput, CreateTicketInput, CreateTicketOnBehalfInput, GuestTicketInput,
    UpdateTicketInput,
};
use crate::graphql::types::ticket::{GuestTicketReceipt, TicketObject};
use crate::graphql::uploads;
use crate::services::intake::{self, GuestContact, OnBehalf, TicketDraft};
use crate::services::tickets::{self, TicketUpdate};

#[derive(Default)]
pub struct TicketMutation;

#[Object]
impl TicketMutation {
    /// Files a ticket as the signed-in user. Send it as a multipart request to attach files
    /// and a screenshot.
    async fn create_ticket(
        &self,
        ctx: &Context<'_>,
        input: CreateTicketInput,
    ) -> GqlResult<TicketObject> {
        let files = uploads::incoming(ctx, input.attachments, input.screenshot)?;
        let draft = TicketDraft {
            title: input.title,
            description: input.description,
            priority: input.priority,
            category: input.category,
            page_url: input.page_url,
            browser_info: input.browser_info,
        };
        Ok(TicketObject(
            intake::create(request_ctx(ctx)?, draft, files).await?,
        ))
    }

    /// Public intake without an account; limited per email and per IP per hour. The receipt
    /// carries the tracking token (also emailed as a link).
    async fn submit_guest_ticket(
        &self,
        ctx: &Context<'_>,
        input: GuestTicketInput,
    ) -> GqlResult<GuestTicketReceipt> {
        let files = uploads::incoming(ctx, input.attachments, input.screenshot)?;
        let contact = GuestContact {
            email: input.customer_email,
            name: input.customer_name,
        };
        let draft = TicketDraft {
            title: input.title,
            description: input.description,
            priority: input.priority,
            category: input.category,
            page_url: input.page_url,
            browser_info: input.browser_info,
        };
        let receipt = intake::submit_guest(request_ctx(ctx)?, contact, draft, files).await?;
        Ok(GuestTicketReceipt {
            id: ID(receipt.ticket.id.to_string()),
            number: receipt.ticket.number,
            tracking_token: receipt.tracking_token,
        })
    }

    /// Staff: files a ticket for a customer, linked to their account if one exists.
    #[graphql(guard = "RoleGuard::staff()")]
    async fn create_ticket_on_behalf(
        &self,
        ctx: &Context<'_>,
        input: CreateTicketOnBehalfInput,
    ) -> GqlResult<TicketObject> {
        let customer = OnBehalf {
            customer_email: input.customer_email,
            customer_name: input.customer_name,
            source: input.source,
        };
        let draft = TicketDraft {
            title: input.title,
            description: input.description,
            priority: input.priority,
            category: input.category,
            page_url: None,
            browser_info: None,
        };
        Ok(TicketObject(
            intake::create_on_behalf(request_ctx(ctx)?, customer, draft).await?,
        ))
    }

    /// Staff: edits a ticket; status changes follow the workflow.
    #[graphql(guard = "RoleGuard::staff()")]
    async fn update_ticket(
        &self,
        ctx: &Context<'_>,
        id: ID,
        input: UpdateTicketInput,
    ) -> GqlResult<TicketObject> {
        let id = parse_uuid("id", &id)?;
        let update = TicketUpdate {
            title: input.title,
            status: input.status,
            priority: input.priority,
            category: input.category,
            helpful_notes: match input.helpful_notes {
                async_graphql::MaybeUndefined::Undefined => None,
                async_graphql::MaybeUndefined::Null => Some(None),
                async_graphql::MaybeUndefined::Value(notes) => Some(Some(notes)),
            },
            related_skills: input.related_skills,
            expected_version: input.expected_version,
        };
        Ok(TicketObject(
            tickets::update(request_ctx(ctx)?, id, update).await?,
        ))
    }

    /// Staff: sets or clears the assignee (an active moderator or admin).
    #[graphql(guard = "RoleGuard::staff()")]
    async fn assign_ticket(
        &self,
        ctx: &Context<'_>,
        id: ID,
        input: AssignTicketInput,
    ) -> GqlResult<TicketObject> {
        let id = parse_uuid("id", &id)?;
        let assignee = input
            .assignee_id
            .map(|a| parse_uuid("assigneeId", &a))
            .transpose()?;
        Ok(TicketObject(
            tickets::assign(request_ctx(ctx)?, id, assignee).await?,
        ))
    }

    /// Staff: moves a ticket to the trash.
    #[graphql(guard = "RoleGuard::staff()")]
    async fn delete_ticket(&self, ctx: &Context<'_>, id: ID) -> GqlResult<bool> {
        let id = parse_uuid("id", &id)?;
        tickets::delete(request_ctx(ctx)?, id).await?;
        Ok(true)
    }

    /// Admin: brings a ticket back from the trash.
    #[graphql(guard = "RoleGuard::admin()")]
    async fn restore_ticket(&self, ctx: &Context<'_>, id: ID) -> GqlResult<TicketObject> {
        let id = parse_uuid("id", &id)?;
        Ok(TicketObject(tickets::restore(request_ctx(ctx)?, id).await?))
    }
}
