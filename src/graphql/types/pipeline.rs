//! What the background pipeline adds to a ticket: triage provenance, the assignment reason
//! and the AI-assistant transcript (all staff-only), and the admin view of jobs.

use async_graphql::{Context, ID, Object, SimpleObject};
use chrono::{DateTime, Utc};

use crate::db::models::conversation::TicketConversation;
use crate::db::models::job::{JobRow, JobState};
use crate::db::models::triage::TicketTriage;
use crate::domain::assignment::{AssignmentRule, Decision};
use crate::domain::ticket::TicketPriority;
use crate::domain::triage::draft::Turn;
use crate::graphql::error::GqlResult;
use crate::graphql::loaders::{CategoryId, Loaders};
use crate::graphql::types::category::CategoryObject;

pub struct TriageObject(pub TicketTriage);

/// How a ticket was analysed.
#[Object(name = "Triage")]
impl TriageObject {
    /// `builtin`, `openai` or `gemini`.
    async fn provider(&self) -> &str {
        &self.0.provider
    }

    async fn model(&self) -> &str {
        &self.0.model
    }

    /// 0 to 1.
    async fn confidence(&self) -> f32 {
        self.0.confidence
    }

    async fn analyzed_at(&self) -> DateTime<Utc> {
        self.0.analyzed_at
    }

    /// The priority the analysis suggested (applied unless staff set one, and never lowering
    /// the requester's choice).
    async fn suggested_priority(&self) -> TicketPriority {
        self.0.suggested_priority
    }

    /// The language of the ticket's text (ISO 639-1), when it was clear.
    async fn language(&self) -> Option<&str> {
        self.0.language.as_deref()
    }

    /// The category the analysis suggested; staff decide whether to move the ticket.
    async fn suggested_category(&self, ctx: &Context<'_>) -> GqlResult<Option<CategoryObject>> {
        let Some(id) = self.0.suggested_category_id else {
            return Ok(None);
        };
        Ok(ctx
            .data::<Loaders>()?
            .load_one(CategoryId(id))
            .await?
            .map(CategoryObject))
    }
}

/// Why auto-assignment picked the assignee.
#[derive(SimpleObject)]
pub struct AssignmentReason {
    pub rule: AssignmentRule,
    /// The ticket's skills (canonical names) the decision used.
    pub ticket_skills: Vec<String>,
    /// The ones the assignee has.
    pub matched_skills: Vec<String>,
    /// Matched skills minus the workload term.
    pub score: f64,
    /// The assignee's open tickets before this one.
    pub open_tickets: i64,
    /// Moderators below the open-ticket cap when the decision was made.
    pub moderators_considered: i32,
}

impl From<Decision> for AssignmentReason {
    fn from(decision: Decision) -> Self {
        Self {
            rule: decision.rule,
            ticket_skills: decision.ticket_skills,
            matched_skills: decision.matched_skills,
            score: decision.score,
            open_tickets: decision.open_tickets,
            moderators_considered: i32::try_from(decision.moderators_considered)
                .unwrap_or(i32::MAX),
        }
    }
}

#[derive(SimpleObject)]
pub struct ConversationMessage {
    pub role: crate::domain::triage::draft::Speaker,
    pub content: String,
}

/// The AI-assistant conversation a ticket was filed from.
pub struct ConversationObject(pub TicketConversation);

#[Object(name = "Conversation")]
impl ConversationObject {
    async fn conversation_ref(&self) -> Option<&str> {
        self.0.conversation_ref.as_deref()
    }

    async fn messages(&self) -> Vec<ConversationMessage> {
        serde_json::from_value::<Vec<Turn>>(self.0.transcript.clone())
            .unwrap_or_default()
            .into_iter()
            .map(|turn| ConversationMessage {
                role: turn.role,
                content: turn.content,
            })
            .collect()
    }

    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
}

pub struct JobObject(pub JobRow);

impl JobObject {
    fn single_ticket_id(&self) -> Option<ID> {
        self.0
            .payload
            .get("ticket_id")
            .and_then(|id| id.as_str())
            .map(|id| ID(id.to_owned()))
    }
}

/// A background job (admin view).
#[Object(name = "Job")]
impl JobObject {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }

    /// `triage_ticket`, `assign_ticket`, `send_email` or `purge_trash`.
    async fn task(&self) -> &str {
        &self.0.task_identifier
    }

    async fn state(&self) -> JobState {
        self.0.state()
    }

    async fn attempts(&self) -> i32 {
        i32::from(self.0.attempts)
    }

    async fn max_attempts(&self) -> i32 {
        i32::from(self.0.max_attempts)
    }

    /// The last failure's message.
    async fn last_error(&self) -> Option<&str> {
        self.0.last_error.as_deref()
    }

    /// When it runs (next).
    async fn run_at(&self) -> DateTime<Utc> {
        self.0.run_at
    }

    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }

    /// The ticket the job works on, when it is about one (a chunk's are in `ticketIds`).
    async fn ticket_id(&self) -> Option<ID> {
        self.single_ticket_id()
    }

    /// Every ticket the job works on: one, or the chunk of a filed batch whose triage,
    /// duplicate search, receipts or unassigned alerts it runs in turn.
    async fn ticket_ids(&self) -> Vec<ID> {
        let payload = &self.0.payload;
        let chunk = ["ticket_ids", "receipts_for"]
            .iter()
            .find_map(|field| payload.get(field).and_then(|ids| ids.as_array()));
        match chunk {
            Some(ids) => ids
                .iter()
                .filter_map(|id| id.as_str())
                .map(|id| ID(id.to_owned()))
                .collect(),
            None => self.single_ticket_id().into_iter().collect(),
        }
    }

    /// The job's payload as JSON text.
    async fn payload(&self) -> String {
        self.0.payload.to_string()
    }
}
