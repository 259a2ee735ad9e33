//! Starting the clocks of newly filed tickets: a whole group-commit batch in a few statements,
//! inside the transaction that files it (see `services::filing`).

use diesel_async::AsyncPgConnection;

use crate::db::models::job;
use crate::db::models::sla::{self, ClockRow, PolicyRow};
use crate::db::models::ticket::Ticket;
use crate::domain::sla::Clock;
use crate::services::sla::admin::Calendars;
use crate::services::sla::{METRICS, earliest, pending_jobs, policy_for, row_of, target_of};

/// Inserts both clocks of each new ticket, schedules their deadlines and sets the tickets'
/// nearest deadline (also on the rows passed in).
pub async fn start_clocks(
    conn: &mut AsyncPgConnection,
    tickets: &mut [Ticket],
    warn_percent: u8,
) -> diesel::QueryResult<()> {
    let policies = PolicyRow::list(conn).await?;
    let calendars = Calendars::load(conn).await?;
    let mut clocks = Vec::with_capacity(tickets.len() * METRICS.len());
    let mut jobs = Vec::new();
    let mut dues = Vec::new();
    for ticket in tickets.iter_mut() {
        let policy = policy_for(&policies, ticket);
        let calendar = calendars.for_policy(policy);
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
