//! The SLA clock of each ticket: kept in step with every change of the ticket, and the
//! warnings and breaches its deadlines fire.
//!
//! Every transaction that changes a ticket's status, priority, category or first response calls
//! [`sync`] before it commits. `sync` banks the business time a clock ran, recomputes its
//! deadlines and (re)schedules one keyed job per deadline, due at the deadline itself. A job
//! carries the instant it was scheduled for; when it runs it acts only if that is still the
//! clock's deadline and nothing was recorded for it yet, so a job for a deadline that moved, or
//! a job run twice after a crash, does nothing.

pub mod admin;
mod deadline;
pub mod start;
pub mod view;

use chrono::{SubsecRound, Utc};
use diesel_async::AsyncPgConnection;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::db::models::job::{self, NewJob};
use crate::db::models::sla::{self, ClockRow, PolicyRow};
use crate::db::models::ticket::Ticket;
use crate::domain::DomainResult;
use crate::domain::sla::{Clock, Deadlines, SlaMetric, TicketFacts};
use crate::queue;
use crate::services::sla::admin::Calendars;

pub use deadline::fire;

/// What a deadline job does when it runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, strum::Display)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[strum(serialize_all = "snake_case")]
pub enum DeadlineKind {
    Warning,
    Breach,
}

/// The payload of an `sla_deadline` job.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DeadlineJob {
    pub ticket_id: Uuid,
    pub metric: String,
    pub kind: DeadlineKind,
    pub at: chrono::DateTime<Utc>,
}

pub(super) const METRICS: [SlaMetric; 2] = [SlaMetric::FirstResponse, SlaMetric::Resolution];
const DEADLINE_MAX_ATTEMPTS: i32 = 10;

/// Brings `ticket`'s clocks in line with its current state, on the caller's transaction (which
/// holds the ticket's row lock).
pub async fn sync(
    conn: &mut AsyncPgConnection,
    ticket: &Ticket,
    warn_percent: u8,
) -> DomainResult<()> {
    let now = Utc::now().trunc_subsecs(0);
    let policies = PolicyRow::list(conn).await?;
    let policy = policy_for(&policies, ticket).cloned();
    let calendars = Calendars::load(conn).await?;
    let calendar = calendars.for_policy(policy.as_ref());
    let stored = ClockRow::lock_of(conn, ticket.id).await?;
    let facts = TicketFacts {
        status: ticket.status,
        first_response_at: ticket.first_response_at,
        resolved_at: ticket.resolved_at,
        closed_at: ticket.closed_at,
        updated_at: ticket.updated_at,
    };
    let mut due_at = None;
    for metric in METRICS {
        let before = stored.iter().find(|row| row.metric == metric.to_string());
        let mut clock = match before {
            Some(row) => clock_of(row),
            None => Clock::started(None, ticket.created_at),
        };
        clock.target_minutes = policy.as_ref().and_then(|p| target_of(p, metric));
        clock.apply(facts.mode(metric), now, calendar);
        let deadlines = clock.deadlines(warn_percent, calendar);
        let after = row_of(ticket.id, metric, policy.as_ref(), &clock, deadlines);
        if before != Some(&after) {
            after.save(conn).await?;
        }
        if before.map(|row| (row.warn_at, row.due_at, row.warned_at, row.breached_at))
            != Some((
                after.warn_at,
                after.due_at,
                after.warned_at,
                after.breached_at,
            ))
        {
            schedule(conn, &after).await?;
        }
        due_at = earliest(due_at, after.due_at);
    }
    if due_at != ticket.sla_due_at {
        sla::set_ticket_due_at(conn, ticket.id, due_at).await?;
    }
    Ok(())
}

/// The policy for a priority and category among `policies`: the category's own first.
pub(super) fn policy_for<'p>(policies: &'p [PolicyRow], ticket: &Ticket) -> Option<&'p PolicyRow> {
    let of_priority = || policies.iter().filter(|p| p.priority == ticket.priority);
    of_priority()
        .find(|p| p.category_id == Some(ticket.category_id))
        .or_else(|| of_priority().find(|p| p.category_id.is_none()))
}

pub(super) fn target_of(policy: &PolicyRow, metric: SlaMetric) -> Option<i32> {
    match metric {
        SlaMetric::FirstResponse => policy.first_response_minutes,
        SlaMetric::Resolution => policy.resolution_minutes,
    }
}

pub(crate) fn clock_of(row: &ClockRow) -> Clock {
    Clock {
        target_minutes: row.target_minutes,
        consumed_secs: row.consumed_secs,
        running_since: row.running_since,
        stopped_at: row.stopped_at,
        warned_at: row.warned_at,
        breached_at: row.breached_at,
    }
}

pub(super) fn row_of(
    ticket_id: Uuid,
    metric: SlaMetric,
    policy: Option<&PolicyRow>,
    clock: &Clock,
    deadlines: Deadlines,
) -> ClockRow {
    ClockRow {
        ticket_id,
        metric: metric.to_string(),
        policy_id: policy
            .filter(|_| clock.target_minutes.is_some())
            .map(|p| p.id),
        target_minutes: clock.target_minutes,
        consumed_secs: clock.consumed_secs,
        running_since: clock.running_since,
        warn_at: deadlines.warn_at,
        due_at: deadlines.due_at,
        stopped_at: clock.stopped_at,
        warned_at: clock.warned_at,
        breached_at: clock.breached_at,
    }
}

pub(super) fn earliest<T: Ord + Copy>(a: Option<T>, b: Option<T>) -> Option<T> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

fn job_key(ticket_id: Uuid, metric: &str, kind: DeadlineKind) -> String {
    format!("sla:{ticket_id}:{metric}:{kind}")
}

/// One keyed job per pending deadline: enqueueing replaces the job for an earlier instant, and
/// a deadline that no longer exists (paused, stopped, already recorded) has its job removed.
async fn schedule(conn: &mut AsyncPgConnection, row: &ClockRow) -> DomainResult<()> {
    for (key, job) in pending_jobs(row) {
        match job {
            Some(job) => job.enqueue(conn).await?,
            None => job::remove_by_key(conn, &key).await?,
        }
    }
    Ok(())
}

/// Each deadline job a clock has (by key): the job due at it, or `None` when there is none
/// pending.
pub(super) fn pending_jobs(
    row: &ClockRow,
) -> impl Iterator<Item = (String, Option<NewJob<'static>>)> + '_ {
    let pending = [
        (
            DeadlineKind::Warning,
            row.warn_at.filter(|_| row.warned_at.is_none()),
        ),
        (DeadlineKind::Breach, row.due_at),
    ];
    pending.into_iter().map(move |(kind, at)| {
        let key = job_key(row.ticket_id, &row.metric, kind);
        let job = at.filter(|_| row.breached_at.is_none()).map(|at| NewJob {
            task: queue::SLA_DEADLINE,
            payload: serde_json::json!(DeadlineJob {
                ticket_id: row.ticket_id,
                metric: row.metric.clone(),
                kind,
                at,
            }),
            max_attempts: DEADLINE_MAX_ATTEMPTS,
            priority: queue::ASSIGN_PRIORITY,
            job_key: Some(key.clone()),
            run_at: Some(at),
        });
        (key, job)
    })
}
