//! The requester's side of a resolution: confirm it (the ticket closes) or reopen it within
//! `DESKQL_REOPEN_DAYS`; resolutions nobody answers close by themselves after
//! `DESKQL_AUTO_CLOSE_DAYS`.

use chrono::{TimeDelta, Utc};
use diesel_async::{AsyncConnection, AsyncPgConnection};
use uuid::Uuid;

use crate::app::AppState;
use crate::db::models::ticket::{Ticket, TicketChanges};
use crate::db::models::ticket_list;
use crate::domain::ticket::TicketStatus;
use crate::domain::{DomainError, DomainResult};
use crate::services::tickets::{apply_change, ensure_requester, lock_live, transition};
use crate::services::{RequestContext, guest_access};

/// How many resolved tickets one auto-close pass closes per transaction.
const AUTO_CLOSE_BATCH: i64 = 100;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    /// The resolution is accepted: the ticket closes.
    Confirm,
    /// The problem is back: the ticket returns to IN_PROGRESS.
    Reopen,
}

/// The requester (an account holder) answers their ticket's resolution.
pub async fn answer(ctx: &RequestContext, ticket_id: Uuid, answer: Answer) -> DomainResult<Ticket> {
    let principal = ctx.viewer.principal()?;
    let mut conn = ctx.state.pool.get().await?;
    conn.transaction(async |conn| {
        let ticket = lock_live(conn, ticket_id, None).await?;
        ensure_requester(&principal, &ticket)?;
        apply_answer(conn, &ctx.state, &ticket, answer, Some(principal.user_id)).await
    })
    .await
}

/// A guest answers through their tracking link.
pub async fn answer_as_guest(
    ctx: &RequestContext,
    token: &str,
    answer: Answer,
) -> DomainResult<Ticket> {
    let ticket = guest_access::open(ctx, token).await?;
    let mut conn = ctx.state.pool.get().await?;
    conn.transaction(async |conn| {
        let ticket = lock_live(conn, ticket.id, None).await?;
        apply_answer(conn, &ctx.state, &ticket, answer, None).await
    })
    .await
}

async fn apply_answer(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    ticket: &Ticket,
    answer: Answer,
    actor: Option<Uuid>,
) -> DomainResult<Ticket> {
    let Some(resolved_at) = ticket
        .resolved_at
        .filter(|_| ticket.status == TicketStatus::Resolved)
    else {
        return Err(DomainError::Conflict(format!(
            "the ticket is {}; only a RESOLVED ticket can be confirmed or reopened",
            ticket.status
        )));
    };
    let to = match answer {
        Answer::Confirm => TicketStatus::Closed,
        Answer::Reopen => {
            let window = TimeDelta::days(i64::from(state.config.conversation.reopen_days));
            if Utc::now() - resolved_at > window {
                return Err(DomainError::Conflict(format!(
                    "the ticket was resolved more than {} days ago; file a new ticket instead",
                    window.num_days()
                )));
            }
            TicketStatus::InProgress
        }
    };
    let mut changes = TicketChanges::default();
    let event = transition(&mut changes, ticket, to, actor)?;
    apply_change(conn, state, ticket.id, &changes, &[event]).await
}

/// Closes the RESOLVED tickets whose resolution is older than `DESKQL_AUTO_CLOSE_DAYS` (a
/// STATUS_CHANGED event with no actor each); returns how many.
pub async fn auto_close(state: &AppState) -> anyhow::Result<usize> {
    let age = TimeDelta::days(i64::from(state.config.conversation.auto_close_days));
    let mut closed = 0;
    loop {
        let mut conn = state.pool.get().await?;
        let batch = conn
            .transaction(async |conn| {
                let due =
                    ticket_list::resolved_before(conn, Utc::now() - age, AUTO_CLOSE_BATCH).await?;
                for ticket in &due {
                    let mut changes = TicketChanges::default();
                    let event = transition(&mut changes, ticket, TicketStatus::Closed, None)?;
                    apply_change(conn, state, ticket.id, &changes, &[event]).await?;
                }
                Ok::<_, DomainError>(due.len())
            })
            .await
            .map_err(DomainError::into_anyhow)?;
        closed += batch;
        if batch < AUTO_CLOSE_BATCH as usize {
            return Ok(closed);
        }
    }
}
