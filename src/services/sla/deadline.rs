//! A deadline job running: records the SLA_WARNING or SLA_BREACHED event and emails the people
//! who must act, once, and only for the deadline that still stands.

use diesel_async::{AsyncConnection, AsyncPgConnection};
use serde_json::json;
use uuid::Uuid;

use crate::app::AppState;
use crate::db::models::event::NewTicketEvent;
use crate::db::models::job::NewJob;
use crate::db::models::sla::ClockRow;
use crate::db::models::ticket::Ticket;
use crate::db::models::user::User;
use crate::domain::roles::Role;
use crate::domain::ticket::TicketEventKind;
use crate::domain::{DomainError, DomainResult};
use crate::queue;
use crate::services::notifications::EmailKind;
use crate::services::sla::{DeadlineJob, DeadlineKind};

/// Enough for any real admin team; a notice is not a broadcast.
const MAX_ADMIN_RECIPIENTS: i64 = 50;

pub async fn fire(state: &AppState, job: &DeadlineJob) -> anyhow::Result<()> {
    let mut conn = state.pool.get().await?;
    conn.transaction(async |conn| record(conn, job).await)
        .await
        .map_err(DomainError::into_anyhow)
}

async fn record(conn: &mut AsyncPgConnection, job: &DeadlineJob) -> DomainResult<()> {
    let Some(ticket) = Ticket::lock(conn, job.ticket_id)
        .await?
        .filter(|t| t.deleted_at.is_none())
    else {
        return Ok(());
    };
    let clocks = ClockRow::lock_of(conn, ticket.id).await?;
    let Some(mut clock) = clocks.into_iter().find(|c| c.metric == job.metric) else {
        return Ok(());
    };
    let still_due = clock.running_since.is_some()
        && clock.breached_at.is_none()
        && match job.kind {
            DeadlineKind::Warning => clock.warn_at == Some(job.at) && clock.warned_at.is_none(),
            DeadlineKind::Breach => clock.due_at == Some(job.at),
        };
    if !still_due {
        return Ok(());
    }
    let kind = match job.kind {
        DeadlineKind::Warning => {
            clock.warned_at = Some(job.at);
            TicketEventKind::SlaWarning
        }
        DeadlineKind::Breach => {
            clock.breached_at = Some(job.at);
            TicketEventKind::SlaBreached
        }
    };
    clock.save(conn).await?;
    let event_id = NewTicketEvent {
        ticket_id: ticket.id,
        kind,
        from_value: Some(job.at.to_rfc3339()),
        to_value: Some(job.metric.clone()),
        actor_id: None,
        internal: true,
        changes: None,
    }
    .insert(conn)
    .await?;
    let email = match job.kind {
        DeadlineKind::Warning => EmailKind::SlaWarning,
        DeadlineKind::Breach => EmailKind::SlaBreached,
    };
    for recipient in recipients(conn, &ticket).await? {
        NewJob {
            task: queue::SEND_EMAIL,
            payload: json!({
                "kind": email,
                "ticket_id": ticket.id,
                "event_id": event_id,
                "user_id": recipient,
                "message_key": format!("sla.{event_id}.{recipient}"),
            }),
            max_attempts: queue::EMAIL_MAX_ATTEMPTS,
            priority: queue::EMAIL_PRIORITY,
            job_key: None,
            run_at: None,
        }
        .enqueue(conn)
        .await?;
    }
    Ok(())
}

/// The assignee, or every active admin when nobody (active) is assigned.
async fn recipients(conn: &mut AsyncPgConnection, ticket: &Ticket) -> DomainResult<Vec<Uuid>> {
    if let Some(assignee_id) = ticket.assignee_id
        && User::find(conn, assignee_id)
            .await?
            .is_some_and(|user| user.active)
    {
        return Ok(vec![assignee_id]);
    }
    let admins = User::active_with_role(conn, Role::Admin, MAX_ADMIN_RECIPIENTS).await?;
    Ok(admins.into_iter().map(|user| user.id).collect())
}
