use std::borrow::Cow;

use async_graphql::parser::types::Field;
use async_graphql::registry::Registry;
use async_graphql::resolver_utils::enum_value;
use async_graphql::{
    Context, ContextSelectionSet, ID, Object, OutputType, Positioned, ScalarType, ServerResult,
    SimpleObject, Value,
};
use chrono::{DateTime, Utc};

use crate::db::models::message::ThreadView;
use crate::db::models::ticket::Ticket;
use crate::domain::DomainError;
use crate::domain::assignment::Decision;
use crate::domain::ticket::{PrioritySource, TicketPriority, TicketSource, TicketStatus};
use crate::graphql::context::request_ctx;
use crate::graphql::error::GqlResult;
use crate::graphql::guards::RoleGuard;
use crate::graphql::loaders::{
    CategoryId, ConversationOf, DuplicatesOf, HistoryPage, Loaders, SlaOf, TagsOf, TicketId,
    TriageOf, UserId,
};
use crate::graphql::plain_fields::resolve_object;
use crate::graphql::types::category::CategoryObject;
use crate::graphql::types::duplicate::PossibleDuplicateObject;
use crate::graphql::types::event::TicketEventObject;
use crate::graphql::types::pipeline::{AssignmentReason, ConversationObject, TriageObject};
use crate::graphql::types::satisfaction::{self, SatisfactionObject};
use crate::graphql::types::sla::TicketSlaObject;
use crate::graphql::types::thread::{
    AttachmentObject, HelpArticleObject, MessageConnection, message_page, ticket_articles,
    ticket_attachments,
};
use crate::graphql::types::user::UserObject;
use crate::services::tags;

const MAX_HISTORY_PAGE: i32 = 100;

/// A ticket as GraphQL's `Ticket`: its stored columns are answered directly
/// (`plain_fields`), everything else by [`TicketFields`].
#[derive(Clone)]
pub struct TicketObject(pub Ticket);

impl TicketObject {
    fn plain_field(&self, name: &str) -> Option<Value> {
        let ticket = &self.0;
        Some(match name {
            "id" => Value::String(ticket.id.to_string()),
            "number" => Value::String(ticket.number.clone()),
            "title" => Value::String(ticket.title.clone()),
            "description" => Value::String(ticket.description.clone()),
            "status" => enum_value(ticket.status),
            "priority" => enum_value(ticket.priority),
            "source" => enum_value(ticket.source),
            "summary" => optional_text(ticket.summary.as_deref()),
            "pageUrl" => optional_text(ticket.page_url.as_deref()),
            "createdAt" => ticket.created_at.to_value(),
            "updatedAt" => ticket.updated_at.to_value(),
            "firstResponseAt" => optional_time(ticket.first_response_at),
            "resolvedAt" => optional_time(ticket.resolved_at),
            "closedAt" => optional_time(ticket.closed_at),
            "version" => ticket.version.to_value(),
            _ => return None,
        })
    }
}

impl OutputType for TicketObject {
    fn type_name() -> Cow<'static, str> {
        TicketFields::type_name()
    }

    fn create_type_info(registry: &mut Registry) -> String {
        TicketFields::create_type_info(registry)
    }

    async fn resolve(
        &self,
        ctx: &ContextSelectionSet<'_>,
        _field: &Positioned<Field>,
    ) -> ServerResult<Value> {
        resolve_object(ctx, &TicketFields(&self.0), |name| self.plain_field(name)).await
    }
}

fn optional_text(text: Option<&str>) -> Value {
    text.map_or(Value::Null, |text| Value::String(text.to_owned()))
}

fn optional_time(time: Option<DateTime<Utc>>) -> Value {
    time.map_or(Value::Null, |time| time.to_value())
}

/// The person a ticket is for: an account holder or a guest's contact details.
pub struct Requester<'a>(&'a Ticket);

impl OutputType for Requester<'_> {
    fn type_name() -> Cow<'static, str> {
        RequesterFields::type_name()
    }

    fn create_type_info(registry: &mut Registry) -> String {
        RequesterFields::create_type_info(registry)
    }

    async fn resolve(
        &self,
        ctx: &ContextSelectionSet<'_>,
        _field: &Positioned<Field>,
    ) -> ServerResult<Value> {
        let ticket = self.0;
        resolve_object(ctx, &RequesterFields(ticket), |name| match name {
            "name" => Some(Value::String(ticket.requester_name.clone())),
            "email" => Some(Value::String(ticket.requester_email.clone())),
            _ => None,
        })
        .await
    }
}

/// `Requester`'s fields that are not stored columns (and, for the schema, all of them).
struct RequesterFields<'a>(&'a Ticket);

#[Object(name = "Requester")]
impl RequesterFields<'_> {
    async fn name(&self) -> &str {
        &self.0.requester_name
    }

    async fn email(&self) -> &str {
        &self.0.requester_email
    }

    /// The requester's account, if they have one.
    async fn user(&self, ctx: &Context<'_>) -> GqlResult<Option<UserObject>> {
        load_user(ctx, self.0.requester_id).await
    }
}

pub(crate) async fn load_user(
    ctx: &Context<'_>,
    id: Option<uuid::Uuid>,
) -> GqlResult<Option<UserObject>> {
    match id {
        Some(id) => Ok(ctx
            .data::<Loaders>()?
            .load_one(UserId(id))
            .await?
            .map(UserObject::new)),
        None => Ok(None),
    }
}

/// What a guest gets back: the number to quote and the secret that opens the ticket's
/// public view (`trackTicket`); it is shown once and also emailed as a link.
#[derive(SimpleObject)]
pub struct GuestTicketReceipt {
    pub id: ID,
    pub number: String,
    pub tracking_token: String,
}

/// `Ticket`'s fields that are not stored columns (and, for the schema, all of them).
struct TicketFields<'a>(&'a Ticket);

// Resolvers that run their own queries await them boxed: the future of any field is as
// large as the largest resolver's, and every field of every ticket in a list pays for
// moving it.
#[Object(name = "Ticket")]
impl TicketFields<'_> {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }

    /// Human-friendly number, e.g. `TKT-2026-0042`.
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

    async fn source(&self) -> TicketSource {
        self.0.source
    }

    async fn requester(&self) -> Requester<'_> {
        Requester(self.0)
    }

    async fn created_by(&self, ctx: &Context<'_>) -> GqlResult<Option<UserObject>> {
        load_user(ctx, self.0.created_by_id).await
    }

    async fn assignee(&self, ctx: &Context<'_>) -> GqlResult<Option<UserObject>> {
        load_user(ctx, self.0.assignee_id).await
    }

    /// Short summary (filled by triage).
    async fn summary(&self) -> Option<&str> {
        self.0.summary.as_deref()
    }

    /// Staff-only working notes.
    #[graphql(guard = "RoleGuard::staff()")]
    async fn helpful_notes(&self) -> Option<&str> {
        self.0.helpful_notes.as_deref()
    }

    /// Staff-only: skills the ticket needs.
    #[graphql(guard = "RoleGuard::staff()")]
    async fn related_skills(&self) -> &[String] {
        &self.0.related_skills
    }

    async fn page_url(&self) -> Option<&str> {
        self.0.page_url.as_deref()
    }

    /// Staff-only: who set the priority last (triage may raise a requester's priority, and
    /// never changes one staff set).
    #[graphql(guard = "RoleGuard::staff()")]
    async fn priority_source(&self) -> PrioritySource {
        self.0.priority_source
    }

    /// Staff-only: the ticket's tags, alphabetical.
    #[graphql(guard = "RoleGuard::staff()")]
    async fn tags(&self, ctx: &Context<'_>) -> GqlResult<Vec<String>> {
        Ok(ctx
            .data::<Loaders>()?
            .load_one(TagsOf(self.0.id))
            .await?
            .unwrap_or_default())
    }

    /// The ticket this one was merged into (then it is CLOSED for good and its thread lives
    /// there); null when it was not merged or the viewer cannot see that ticket.
    async fn merged_into(&self, ctx: &Context<'_>) -> GqlResult<Option<TicketObject>> {
        let Some(id) = self.0.merged_into_id else {
            return Ok(None);
        };
        let target = ctx.data::<Loaders>()?.load_one(TicketId(id)).await?;
        let viewer = request_ctx(ctx)?.viewer.principal()?;
        Ok(target
            .filter(|t| viewer.role.is_staff() || t.requester_id == Some(viewer.user_id))
            .map(TicketObject))
    }

    /// Staff-only: open tickets that may be about the same problem, most alike first (the
    /// duplicate detector pairs each new ticket with those of the last 14 days).
    #[graphql(guard = "RoleGuard::staff()")]
    async fn possible_duplicates(
        &self,
        ctx: &Context<'_>,
    ) -> GqlResult<Vec<PossibleDuplicateObject>> {
        Ok(ctx
            .data::<Loaders>()?
            .load_one(DuplicatesOf(self.0.id))
            .await?
            .unwrap_or_default()
            .into_iter()
            .map(PossibleDuplicateObject)
            .collect())
    }

    /// Staff-only: tags this ticket lacks that tickets like it carry (its possible duplicates
    /// first, then recent tickets of its category sharing a skill); at most 5, never applied
    /// by themselves.
    #[graphql(guard = "RoleGuard::staff()")]
    async fn suggested_tags(&self, ctx: &Context<'_>) -> GqlResult<Vec<String>> {
        Ok(Box::pin(tags::suggestions(request_ctx(ctx)?, self.0.id)).await?)
    }

    /// Staff-only: the language the ticket is written in (ISO 639-1, detected by triage);
    /// null until triage ran or when the text was too short to tell.
    #[graphql(guard = "RoleGuard::staff()")]
    async fn language(&self, ctx: &Context<'_>) -> GqlResult<Option<String>> {
        Ok(ctx
            .data::<Loaders>()?
            .load_one(TriageOf(self.0.id))
            .await?
            .and_then(|triage| triage.language))
    }

    /// Staff-only: how the ticket was analysed; null until triage succeeds.
    #[graphql(guard = "RoleGuard::staff()")]
    async fn triage(&self, ctx: &Context<'_>) -> GqlResult<Option<TriageObject>> {
        Ok(ctx
            .data::<Loaders>()?
            .load_one(TriageOf(self.0.id))
            .await?
            .map(TriageObject))
    }

    /// Staff-only: why auto-assignment chose the assignee; null for manual assignment.
    #[graphql(guard = "RoleGuard::staff()")]
    async fn assignment_reason(&self) -> Option<AssignmentReason> {
        let reason = self.0.assignment_reason.clone()?;
        serde_json::from_value::<Decision>(reason)
            .ok()
            .map(AssignmentReason::from)
    }

    /// Staff-only: the AI-assistant conversation the ticket was filed from.
    #[graphql(guard = "RoleGuard::staff()")]
    async fn conversation(&self, ctx: &Context<'_>) -> GqlResult<Option<ConversationObject>> {
        Ok(ctx
            .data::<Loaders>()?
            .load_one(ConversationOf(self.0.id))
            .await?
            .map(ConversationObject))
    }

    /// Staff-only: the ticket's standing against its SLA policy; null when none applies.
    #[graphql(guard = "RoleGuard::staff()")]
    async fn sla(&self, ctx: &Context<'_>) -> GqlResult<Option<TicketSlaObject>> {
        Ok(ctx
            .data::<Loaders>()?
            .load_one(SlaOf(self.0.id))
            .await?
            .map(TicketSlaObject))
    }

    /// Staff-only: the reporter's browser details.
    #[graphql(guard = "RoleGuard::staff()")]
    async fn browser_info(&self) -> Option<&str> {
        self.0.browser_info.as_deref()
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

    /// Optimistic-concurrency version: send it back as `expectedVersion` when editing.
    async fn version(&self) -> i32 {
        self.0.version
    }

    /// The conversation, oldest first. Internal notes are included for staff only (and
    /// counted for staff only). Costed as `first` messages for the complexity limit.
    #[graphql(complexity = "first.unwrap_or(50).max(1) as usize * child_complexity")]
    async fn messages(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> GqlResult<MessageConnection> {
        let view = ThreadView {
            ticket_id: self.0.id,
            include_internal: request_ctx(ctx)?.viewer.is_staff(),
        };
        Box::pin(message_page(ctx, view, first, after)).await
    }

    /// The requester's rating of the latest rated resolution (staff, and the requester for
    /// their own ticket).
    async fn satisfaction(&self, ctx: &Context<'_>) -> GqlResult<Option<SatisfactionObject>> {
        Box::pin(satisfaction::latest(ctx, self.0.id)).await
    }

    /// Files and the screenshot filed with the ticket (message files are on the messages).
    async fn attachments(&self, ctx: &Context<'_>) -> GqlResult<Vec<AttachmentObject>> {
        Box::pin(ticket_attachments(ctx, self.0.id)).await
    }

    /// Help articles linked to the ticket (by staff, or suggested by triage); drafts for
    /// staff only.
    async fn help_articles(&self, ctx: &Context<'_>) -> GqlResult<Vec<HelpArticleObject>> {
        let staff = request_ctx(ctx)?.viewer.is_staff();
        Box::pin(ticket_articles(ctx, self.0.id, staff)).await
    }

    /// Recorded changes, oldest first: up to `first` (at most 100) after the event id
    /// `after`. Costed as `first` events for the complexity limit.
    #[graphql(complexity = "first.unwrap_or(50).max(1) as usize * child_complexity")]
    async fn history(
        &self,
        ctx: &Context<'_>,
        #[graphql(default_with = "Some(50)")] first: Option<i32>,
        after: Option<ID>,
    ) -> GqlResult<Vec<TicketEventObject>> {
        // Omitted, or null from an unset variable: the documented default.
        let first = first.unwrap_or(50);
        if !(0..=MAX_HISTORY_PAGE).contains(&first) {
            return Err(DomainError::invalid(
                "first",
                format!("first must be between 0 and {MAX_HISTORY_PAGE}"),
            )
            .into());
        }
        let after = match after {
            Some(id) => id
                .parse::<i64>()
                .ok()
                .filter(|after| *after >= 0)
                .ok_or_else(|| DomainError::invalid("after", "after is not a valid event id"))?,
            None => 0,
        };
        let page = HistoryPage {
            ticket_id: self.0.id,
            include_internal: request_ctx(ctx)?.viewer.is_staff(),
            after,
            limit: i64::from(first),
        };
        let events = ctx
            .data::<Loaders>()?
            .load_one(page)
            .await?
            .unwrap_or_default();
        Ok(events.into_iter().map(TicketEventObject).collect())
    }
}
