//! The assignment step of the pipeline: pick an assignee for a ticket nobody has assigned
//! (see `domain::assignment` for the rule) and record why, in one transaction that also emits
//! the ASSIGNED event subscribers and the assignee's email hang off.

use chrono::Utc;
use diesel::sql_types::BigInt;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use crate::app::AppState;
use crate::db::models::category::Category;
use crate::db::models::event::{NewTicketEvent, TicketEvent};
use crate::db::models::ticket::{Ticket, TicketChanges};
use crate::db::models::triage::TicketTriage;
use crate::db::models::user::{mark_assigned, staff_workloads};
use crate::domain::assignment::{self, Candidate};
use crate::domain::ticket::{TicketEventKind, TicketStatus};
use crate::domain::triage::builtin;
use crate::services::triage::Vocabulary;

/// Serialises assignment decisions across workers and instances, so concurrent decisions see
/// each other's workload instead of all picking the same idle moderator.
const ASSIGNMENT_LOCK: i64 = 0x6465_736b_6173_7369;

pub async fn assign_ticket(state: &AppState, ticket_id: Uuid) -> anyhow::Result<()> {
    let mut conn = state.pool.get().await?;
    conn.transaction(async |conn| {
        diesel::sql_query("SELECT pg_advisory_xact_lock($1)")
            .bind::<BigInt, _>(ASSIGNMENT_LOCK)
            .execute(conn)
            .await?;
        let Some(ticket) = Ticket::lock(conn, ticket_id).await? else {
            return Ok(());
        };
        let closed = matches!(
            ticket.status,
            TicketStatus::Resolved | TicketStatus::Closed | TicketStatus::Cancelled
        );
        if ticket.deleted_at.is_some()
            || ticket.assignee_id.is_some()
            || closed
            || TicketEvent::assigned_by_a_person(conn, ticket_id).await?
        {
            // Manual assignment always wins, including a deliberate unassignment.
            return Ok(());
        }
        let triage = TicketTriage::find_many(conn, &[ticket_id]).await?.pop();
        let mut skills = ticket_skills(conn, state, &ticket, triage.as_ref()).await?;
        // A moderator who reads the ticket's language (a skill such as `lang:es`) is
        // preferred; English is assumed of everyone.
        if let Some(language) = triage
            .and_then(|triage| triage.language)
            .filter(|language| language != "en")
        {
            skills.push(format!("lang:{language}"));
        }
        let policy = state.pipeline.assignment;
        let candidates: Vec<Candidate> = staff_workloads(conn, policy.max_open_tickets)
            .await?
            .into_iter()
            .map(|staff| Candidate {
                user_id: staff.id,
                role: staff.role,
                skills: staff
                    .skills
                    .iter()
                    .map(|s| state.pipeline.synonyms.canonical(s))
                    .collect(),
                open_tickets: staff.open_tickets,
                last_assigned_at: staff.last_assigned_at,
            })
            .collect();
        let Some(decision) = assignment::choose(&skills, &candidates, policy) else {
            tracing::info!(%ticket_id, "no active moderator or admin to assign; left unassigned");
            return Ok(());
        };
        let changes = TicketChanges {
            assignee_id: Some(Some(decision.assignee_id)),
            assignment_reason: Some(Some(serde_json::to_value(&decision)?)),
            ..Default::default()
        };
        let events = [NewTicketEvent {
            ticket_id,
            kind: TicketEventKind::Assigned,
            from_value: None,
            to_value: Some(decision.assignee_id.to_string()),
            actor_id: None,
            internal: false,
            changes: None,
        }];
        Ticket::apply(conn, ticket_id, &changes, &events).await?;
        mark_assigned(conn, decision.assignee_id, Utc::now()).await?;
        Ok::<_, anyhow::Error>(())
    })
    .await
}

/// The triaged skills, or, when triage produced none (or failed), what the builtin model
/// finds in the text plus the category slug (a skill when a moderator lists it, e.g.
/// "billing"). When the text names no skill at all, the skills admins gave the category
/// (the one triage suggested, else the ticket's own) route it.
async fn ticket_skills(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    ticket: &Ticket,
    triage: Option<&TicketTriage>,
) -> anyhow::Result<Vec<String>> {
    let synonyms = &state.pipeline.synonyms;
    let mut skills: Vec<String> = if ticket.related_skills.is_empty() {
        let vocabulary = Vocabulary::load(conn, synonyms).await?;
        let model = crate::ai::builtin_model().await;
        builtin::analyze_with(
            &vocabulary.input(&ticket.title, &ticket.description, synonyms),
            &model,
        )
        .related_skills
    } else {
        ticket
            .related_skills
            .iter()
            .map(|s| synonyms.canonical(s))
            .collect()
    };
    if !ticket.related_skills.is_empty() {
        return Ok(skills);
    }
    let category_id = triage
        .and_then(|triage| triage.suggested_category_id)
        .unwrap_or(ticket.category_id);
    if let Some(category) = Category::find_many(conn, &[category_id]).await?.pop() {
        let mut extra = vec![synonyms.canonical(&category.slug)];
        if skills.is_empty() {
            extra.extend(
                category
                    .default_skills
                    .iter()
                    .map(|s| synonyms.canonical(s)),
            );
        }
        for skill in extra {
            if !skills.contains(&skill) {
                skills.push(skill);
            }
        }
    }
    Ok(skills)
}
