use async_graphql::{Context, ID, Object};

use crate::db::models::job::JobState;
use crate::db::models::user::UserFilter;
use crate::domain::ticket::TicketPriority;
use crate::graphql::context::{parse_uuid, request_ctx};
use crate::graphql::error::GqlResult;
use crate::graphql::guards::RoleGuard;
use crate::graphql::types::category::CategoryObject;
use crate::graphql::types::inputs::{
    ConversationMessageInput, TicketFilterInput, TicketOrder, UserFilterInput, conversation,
};
use crate::graphql::types::pipeline::JobObject;
use crate::graphql::types::ticket::TicketObject;
use crate::graphql::types::ticket_connection::{self, PageArgs, TicketConnection};
use crate::graphql::types::user::{UserObject, UserPage};
use crate::services::{categories, conversations, jobs, tickets, users};

/// A ticket suggested for a conversation, not yet filed.
#[derive(async_graphql::SimpleObject)]
pub struct TicketDraftSuggestion {
    pub title: String,
    pub description: String,
    pub priority: TicketPriority,
    pub category: Option<CategoryObject>,
    /// Who drafted it (`builtin` when an LLM provider failed and the rules stepped in).
    pub provider: String,
}

mod api_tokens;
mod audit;
mod conversation;
mod macros;
mod preferences;
mod report;
mod sla;
mod tags;
mod trash;
mod triage;
mod views;
mod webhooks;

/// The root query: tickets, users and the pipeline here, the conversation side (tracking,
/// help articles, search) in `conversation`, SLA settings in `sla`, reports in `report`.
#[derive(async_graphql::MergedObject, Default)]
pub struct Query(
    CoreQuery,
    conversation::ConversationQuery,
    sla::SlaQuery,
    report::ReportQuery,
    api_tokens::ApiTokenQuery,
    preferences::PreferencesQuery,
    webhooks::WebhookQuery,
    triage::TriageQuery,
    tags::TagQuery,
    views::ViewQuery,
    macros::MacroQuery,
    audit::AuditQuery,
    trash::TrashQuery,
);

#[derive(Default)]
pub struct CoreQuery;

#[Object]
impl CoreQuery {
    /// The signed-in user.
    async fn me(&self, ctx: &Context<'_>) -> GqlResult<UserObject> {
        Ok(UserObject::new(users::me(request_ctx(ctx)?).await?))
    }

    /// A ticket the caller may see; anything else is NOT_FOUND.
    async fn ticket(&self, ctx: &Context<'_>, id: ID) -> GqlResult<TicketObject> {
        let id = parse_uuid("id", &id)?;
        Ok(TicketObject(tickets::get(request_ctx(ctx)?, id).await?))
    }

    async fn ticket_by_number(&self, ctx: &Context<'_>, number: String) -> GqlResult<TicketObject> {
        Ok(TicketObject(
            tickets::get_by_number(request_ctx(ctx)?, &number).await?,
        ))
    }

    /// Users see their own tickets; staff see all. Pages hold at most 100 tickets.
    #[graphql(complexity = "first.or(last).unwrap_or(20).max(1) as usize * child_complexity")]
    #[allow(clippy::too_many_arguments)]
    async fn tickets(
        &self,
        ctx: &Context<'_>,
        filter: Option<TicketFilterInput>,
        order_by: Option<TicketOrder>,
        first: Option<i32>,
        after: Option<String>,
        last: Option<i32>,
        before: Option<String>,
    ) -> GqlResult<TicketConnection> {
        let args = PageArgs {
            after,
            before,
            first,
            last,
        };
        ticket_connection::resolve(ctx, filter, order_by, args).await
    }

    /// Admin: background jobs, newest first. Completed jobs are not kept.
    #[graphql(guard = "RoleGuard::admin()")]
    async fn jobs(
        &self,
        ctx: &Context<'_>,
        state: Option<JobState>,
        task: Option<String>,
        #[graphql(default_with = "Some(50)")] first: Option<i32>,
    ) -> GqlResult<Vec<JobObject>> {
        // Omitted, or null from an unset variable: the documented default.
        let first = first.unwrap_or(50);
        let rows = jobs::list(request_ctx(ctx)?, state, task.as_deref(), first).await?;
        Ok(rows.into_iter().map(JobObject).collect())
    }

    /// Suggests a ticket (title, description, priority, category) for an AI-assistant
    /// conversation, using the configured provider. Writes nothing; anyone may call it
    /// (anonymous callers are rate limited per IP).
    async fn draft_ticket_from_conversation(
        &self,
        ctx: &Context<'_>,
        messages: Vec<ConversationMessageInput>,
        conversation_ref: Option<String>,
    ) -> GqlResult<TicketDraftSuggestion> {
        let suggestion =
            conversations::draft(request_ctx(ctx)?, &conversation(messages, conversation_ref))
                .await?;
        Ok(TicketDraftSuggestion {
            title: suggestion.draft.text.title,
            description: suggestion.draft.text.description,
            priority: suggestion.draft.analysis.priority,
            category: suggestion.category.map(CategoryObject),
            provider: suggestion.draft.provider.to_owned(),
        })
    }

    /// Ticket categories; `includeInactive` is for staff.
    async fn categories(
        &self,
        ctx: &Context<'_>,
        #[graphql(default_with = "Some(false)")] include_inactive: Option<bool>,
    ) -> GqlResult<Vec<CategoryObject>> {
        // Omitted, or null from an unset variable: the documented default.
        let include_inactive = include_inactive.unwrap_or(false);
        let rows = categories::list(request_ctx(ctx)?, include_inactive).await?;
        Ok(rows.into_iter().map(CategoryObject).collect())
    }

    /// Admin: accounts, filtered by role, skill and active flag.
    #[graphql(guard = "RoleGuard::admin()")]
    async fn users(
        &self,
        ctx: &Context<'_>,
        filter: Option<UserFilterInput>,
        #[graphql(default_with = "Some(50)")] limit: Option<i32>,
        #[graphql(default_with = "Some(0)")] offset: Option<i32>,
    ) -> GqlResult<UserPage> {
        // Omitted, or null from an unset variable: the documented defaults.
        let limit = limit.unwrap_or(50);
        let offset = offset.unwrap_or(0);
        if !(1..=100).contains(&limit) {
            return Err(crate::domain::DomainError::invalid(
                "limit",
                "limit must be between 1 and 100",
            )
            .into());
        }
        if offset < 0 {
            return Err(crate::domain::DomainError::invalid(
                "offset",
                "offset must not be negative",
            )
            .into());
        }
        let filter = filter.unwrap_or_default();
        let (rows, total) = users::list(
            request_ctx(ctx)?,
            UserFilter {
                role: filter.role,
                skill: filter.skill,
                active: filter.active,
            },
            i64::from(limit),
            i64::from(offset),
        )
        .await?;
        Ok(UserPage {
            nodes: rows.into_iter().map(UserObject::new).collect(),
            total_count: total,
        })
    }
}
