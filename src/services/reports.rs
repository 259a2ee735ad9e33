//! The team lead's numbers: `ticketStats` over a period, computed by the database.

use chrono::{DateTime, TimeDelta, Utc};
use chrono_tz::Tz;

use crate::db::models::report::{self, ReportPart, ReportScope, TicketReport};
use crate::db::models::ticket_list::{self, AssigneeFilter, TicketFilter};
use crate::domain::roles::Role;
use crate::domain::{DomainError, DomainResult};
use crate::services::RequestContext;

/// Longest period one report covers.
const MAX_PERIOD_DAYS: i64 = 366;
/// Most buckets a volume series may have (a month of hours).
const MAX_BUCKETS: i64 = 31 * 24;

#[derive(Debug, Clone, Copy, PartialEq, Eq, async_graphql::Enum)]
pub enum StatsBucket {
    Hour,
    Day,
}

pub struct StatsRequest {
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
    pub time_zone: String,
    /// Defaults to hours for periods up to two days, days beyond.
    pub bucket: Option<StatsBucket>,
    pub filter: TicketFilter,
}

/// Admins report on every ticket; moderators on the tickets assigned to them.
pub async fn ticket_stats(
    ctx: &RequestContext,
    request: StatsRequest,
) -> DomainResult<TicketReport> {
    let staff = ctx.viewer.require_staff()?;
    let scope = scope_of(
        request,
        (staff.role == Role::Moderator).then_some(staff.user_id),
    )?;
    // Two connections, two statements at once: on two cores the activity half costs no
    // extra wall time beside the facts half.
    let (mut facts_conn, mut activity_conn) =
        tokio::try_join!(ctx.state.pool.get(), ctx.state.pool.get())?;
    let (facts, activity) = tokio::try_join!(
        report::report_part(&mut facts_conn, &scope, ReportPart::Facts),
        report::report_part(&mut activity_conn, &scope, ReportPart::Activity),
    )?;
    Ok(report::assemble(facts, activity)?)
}

fn scope_of(request: StatsRequest, own_rows_of: Option<uuid::Uuid>) -> DomainResult<ReportScope> {
    let StatsRequest {
        from,
        to,
        time_zone,
        bucket,
        filter,
    } = request;
    if to <= from {
        return Err(DomainError::invalid("to", "to must be after from"));
    }
    let span = to - from;
    if span > TimeDelta::days(MAX_PERIOD_DAYS) {
        return Err(DomainError::invalid(
            "to",
            format!("a report covers at most {MAX_PERIOD_DAYS} days"),
        ));
    }
    let time_zone = time_zone.trim();
    if time_zone.parse::<Tz>().is_err() {
        return Err(DomainError::invalid(
            "timeZone",
            format!("{time_zone:?} is not an IANA time zone name (like Europe/Berlin)"),
        ));
    }
    let bucket = bucket.unwrap_or(if span <= TimeDelta::days(2) {
        StatsBucket::Hour
    } else {
        StatsBucket::Day
    });
    if bucket == StatsBucket::Hour && span.num_hours() > MAX_BUCKETS {
        return Err(DomainError::invalid(
            "bucket",
            format!("hourly series cover at most {MAX_BUCKETS} hours; use DAY"),
        ));
    }
    if filter.sla_state.is_some() {
        return Err(DomainError::invalid(
            "filter.slaState",
            "reports cover every SLA state; their sla section breaks them down",
        ));
    }
    let (assignee_id, unassigned) = match (own_rows_of, filter.assignee) {
        (Some(me), _) => (Some(me), false),
        (None, AssigneeFilter::Any) => (None, false),
        (None, AssigneeFilter::Unassigned) => (None, true),
        (None, AssigneeFilter::User(id)) => (Some(id), false),
    };
    let from = filter.created_after.map_or(from, |after| after.max(from));
    let to = filter.created_before.map_or(to, |before| before.min(to));
    Ok(ReportScope {
        from,
        to: to.max(from),
        time_zone: time_zone.to_owned(),
        bucket: match bucket {
            StatsBucket::Hour => "hour",
            StatsBucket::Day => "day",
        },
        statuses: filter
            .statuses
            .map(|list| list.iter().map(ToString::to_string).collect()),
        priorities: filter
            .priorities
            .map(|list| list.iter().map(ToString::to_string).collect()),
        category_id: filter.category_id,
        assignee_id,
        unassigned,
        requester_id: filter.requester_id,
        text: filter
            .text
            .map(|text| format!("%{}%", ticket_list::escape_like(&text))),
    })
}
