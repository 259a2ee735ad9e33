//! How a ticket stands against its SLA, as staff read it.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use diesel_async::AsyncPgConnection;
use uuid::Uuid;

use crate::db::models::sla::{ClockRow, PolicyRow};
use crate::domain::DomainResult;
use crate::domain::sla::{SlaCalendar, SlaMetric, SlaState};
use crate::services::sla::admin::Calendars;
use crate::services::sla::clock_of;

#[derive(Debug, Clone)]
pub struct SlaView {
    pub policy: PolicyRow,
    pub first_response: Option<ClockRow>,
    pub resolution: Option<ClockRow>,
    /// Waiting on the customer or on hold: no target is counting down.
    pub paused: bool,
    /// Business minutes left before the nearest unmet target; negative once it has passed.
    pub business_minutes_left: Option<i64>,
    pub state: SlaState,
}

/// The SLA of each ticket in `ticket_ids` that a policy covers, in three queries whatever the
/// number of tickets (policies and calendars are small tables).
pub async fn views(
    conn: &mut AsyncPgConnection,
    ticket_ids: &[Uuid],
    now: DateTime<Utc>,
) -> DomainResult<HashMap<Uuid, SlaView>> {
    let clocks = ClockRow::of_tickets(conn, ticket_ids).await?;
    let mut policy_ids: Vec<Uuid> = clocks.iter().filter_map(|c| c.policy_id).collect();
    policy_ids.sort_unstable();
    policy_ids.dedup();
    if policy_ids.is_empty() {
        return Ok(HashMap::new());
    }
    let policies: HashMap<Uuid, PolicyRow> = PolicyRow::find_many(conn, &policy_ids)
        .await?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let calendars = Calendars::load(conn).await?;
    let mut by_ticket: HashMap<Uuid, Vec<ClockRow>> = HashMap::new();
    for clock in clocks {
        by_ticket.entry(clock.ticket_id).or_default().push(clock);
    }
    let mut views = HashMap::new();
    for (ticket_id, clocks) in by_ticket {
        let Some(policy) = clocks
            .iter()
            .find_map(|c| c.policy_id.and_then(|id| policies.get(&id)))
        else {
            continue;
        };
        let calendar = calendars.for_policy(Some(policy));
        views.insert(ticket_id, view(policy.clone(), clocks, calendar, now));
    }
    Ok(views)
}

fn view(
    policy: PolicyRow,
    clocks: Vec<ClockRow>,
    calendar: &SlaCalendar,
    now: DateTime<Utc>,
) -> SlaView {
    let targeted: Vec<&ClockRow> = clocks
        .iter()
        .filter(|c| c.target_minutes.is_some())
        .collect();
    let breached = targeted.iter().any(|c| {
        c.breached_at.is_some()
            || (c.running_since.is_some() && c.due_at.is_some_and(|due| due <= now))
    });
    let at_risk = targeted
        .iter()
        .any(|c| c.running_since.is_some() && c.warn_at.is_some_and(|warn| warn <= now));
    let open: Vec<&&ClockRow> = targeted.iter().filter(|c| c.stopped_at.is_none()).collect();
    let paused = !open.is_empty() && open.iter().all(|c| c.running_since.is_none());
    let business_minutes_left = open
        .iter()
        .filter_map(|c| clock_of(c).minutes_left(now, calendar))
        .min();
    let find = |metric: SlaMetric| {
        clocks
            .iter()
            .find(|c| c.metric == metric.to_string())
            .cloned()
    };
    SlaView {
        first_response: find(SlaMetric::FirstResponse),
        resolution: find(SlaMetric::Resolution),
        policy,
        paused,
        business_minutes_left,
        state: if breached {
            SlaState::Breached
        } else if at_risk {
            SlaState::AtRisk
        } else {
            SlaState::OnTrack
        },
    }
}
