//! The triage step of the pipeline: analyse a new ticket with the configured provider, store
//! the bounded result, then run auto-assignment in the same job. A provider that fails every
//! attempt leaves the ticket's defaults alone; assignment runs anyway.

use chrono::Utc;
use diesel_async::{AsyncConnection, AsyncPgConnection};
use serde_json::json;
use uuid::Uuid;

use crate::app::AppState;
use crate::db::models::article::{self, HelpArticle, RankedArticle};
use crate::db::models::category::Category;
use crate::db::models::event::NewTicketEvent;
use crate::db::models::job::NewJob;
use crate::db::models::ticket::{Ticket, TicketChanges};
use crate::db::models::triage::TicketTriage;
use crate::db::models::user::staff_skills;
use crate::domain::DomainError;
use crate::domain::skills::SynonymTable;
use crate::domain::ticket::{PrioritySource, TicketEventKind};
use crate::domain::triage::{Analysis, TriageInput, language, priority_after_triage};
use crate::queue;
use crate::services::{assignment, tickets, triage_learning};

/// What analyzers may answer in: the active categories and the skills staff declared
/// (canonicalised), as triage, keyword assignment and chat drafts all read them.
pub struct Vocabulary {
    pub categories: Vec<Category>,
    slugs: Vec<String>,
    known_skills: Vec<String>,
}

impl Vocabulary {
    pub async fn load(
        conn: &mut AsyncPgConnection,
        synonyms: &SynonymTable,
    ) -> anyhow::Result<Self> {
        let categories = Category::all(conn, false).await?;
        let slugs = categories.iter().map(|c| c.slug.clone()).collect();
        let known_skills = staff_skills(conn)
            .await?
            .iter()
            .map(|s| synonyms.canonical(s))
            .collect();
        Ok(Self {
            categories,
            slugs,
            known_skills,
        })
    }

    pub fn input<'a>(
        &'a self,
        title: &'a str,
        description: &'a str,
        synonyms: &'a SynonymTable,
    ) -> TriageInput<'a> {
        TriageInput {
            title,
            description,
            categories: &self.slugs,
            known_skills: &self.known_skills,
            synonyms,
        }
    }

    pub fn category(&self, slug: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.slug == slug)
    }
}

const LINKED_ARTICLES: i64 = 2;
/// Below this `ts_rank` a match is only a shared word in an article's body.
const MIN_LINK_RANK: f32 = 0.1;

/// Runs one triage attempt, then assigns the ticket in the same job: one job per ticket
/// instead of two saves the queue's round trips, and a ticket is assigned as soon as it is
/// analysed. If assignment fails, the job's retry finds the stored analysis and goes straight
/// to assignment. `last_attempt` is true when the queue will not retry a failure, in which
/// case assignment is enqueued as a job of its own before the failure is reported.
pub async fn triage_ticket(
    state: &AppState,
    ticket_id: Uuid,
    last_attempt: bool,
) -> anyhow::Result<()> {
    let mut conn = state.pool.get().await?;
    let Some(ticket) = Ticket::find_live(&mut conn, ticket_id).await? else {
        // Trashed or purged since it was filed: nothing to analyse.
        return Ok(());
    };
    if !TicketTriage::find_many(&mut conn, &[ticket_id])
        .await?
        .is_empty()
    {
        // A previous attempt stored its result but did not finish; finish its work.
        drop(conn);
        return assignment::assign_ticket(state, ticket_id).await;
    }
    let pipeline = &state.pipeline;
    // Another instance may have activated a retrained model since the last ticket.
    triage_learning::sync_active(state)
        .await
        .map_err(DomainError::into_anyhow)?;
    let vocabulary = Vocabulary::load(&mut conn, &pipeline.synonyms).await?;
    let input = vocabulary.input(&ticket.title, &ticket.description, &pipeline.synonyms);
    match pipeline.provider.analyze(&input).await {
        Ok(analysis) => {
            let suggested_category_id = analysis
                .category
                .as_ref()
                .and_then(|slug| vocabulary.category(slug))
                .map(|c| c.id);
            let text = format!("{} {}", ticket.title, ticket.description);
            let articles = HelpArticle::suggest(&mut conn, &text, LINKED_ARTICLES).await?;
            conn.transaction(async |conn| {
                apply(conn, state, ticket_id, &analysis, suggested_category_id).await?;
                link_articles(conn, ticket_id, &articles).await
            })
            .await?;
            drop(conn);
            assignment::assign_ticket(state, ticket_id).await
        }
        Err(err) => {
            if last_attempt {
                enqueue_assignment(&mut conn, ticket_id).await?;
            }
            Err(anyhow::anyhow!(
                "{} triage failed: {err}",
                pipeline.provider.name()
            ))
        }
    }
}

async fn apply(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    ticket_id: Uuid,
    analysis: &Analysis,
    suggested_category_id: Option<Uuid>,
) -> anyhow::Result<()> {
    let Some(current) = Ticket::lock(conn, ticket_id).await? else {
        return Ok(());
    };
    let provider = state.pipeline.provider.name();
    let mut changes = TicketChanges {
        summary: Some(Some(analysis.summary.clone())),
        related_skills: Some(analysis.related_skills.clone()),
        ..Default::default()
    };
    // Notes a person already wrote stay; triage only fills an empty field.
    if current.helpful_notes.is_none() && !analysis.helpful_notes.is_empty() {
        changes.helpful_notes = Some(Some(analysis.helpful_notes.clone()));
    }
    let mut events = vec![NewTicketEvent {
        ticket_id,
        kind: TicketEventKind::Triaged,
        from_value: None,
        to_value: Some(provider.to_owned()),
        actor_id: None,
        internal: false,
        changes: None,
    }];
    if let Some(priority) =
        priority_after_triage(current.priority, current.priority_source, analysis.priority)
    {
        changes.priority = Some(priority);
        changes.priority_source = Some(PrioritySource::Triage);
        events.push(NewTicketEvent {
            ticket_id,
            kind: TicketEventKind::PriorityChanged,
            from_value: Some(current.priority.to_string()),
            to_value: Some(priority.to_string()),
            actor_id: None,
            internal: false,
            changes: None,
        });
    }
    tickets::apply_change(conn, state, ticket_id, &changes, &events)
        .await
        .map_err(DomainError::into_anyhow)?;
    TicketTriage {
        ticket_id,
        provider: provider.to_owned(),
        model: state.pipeline.provider.model().to_owned(),
        confidence: analysis.confidence,
        suggested_category_id,
        suggested_priority: analysis.priority,
        analyzed_at: Utc::now(),
        language: language::detect(&current.title, &current.description).map(str::to_owned),
    }
    .upsert(conn)
    .await?;
    Ok(())
}

/// Links the strongest article matches to the ticket for staff to send on (a null
/// `linked_by` marks them as triage's suggestions).
async fn link_articles(
    conn: &mut AsyncPgConnection,
    ticket_id: Uuid,
    articles: &[RankedArticle],
) -> anyhow::Result<()> {
    for hit in articles.iter().filter(|hit| hit.rank >= MIN_LINK_RANK) {
        article::link(conn, ticket_id, hit.article.id, None).await?;
    }
    Ok(())
}

/// When triage gave up for good, assignment still runs, as a job of its own with its own
/// retries. It is keyed per ticket, so enqueueing it twice leaves one job.
async fn enqueue_assignment(conn: &mut AsyncPgConnection, ticket_id: Uuid) -> anyhow::Result<()> {
    NewJob {
        task: queue::ASSIGN_TICKET,
        payload: json!({ "ticket_id": ticket_id }),
        max_attempts: queue::ASSIGN_MAX_ATTEMPTS,
        priority: queue::ASSIGN_PRIORITY,
        job_key: Some(format!("assign:{ticket_id}")),
        run_at: None,
    }
    .enqueue(conn)
    .await?;
    Ok(())
}
