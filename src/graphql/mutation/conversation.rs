use async_graphql::{Context, ID, Object, SimpleObject};

use crate::graphql::context::{parse_uuid, request_ctx};
use crate::graphql::error::GqlResult;
use crate::graphql::guards::RoleGuard;
use crate::graphql::types::inputs::{AddTicketMessageInput, GuestReplyInput, HelpArticleInput};
use crate::graphql::types::thread::{HelpArticleObject, TicketMessageObject};
use crate::graphql::types::ticket::TicketObject;
use crate::graphql::types::tracking::TrackedTicket;
use crate::graphql::types::user::UserObject;
use crate::graphql::uploads;
use crate::services::messages::{self, MessageInput, Writer};
use crate::services::{articles, guest_access, verification};

#[derive(SimpleObject)]
pub struct AddTicketMessagePayload {
    pub message: TicketMessageObject,
    /// The ticket after the reply (status and `firstResponseAt` may have changed).
    pub ticket: TicketObject,
}

#[derive(SimpleObject)]
pub struct GuestReplyPayload {
    pub message: TicketMessageObject,
    pub ticket: TrackedTicket,
}

#[derive(SimpleObject)]
pub struct VerifyEmailPayload {
    pub user: UserObject,
    /// Guest tickets filed with this address that now belong to the account.
    pub claimed_tickets: i32,
}

#[derive(Default)]
pub struct ConversationMutation;

#[Object]
impl ConversationMutation {
    /// Adds a message to a ticket's thread (the requester or staff; staff may write internal
    /// notes and set the next status). Send it as a multipart request to attach files.
    async fn add_ticket_message(
        &self,
        ctx: &Context<'_>,
        ticket_id: ID,
        input: AddTicketMessageInput,
    ) -> GqlResult<AddTicketMessagePayload> {
        let ticket_id = parse_uuid("ticketId", &ticket_id)?;
        let attachments = uploads::incoming(ctx, input.attachments, None)?;
        let message = MessageInput {
            body: input.body,
            internal: input.internal,
            next_status: input.next_status,
            attachments,
        };
        let (ticket, message) =
            messages::add(request_ctx(ctx)?, Writer::Viewer { ticket_id }, message).await?;
        Ok(AddTicketMessagePayload {
            message: TicketMessageObject(message),
            ticket: TicketObject(ticket),
        })
    }

    /// A guest replies through their tracking link (same limits and file rules as intake).
    async fn reply_as_guest(
        &self,
        ctx: &Context<'_>,
        tracking_token: String,
        input: GuestReplyInput,
    ) -> GqlResult<GuestReplyPayload> {
        let attachments = uploads::incoming(ctx, input.attachments, None)?;
        let message = MessageInput {
            body: input.body,
            internal: false,
            next_status: None,
            attachments,
        };
        let writer = Writer::Guest {
            token: &tracking_token,
        };
        let (ticket, message) = messages::add(request_ctx(ctx)?, writer, message).await?;
        Ok(GuestReplyPayload {
            message: TicketMessageObject(message),
            ticket: TrackedTicket(ticket),
        })
    }

    /// Staff: revokes every tracking link of a ticket; returns how many were live.
    #[graphql(guard = "RoleGuard::staff()")]
    async fn revoke_tracking_links(&self, ctx: &Context<'_>, ticket_id: ID) -> GqlResult<i32> {
        let ticket_id = parse_uuid("ticketId", &ticket_id)?;
        Ok(guest_access::revoke(request_ctx(ctx)?, ticket_id).await?)
    }

    /// Follows an email verification link: the address is verified and guest tickets filed
    /// with it join the account.
    async fn verify_email(
        &self,
        ctx: &Context<'_>,
        token: String,
    ) -> GqlResult<VerifyEmailPayload> {
        let verified = verification::verify(request_ctx(ctx)?, &token).await?;
        Ok(VerifyEmailPayload {
            user: UserObject::signed_in(verified.user),
            claimed_tickets: i32::try_from(verified.claimed_tickets).unwrap_or(i32::MAX),
        })
    }

    /// Sends the signed-in user a new verification link (5 per hour).
    async fn resend_verification_email(&self, ctx: &Context<'_>) -> GqlResult<bool> {
        verification::resend(request_ctx(ctx)?).await?;
        Ok(true)
    }

    /// Admin: writes a help article (a draft unless `published`).
    #[graphql(guard = "RoleGuard::admin()")]
    async fn create_help_article(
        &self,
        ctx: &Context<'_>,
        input: HelpArticleInput,
    ) -> GqlResult<HelpArticleObject> {
        Ok(HelpArticleObject(
            articles::create(request_ctx(ctx)?, input.into()).await?,
        ))
    }

    #[graphql(guard = "RoleGuard::admin()")]
    async fn update_help_article(
        &self,
        ctx: &Context<'_>,
        id: ID,
        input: HelpArticleInput,
    ) -> GqlResult<HelpArticleObject> {
        let id = parse_uuid("id", &id)?;
        Ok(HelpArticleObject(
            articles::update(request_ctx(ctx)?, id, input.into()).await?,
        ))
    }

    #[graphql(guard = "RoleGuard::admin()")]
    async fn delete_help_article(&self, ctx: &Context<'_>, id: ID) -> GqlResult<bool> {
        let id = parse_uuid("id", &id)?;
        articles::delete(request_ctx(ctx)?, id).await?;
        Ok(true)
    }

    /// Staff: links a help article to a ticket (the requester sees published ones).
    #[graphql(guard = "RoleGuard::staff()")]
    async fn link_help_article(
        &self,
        ctx: &Context<'_>,
        ticket_id: ID,
        article_id: ID,
    ) -> GqlResult<TicketObject> {
        let ticket_id = parse_uuid("ticketId", &ticket_id)?;
        let article_id = parse_uuid("articleId", &article_id)?;
        Ok(TicketObject(
            articles::set_link(request_ctx(ctx)?, ticket_id, article_id, true).await?,
        ))
    }

    #[graphql(guard = "RoleGuard::staff()")]
    async fn unlink_help_article(
        &self,
        ctx: &Context<'_>,
        ticket_id: ID,
        article_id: ID,
    ) -> GqlResult<TicketObject> {
        let ticket_id = parse_uuid("ticketId", &ticket_id)?;
        let article_id = parse_uuid("articleId", &article_id)?;
        Ok(TicketObject(
            articles::set_link(request_ctx(ctx)?, ticket_id, article_id, false).await?,
        ))
    }
}
