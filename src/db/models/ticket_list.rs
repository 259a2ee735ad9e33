//! Listing tickets: filters, visibility and keyset pagination over a stable order.

use chrono::{DateTime, Utc};
use diesel::pg::Pg;
use diesel::prelude::*;
use diesel::query_builder::{AstPass, Query, QueryFragment, QueryId};
use diesel::sql_types::Bool;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use crate::db::models::ticket::Ticket;
use crate::db::schema::{ticket_tags, tickets};
use crate::domain::sla::SlaState;
use crate::domain::ticket::{TicketPriority, TicketStatus};

#[derive(Debug, Clone, Default)]
pub enum AssigneeFilter {
    #[default]
    Any,
    Unassigned,
    User(Uuid),
}

#[derive(Debug, Clone, Default)]
pub struct TicketFilter {
    pub statuses: Option<Vec<TicketStatus>>,
    pub priorities: Option<Vec<TicketPriority>>,
    pub category_id: Option<Uuid>,
    pub assignee: AssigneeFilter,
    pub requester_id: Option<Uuid>,
    pub created_after: Option<DateTime<Utc>>,
    pub created_before: Option<DateTime<Utc>>,
    pub text: Option<String>,
    pub sla_state: Option<SlaState>,
    /// Tickets carrying at least one of these tags.
    pub tags_any: Option<Vec<String>>,
    /// Tickets carrying every one of these tags.
    pub tags_all: Option<Vec<String>>,
    /// Set for plain users: only tickets they requested.
    pub visible_to_requester: Option<Uuid>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortKey {
    #[default]
    CreatedAt,
    UpdatedAt,
    Priority,
    /// The nearest running SLA deadline; tickets without one last.
    SlaDue,
}

/// Position of a row in the order: its sort value and its id as tie-breaker.
#[derive(Debug, Clone, PartialEq)]
pub enum SortValue {
    Time(DateTime<Utc>),
    Rank(i16),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Position {
    pub value: SortValue,
    pub id: Uuid,
}

#[derive(Debug, Clone)]
pub struct PageRequest {
    pub key: SortKey,
    pub descending: bool,
    /// Rows strictly after this position in the requested direction.
    pub after: Option<Position>,
    pub limit: i64,
}

pub(super) type BoxedTickets<'a> = tickets::BoxedQuery<'a, Pg>;

/// A condition on a ticket row, built at run time (raw SQL or a choice of expressions).
pub(super) type TicketCondition = Box<dyn BoxableExpression<tickets::table, Pg, SqlType = Bool>>;

/// `text` as a literal inside an ILIKE pattern.
pub fn escape_like(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}

pub(super) fn filtered(filter: &TicketFilter) -> BoxedTickets<'_> {
    let mut query = tickets::table
        .filter(tickets::deleted_at.is_null())
        .into_boxed();
    if let Some(viewer) = filter.visible_to_requester {
        query = query.filter(tickets::requester_id.eq(viewer));
    }
    if let Some(statuses) = &filter.statuses {
        query = query.filter(tickets::status.eq_any(statuses.clone()));
    }
    if let Some(priorities) = &filter.priorities {
        query = query.filter(tickets::priority.eq_any(priorities.clone()));
    }
    if let Some(category_id) = filter.category_id {
        query = query.filter(tickets::category_id.eq(category_id));
    }
    match filter.assignee {
        AssigneeFilter::Any => {}
        AssigneeFilter::Unassigned => query = query.filter(tickets::assignee_id.is_null()),
        AssigneeFilter::User(id) => query = query.filter(tickets::assignee_id.eq(id)),
    }
    if let Some(requester_id) = filter.requester_id {
        query = query.filter(tickets::requester_id.eq(requester_id));
    }
    if let Some(after) = filter.created_after {
        query = query.filter(tickets::created_at.ge(after));
    }
    if let Some(before) = filter.created_before {
        query = query.filter(tickets::created_at.lt(before));
    }
    if let Some(state) = filter.sla_state {
        query = query.filter(in_sla_state(state));
    }
    if let Some(tags) = &filter.tags_any {
        query = query.filter(
            tickets::id.eq_any(
                ticket_tags::table
                    .filter(ticket_tags::tag.eq_any(tags.clone()))
                    .select(ticket_tags::ticket_id),
            ),
        );
    }
    for tag in filter.tags_all.iter().flatten() {
        query = query.filter(
            tickets::id.eq_any(
                ticket_tags::table
                    .filter(ticket_tags::tag.eq(tag.clone()))
                    .select(ticket_tags::ticket_id),
            ),
        );
    }
    if let Some(text) = &filter.text {
        let pattern = format!("%{}%", escape_like(text));
        query = query.filter(
            tickets::title
                .ilike(pattern.clone())
                .or(tickets::description.ilike(pattern.clone()))
                .or(tickets::number.ilike(pattern)),
        );
    }
    query
}

/// A clock with a target that breached, or runs past its deadline (before its job records it).
const BREACHED_SQL: &str = "EXISTS (SELECT 1 FROM ticket_sla_clocks c WHERE c.ticket_id = tickets.id \
     AND c.target_minutes IS NOT NULL AND (c.breached_at IS NOT NULL \
     OR (c.running_since IS NOT NULL AND c.due_at <= now())))";
const AT_RISK_SQL: &str = "EXISTS (SELECT 1 FROM ticket_sla_clocks c WHERE c.ticket_id = tickets.id \
     AND c.target_minutes IS NOT NULL AND c.running_since IS NOT NULL AND c.warn_at <= now())";
const COVERED_SQL: &str = "EXISTS (SELECT 1 FROM ticket_sla_clocks c WHERE c.ticket_id = tickets.id \
     AND c.target_minutes IS NOT NULL)";

/// The same rule as the `TicketSla.state` a ticket shows (`services::sla::view`).
fn in_sla_state(state: SlaState) -> TicketCondition {
    let sql = match state {
        SlaState::Breached => BREACHED_SQL.to_owned(),
        SlaState::AtRisk => format!("NOT {BREACHED_SQL} AND {AT_RISK_SQL}"),
        SlaState::OnTrack => format!("{COVERED_SQL} AND NOT {BREACHED_SQL} AND NOT {AT_RISK_SQL}"),
    };
    Box::new(diesel::dsl::sql::<Bool>(&sql))
}

macro_rules! keyset {
    ($query:expr, $column:expr, $value:expr, $page:expr) => {{
        let query = $query;
        let query = match ($page.after.as_ref(), $page.descending) {
            (None, _) => query,
            (Some(pos), true) => query.filter(
                $column
                    .lt($value(&pos.value))
                    .or($column.eq($value(&pos.value)).and(tickets::id.lt(pos.id))),
            ),
            (Some(pos), false) => query.filter(
                $column
                    .gt($value(&pos.value))
                    .or($column.eq($value(&pos.value)).and(tickets::id.gt(pos.id))),
            ),
        };
        if $page.descending {
            query.order(($column.desc(), tickets::id.desc()))
        } else {
            query.order(($column.asc(), tickets::id.asc()))
        }
    }};
}

fn time_of(value: &SortValue) -> DateTime<Utc> {
    match value {
        SortValue::Time(time) => *time,
        SortValue::Rank(_) => DateTime::<Utc>::MIN_UTC,
    }
}

fn rank_of(value: &SortValue) -> i16 {
    match value {
        SortValue::Rank(rank) => *rank,
        SortValue::Time(_) => 0,
    }
}

pub fn position_of(ticket: &Ticket, key: SortKey) -> Position {
    let value = match key {
        SortKey::CreatedAt => SortValue::Time(ticket.created_at),
        SortKey::UpdatedAt => SortValue::Time(ticket.updated_at),
        SortKey::Priority => SortValue::Rank(priority_rank(ticket.priority)),
        SortKey::SlaDue => SortValue::Time(sla_due_rank(ticket)),
    };
    Position {
        value,
        id: ticket.id,
    }
}

/// Mirrors the `sla_due_rank` generated column: no running deadline sorts last.
pub fn sla_due_rank(ticket: &Ticket) -> DateTime<Utc> {
    ticket.sla_due_at.unwrap_or_else(|| {
        DateTime::parse_from_rfc3339("9999-12-31T00:00:00Z")
            .map(|t| t.to_utc())
            .unwrap_or(DateTime::<Utc>::MAX_UTC)
    })
}

/// Mirrors the `priority_rank` generated column.
pub fn priority_rank(priority: TicketPriority) -> i16 {
    match priority {
        TicketPriority::Low => 0,
        TicketPriority::Medium => 1,
        TicketPriority::High => 2,
        TicketPriority::Urgent => 3,
    }
}

pub async fn page(
    conn: &mut AsyncPgConnection,
    filter: &TicketFilter,
    page: &PageRequest,
) -> QueryResult<Vec<Ticket>> {
    let query = filtered(filter);
    let query = match page.key {
        SortKey::CreatedAt => keyset!(query, tickets::created_at, time_of, page),
        SortKey::UpdatedAt => keyset!(query, tickets::updated_at, time_of, page),
        SortKey::Priority => keyset!(query, tickets::priority_rank, rank_of, page),
        SortKey::SlaDue => keyset!(query, tickets::sla_due_rank, time_of, page),
    };
    query
        .limit(page.limit)
        .select(Ticket::as_select())
        .load(conn)
        .await
}

/// Live RESOLVED tickets resolved before `before`, locked (skipping rows another transaction
/// holds, so concurrent passes share the work), oldest first.
pub async fn resolved_before(
    conn: &mut AsyncPgConnection,
    before: DateTime<Utc>,
    limit: i64,
) -> QueryResult<Vec<Ticket>> {
    tickets::table
        .filter(tickets::deleted_at.is_null())
        .filter(tickets::status.eq(TicketStatus::Resolved))
        .filter(tickets::resolved_at.lt(before))
        .order(tickets::resolved_at)
        .limit(limit)
        .for_update()
        .skip_locked()
        .select(Ticket::as_select())
        .load(conn)
        .await
}

pub async fn count(conn: &mut AsyncPgConnection, filter: &TicketFilter) -> QueryResult<i64> {
    filtered(filter).count().get_result(conn).await
}

/// One count per filter, in order, in a single statement (`SELECT ARRAY[(count 1), …]`), so a
/// list of saved views costs one round trip however many views there are.
pub async fn counts(
    conn: &mut AsyncPgConnection,
    filters: &[TicketFilter],
) -> QueryResult<Vec<i64>> {
    if filters.is_empty() {
        return Ok(Vec::new());
    }
    CountEach(
        filters
            .iter()
            .map(|filter| Box::new(filtered(filter).count()) as BoxedCount<'_>)
            .collect(),
    )
    .get_result(conn)
    .await
}

type BoxedCount<'a> = Box<dyn QueryFragment<Pg> + Send + 'a>;

/// `SELECT ARRAY[(subquery), (subquery), …]` over boxed counting queries.
struct CountEach<'a>(Vec<BoxedCount<'a>>);

impl QueryId for CountEach<'_> {
    type QueryId = ();
    const HAS_STATIC_QUERY_ID: bool = false;
}

impl Query for CountEach<'_> {
    type SqlType = diesel::sql_types::Array<diesel::sql_types::BigInt>;
}

impl QueryFragment<Pg> for CountEach<'_> {
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, Pg>) -> QueryResult<()> {
        // The shape depends on the number of filters: not worth a prepared statement.
        out.unsafe_to_cache_prepared();
        out.push_sql("SELECT ARRAY[");
        for (index, count) in self.0.iter().enumerate() {
            if index > 0 {
                out.push_sql(", ");
            }
            out.push_sql("(");
            count.walk_ast(out.reborrow())?;
            out.push_sql(")");
        }
        out.push_sql("]::int8[]");
        Ok(())
    }
}
