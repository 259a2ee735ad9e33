use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use crate::db::schema::{ticket_events, tickets};
use crate::domain::ticket::TicketEventKind;

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
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

    /// The ticket's events, oldest first; `include_internal` is for staff.
    pub async fn for_ticket(
        conn: &mut AsyncPgConnection,
        ticket_id: Uuid,
        include_internal: bool,
    ) -> QueryResult<Vec<Self>> {
        let mut query = ticket_events::table
            .filter(ticket_events::ticket_id.eq(ticket_id))
            .into_boxed();
        if !include_internal {
            query = query.filter(ticket_events::internal.eq(false));
        }
        query
            .order(ticket_events::id.asc())
            .select(TicketEvent::as_select())
            .load(conn)
            .await
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

    /// Events after `after_id`, oldest first, optionally of one ticket: the replay a
    /// reconnecting subscriber asks for.
    pub async fn replay(
        conn: &mut AsyncPgConnection,
        after_id: i64,
        ticket_id: Option<Uuid>,
        limit: i64,
    ) -> QueryResult<Vec<RoutedEvent>> {
        let mut query = ticket_events::table
            .inner_join(tickets::table)
            .filter(ticket_events::id.gt(after_id))
            .into_boxed();
        if let Some(ticket_id) = ticket_id {
            query = query.filter(ticket_events::ticket_id.eq(ticket_id));
        }
        query
            .order(ticket_events::id.asc())
            .limit(limit)
            .select(routed_selection())
            .load(conn)
            .await
    }
}
