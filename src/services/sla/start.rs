//! Starting the clocks of newly filed tickets: a whole group-commit batch in a few statements,
//! inside the transaction that files it (see `services::filing`).

use std::collections::HashMap;

use diesel_async::AsyncPgConnection;
use uuid::Uuid;

use crate::db::models::job;
use crate::db::models::sla::{self, CalendarRow, ClockRow, PolicyRow};
use crate::db::models::ticket::Ticket;
use crate::domain::sla::{Clock, SlaCalendar};
use crate::services::sla::admin::calendar_of;
use crate::services::sla::{METRICS, earliest, pending_jobs, row_of, target_of};

/// The policy for a priority and category among `policies`: the category's own first.
fn matching<'p>(policies: &'p [PolicyRow], ticket: &Ticket) -> Option<&'p PolicyRow> {
    let of_priority = || policies.iter().filter(|p| p.priority == ticket.priority);
    of_priority()
        .find(|p| p.category_id == Some(ticket.category_id))
        .or_else(|| of_priority().find(|p| p.category_id.is_none()))
}

/// Inserts both clocks of each new ticket, schedules their deadlines and sets the tickets'
/// nearest deadline (also on the rows passed in).
pub async fn start_clocks(
    conn: &mut AsyncPgConnection,
    tickets: &mut [Ticket],
    warn_percent: u8,
) -> diesel::QueryResult<()> {
    let policies = PolicyRow::list(conn).await?;
    let calendar_rows = CalendarRow::list(conn).await?;
    let default = calendar_rows
        .iter()
        .find(|c| c.is_default)
        .map(calendar_of)
        .unwrap_or(SlaCalendar::AlwaysOpen);
    let calendars: HashMap<Uuid, SlaCalendar> = calendar_rows
        .iter()
        .map(|c| (c.id, calendar_of(c)))
        .collect();
    let mut clocks = Vec::with_capacity(tickets.len() * METRICS.len());
    let mut jobs = Vec::new();
    let mut dues = Vec::new();
    for ticket in tickets.iter_mut() {
        let policy = matching(&policies, ticket);
        let calendar = policy
            .and_then(|p| p.calendar_id)
            .and_then(|id| calendars.get(&id))
            .unwrap_or(&default);
        let mut due_at = None;
        for metric in METRICS {
            let clock =
                Clock::started(policy.and_then(|p| target_of(p, metric)), ticket.created_at);
            let deadlines = clock.deadlines(warn_percent, calendar);
            let row = row_of(ticket.id, metric, policy, &clock, deadlines);
            due_at = earliest(due_at, row.due_at);
            jobs.extend(pending_jobs(&row).filter_map(|(key, spec)| spec.map(|spec| (key, spec))));
            clocks.push(row);
        }
        if due_at.is_some() {
            ticket.sla_due_at = due_at;
            dues.push((ticket.id, due_at));
        }
    }
    ClockRow::insert_all(conn, &clocks).await?;
    job::enqueue_all(conn, jobs.into_iter().map(|(_, spec)| spec).collect()).await?;
    sla::set_tickets_due_at(conn, &dues).await
}
