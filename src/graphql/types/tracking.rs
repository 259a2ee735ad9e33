//! What a guest sees through a tracking link: the ticket's public face and thread, nothing
//! about staff, triage or other tickets.

use async_graphql::{Context, Object};
use chrono::{DateTime, Utc};

use crate::db::models::message::ThreadView;
use crate::db::models::ticket::Ticket;
use crate::domain::ticket::{TicketPriority, TicketStatus};
use crate::graphql::error::GqlResult;
use crate::graphql::loaders::{CategoryId, Loaders};
use crate::graphql::types::category::CategoryObject;
use crate::graphql::types::thread::{
    AttachmentObject, HelpArticleObject, MessageConnection, message_page, ticket_articles,
    ticket_attachments,
};

pub struct TrackedTicket(pub Ticket);

#[Object]
impl TrackedTicket {
    async fn number(&self) -> &str {
        &self.0.number
    }

    async fn title(&self) -> &str {
        &self.0.title
    }

    async fn description(&self) -> &str {
        &self.0.description
    }

    async fn status(&self) -> TicketStatus {
        self.0.status
    }

    async fn priority(&self) -> TicketPriority {
        self.0.priority
    }

    async fn category(&self, ctx: &Context<'_>) -> GqlResult<Option<CategoryObject>> {
        Ok(ctx
            .data::<Loaders>()?
            .load_one(CategoryId(self.0.category_id))
            .await?
            .map(CategoryObject))
    }

    async fn requester_name(&self) -> &str {
        &self.0.requester_name
    }

    /// The guest's own rating of the latest rated resolution.
    async fn satisfaction(
        &self,
        ctx: &Context<'_>,
    ) -> GqlResult<Option<crate::graphql::types::satisfaction::SatisfactionObject>> {
        crate::graphql::types::satisfaction::latest(ctx, self.0.id).await
    }

    /// The public thread (internal notes are never part of it).
    async fn messages(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> GqlResult<MessageConnection> {
        let view = ThreadView {
            ticket_id: self.0.id,
            include_internal: false,
        };
        message_page(ctx, view, first, after).await
    }

    async fn attachments(&self, ctx: &Context<'_>) -> GqlResult<Vec<AttachmentObject>> {
        ticket_attachments(ctx, self.0.id).await
    }

    async fn help_articles(&self, ctx: &Context<'_>) -> GqlResult<Vec<HelpArticleObject>> {
        ticket_articles(ctx, self.0.id, false).await
    }

    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }

    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }

    async fn first_response_at(&self) -> Option<DateTime<Utc>> {
        self.0.first_response_at
    }

    async fn resolved_at(&self) -> Option<DateTime<Utc>> {
        self.0.resolved_at
    }

    async fn closed_at(&self) -> Option<DateTime<Utc>> {
        self.0.closed_at
    }
}
