use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::{Array, BigInt, Bool};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use crate::db::schema::{ticket_events, tickets};
use crate::domain::ticket::TicketEventKind;

#[derive(Debug, Clone, Queryable, QueryableByName, Selectable, Identifiable)]
#[diesel(table_name = ticket_events, check_for_backend(diesel::pg::Pg))]
pub struct TicketEvent {
    pub id: i64,
    pub ticket_id: Uuid,
    pub kind: TicketEventKind,
    pub from_value: Option<String>,
    pub to_value: Option<String>,
    pub actor_id: Option<Uuid>,
    pub occurred_at: DateTime<Utc>,
    /// Staff-only (an internal note was added).
    pub internal: bool,
    /// Commit order, assigned as the inserting transaction commits (so `None` only inside
    /// it): what subscribers and replays order and resume by.
    pub position: Option<i64>,
    /// An UPDATED event's edits: `[{"field", "from", "to"}]`.
    pub changes: Option<serde_json::Value>,
}

impl TicketEvent {
    /// The position clients see as the event's id and pass back as `after`.
    pub fn cursor(&self) -> i64 {
        self.position.unwrap_or_default()
    }
}

#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = ticket_events)]
pub struct NewTicketEvent {
    pub ticket_id: Uuid,
    pub kind: TicketEventKind,
    pub from_value: Option<String>,
    pub to_value: Option<String>,
    pub actor_id: Option<Uuid>,
    pub internal: bool,
    pub changes: Option<serde_json::Value>,
}

/// An event with what subscribers need to decide who may see it.
#[derive(Debug, Clone, Queryable)]
pub struct RoutedEvent {
    pub event: TicketEvent,
    pub requester_id: Option<Uuid>,
    pub assignee_id: Option<Uuid>,
    pub ticket_deleted: bool,
}

impl NewTicketEvent {
    pub async fn insert_all(conn: &mut AsyncPgConnection, events: &[Self]) -> QueryResult<()> {
        if !events.is_empty() {
            diesel::insert_into(ticket_events::table)
                .values(events)
                .execute(conn)
                .await?;
        }
        Ok(())
    }

    /// Inserts one event and answers its id.
    pub async fn insert(&self, conn: &mut AsyncPgConnection) -> QueryResult<i64> {
        diesel::insert_into(ticket_events::table)
            .values(self)
            .returning(ticket_events::id)
            .get_result(conn)
            .await
    }
}

type RoutedSelection = (
    diesel::dsl::AsSelect<TicketEvent, diesel::pg::Pg>,
    tickets::requester_id,
    tickets::assignee_id,
    diesel::dsl::IsNotNull<tickets::deleted_at>,
);

fn routed_selection() -> RoutedSelection {
    (
        TicketEvent::as_select(),
        tickets::requester_id,
        tickets::assignee_id,
        tickets::deleted_at.is_not_null(),
    )
}

impl TicketEvent {
    /// Whether a person (not the pipeline) ever assigned or unassigned the ticket.
    pub async fn assigned_by_a_person(
        conn: &mut AsyncPgConnection,
        ticket_id: Uuid,
    ) -> QueryResult<bool> {
        diesel::select(diesel::dsl::exists(
            ticket_events::table
                .filter(ticket_events::ticket_id.eq(ticket_id))
                .filter(ticket_events::actor_id.is_not_null())
                .filter(
                    ticket_events::kind
                        .eq_any([TicketEventKind::Assigned, TicketEventKind::Unassigned]),
                ),
        ))
        .get_result(conn)
        .await
    }

    /// The same page of many tickets' histories in one statement: up to `limit` events per
    /// ticket after position `after`, oldest first; `include_internal` is for staff.
    pub async fn pages_of(
        conn: &mut AsyncPgConnection,
        ticket_ids: &[Uuid],
        include_internal: bool,
        after: i64,
        limit: i64,
    ) -> QueryResult<Vec<Self>> {
        diesel::sql_query(
            "SELECT id, ticket_id, kind, from_value, to_value, actor_id, occurred_at, internal,                     position, changes              FROM (SELECT e.*,                           row_number() OVER (PARTITION BY e.ticket_id ORDER BY e.position) AS rank                    FROM ticket_events e                    WHERE e.ticket_id = ANY($1) AND ($2 OR NOT e.internal) AND e.position > $3) ranked              WHERE rank <= $4 ORDER BY ticket_id, position",
        )
        .bind::<Array<diesel::sql_types::Uuid>, _>(ticket_ids)
        .bind::<Bool, _>(include_internal)
        .bind::<BigInt, _>(after)
        .bind::<BigInt, _>(limit)
        .load(conn)
        .await
    }

    /// The position of the newest committed event (0 when there is none).
    pub async fn last_position(conn: &mut AsyncPgConnection) -> QueryResult<i64> {
        ticket_events::table
            .select(diesel::dsl::max(ticket_events::position))
            .first::<Option<i64>>(conn)
            .await
            .map(Option::unwrap_or_default)
    }

    pub async fn find_routed(
        conn: &mut AsyncPgConnection,
        id: i64,
    ) -> QueryResult<Option<RoutedEvent>> {
        ticket_events::table
            .inner_join(tickets::table)
            .filter(ticket_events::id.eq(id))
            .select(routed_selection())
            .first(conn)
            .await
            .optional()
    }

    /// Events committed after position `after`, in commit order, optionally of one ticket:
    /// the replay a reconnecting subscriber asks for, and the listener's catch-up.
    pub async fn replay(
        conn: &mut AsyncPgConnection,
        after: i64,
        ticket_id: Option<Uuid>,
        limit: i64,
    ) -> QueryResult<Vec<RoutedEvent>> {
        let mut query = ticket_events::table
            .inner_join(tickets::table)
            .filter(ticket_events::position.gt(after))
            .into_boxed();
        if let Some(ticket_id) = ticket_id {
            query = query.filter(ticket_events::ticket_id.eq(ticket_id));
        }
        query
            .order(ticket_events::position.asc())
            .limit(limit)
            .select(routed_selection())
            .load(conn)
            .await
    }
}
