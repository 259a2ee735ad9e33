use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use crate::db::models::event::NewTicketEvent;
use crate::db::schema::tickets;
use crate::domain::ticket::{PrioritySource, TicketPriority, TicketSource, TicketStatus};

#[derive(Debug, Clone, Queryable, QueryableByName, Selectable, Identifiable)]
#[diesel(table_name = tickets, check_for_backend(diesel::pg::Pg))]
pub struct Ticket {
    pub id: Uuid,
    pub number: String,
    pub title: String,
    pub description: String,
    pub status: TicketStatus,
    pub priority: TicketPriority,
    pub category_id: Uuid,
    pub source: TicketSource,
    pub requester_id: Option<Uuid>,
    pub requester_name: String,
    pub requester_email: String,
    pub created_by_id: Option<Uuid>,
    pub assignee_id: Option<Uuid>,
    pub summary: Option<String>,
    pub helpful_notes: Option<String>,
    pub related_skills: Vec<String>,
    pub page_url: Option<String>,
    pub browser_info: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub first_response_at: Option<DateTime<Utc>>,
    pub resolved_at: Option<DateTime<Utc>>,
    pub closed_at: Option<DateTime<Utc>>,
    pub deleted_at: Option<DateTime<Utc>>,
    pub deleted_by_id: Option<Uuid>,
    pub version: i32,
    pub priority_source: PrioritySource,
    pub assignment_reason: Option<serde_json::Value>,
    /// The nearest deadline of a running SLA clock.
    pub sla_due_at: Option<DateTime<Utc>>,
    /// Set when the ticket was merged into another (it is then CLOSED for good).
    pub merged_into_id: Option<Uuid>,
}

/// A ticket about to be filed; the number is allocated by the insert itself.
#[derive(Debug, Clone)]
pub struct NewTicket {
    pub id: Uuid,
    pub title: String,
    pub description: String,
    pub priority: TicketPriority,
    pub category_id: Uuid,
    pub source: TicketSource,
    pub requester_id: Option<Uuid>,
    pub requester_name: String,
    pub requester_email: String,
    pub created_by_id: Option<Uuid>,
    pub page_url: Option<String>,
    pub browser_info: Option<String>,
    pub priority_source: PrioritySource,
}

/// Columns a staff edit or a transition may change; `None` leaves a column alone.
#[derive(Debug, Default, AsChangeset)]
#[diesel(table_name = tickets)]
pub struct TicketChanges {
    pub title: Option<String>,
    pub status: Option<TicketStatus>,
    pub priority: Option<TicketPriority>,
    pub priority_source: Option<PrioritySource>,
    pub category_id: Option<Uuid>,
    pub summary: Option<Option<String>>,
    pub related_skills: Option<Vec<String>>,
    pub helpful_notes: Option<Option<String>>,
    pub assignee_id: Option<Option<Uuid>>,
    pub assignment_reason: Option<Option<serde_json::Value>>,
    pub first_response_at: Option<Option<DateTime<Utc>>>,
    pub resolved_at: Option<Option<DateTime<Utc>>>,
    pub closed_at: Option<Option<DateTime<Utc>>>,
    pub deleted_at: Option<Option<DateTime<Utc>>>,
    pub deleted_by_id: Option<Option<Uuid>>,
    pub merged_into_id: Option<Option<Uuid>>,
}

/// Files a batch of tickets in one statement: reserves as many numbers as there are tickets
/// with one counter update, inserts the tickets in input order with consecutive numbers, and
/// records their CREATED events. The counter row stays locked only for this statement's
/// transaction, however many tickets it carries.
const INSERT_TICKETS_SQL: &str = r#"
WITH input AS (
    SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::uuid[], $6::text[],
        $7::uuid[], $8::text[], $9::text[], $10::uuid[], $11::text[], $12::text[], $13::text[])
        WITH ORDINALITY AS i(id, title, description, priority, category_id, source,
            requester_id, requester_name, requester_email, created_by_id, page_url, browser_info,
            priority_source, ord)
), counter AS (
    INSERT INTO ticket_counters AS c (year, last_value)
    VALUES (EXTRACT(YEAR FROM now() AT TIME ZONE 'UTC')::int, cardinality($1::uuid[]))
    ON CONFLICT (year) DO UPDATE SET last_value = c.last_value + cardinality($1::uuid[])
    RETURNING year, last_value - cardinality($1::uuid[]) AS before
), inserted AS (
    INSERT INTO tickets (id, number, title, description, priority, category_id, source,
        requester_id, requester_name, requester_email, created_by_id, page_url, browser_info,
        priority_source)
    SELECT i.id,
        'TKT-' || counter.year || '-' || CASE WHEN counter.before + i.ord < 10000
            THEN lpad((counter.before + i.ord)::text, 4, '0') ELSE (counter.before + i.ord)::text END,
        i.title, i.description, i.priority, i.category_id, i.source, i.requester_id,
        i.requester_name, i.requester_email, i.created_by_id, i.page_url, i.browser_info,
        i.priority_source
    FROM input i CROSS JOIN counter
    ORDER BY i.ord
    RETURNING *
), event AS (
    INSERT INTO ticket_events (ticket_id, kind, to_value, actor_id, occurred_at)
    SELECT id, 'CREATED', status, created_by_id, created_at FROM inserted ORDER BY number
)
SELECT * FROM inserted
"#;

/// Inserts `tickets` (numbered in slice order); returns them in the same order.
pub async fn insert_tickets(
    conn: &mut AsyncPgConnection,
    tickets: &[NewTicket],
) -> QueryResult<Vec<Ticket>> {
    use sql_types::{Array, Nullable, Text};
    fn column<T: Clone>(tickets: &[NewTicket], f: impl Fn(&NewTicket) -> T) -> Vec<T> {
        tickets.iter().map(f).collect()
    }
    let mut rows: Vec<Ticket> = diesel::sql_query(INSERT_TICKETS_SQL)
        .bind::<Array<sql_types::Uuid>, _>(column(tickets, |t| t.id))
        .bind::<Array<Text>, _>(column(tickets, |t| t.title.clone()))
        .bind::<Array<Text>, _>(column(tickets, |t| t.description.clone()))
        .bind::<Array<Text>, _>(column(tickets, |t| t.priority))
        .bind::<Array<sql_types::Uuid>, _>(column(tickets, |t| t.category_id))
        .bind::<Array<Text>, _>(column(tickets, |t| t.source))
        .bind::<Array<Nullable<sql_types::Uuid>>, _>(column(tickets, |t| t.requester_id))
        .bind::<Array<Text>, _>(column(tickets, |t| t.requester_name.clone()))
        .bind::<Array<Text>, _>(column(tickets, |t| t.requester_email.clone()))
        .bind::<Array<Nullable<sql_types::Uuid>>, _>(column(tickets, |t| t.created_by_id))
        .bind::<Array<Nullable<Text>>, _>(column(tickets, |t| t.page_url.clone()))
        .bind::<Array<Nullable<Text>>, _>(column(tickets, |t| t.browser_info.clone()))
        .bind::<Array<Text>, _>(column(tickets, |t| t.priority_source))
        .load(conn)
        .await?;
    let position: std::collections::HashMap<Uuid, usize> =
        tickets.iter().enumerate().map(|(i, t)| (t.id, i)).collect();
    rows.sort_by_key(|row| position.get(&row.id).copied().unwrap_or(usize::MAX));
    Ok(rows)
}

impl NewTicket {
    pub async fn insert(&self, conn: &mut AsyncPgConnection) -> QueryResult<Ticket> {
        insert_tickets(conn, std::slice::from_ref(self))
            .await?
            .pop()
            .ok_or(diesel::result::Error::NotFound)
    }
}

impl Ticket {
    /// A ticket, trashed or not.
    pub async fn find(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<Option<Ticket>> {
        tickets::table
            .find(id)
            .select(Ticket::as_select())
            .first(conn)
            .await
            .optional()
    }

    /// A ticket that is not in the trash.
    pub async fn find_live(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<Option<Ticket>> {
        super::live_ticket::find(conn, id).await
    }

    pub async fn find_live_by_number(
        conn: &mut AsyncPgConnection,
        number: &str,
    ) -> QueryResult<Option<Ticket>> {
        tickets::table
            .filter(tickets::number.eq(number))
            .filter(tickets::deleted_at.is_null())
            .select(Ticket::as_select())
            .first(conn)
            .await
            .optional()
    }

    pub async fn find_many_live(
        conn: &mut AsyncPgConnection,
        ids: &[Uuid],
    ) -> QueryResult<Vec<Ticket>> {
        tickets::table
            .filter(tickets::id.eq_any(ids))
            .filter(tickets::deleted_at.is_null())
            .select(Ticket::as_select())
            .load(conn)
            .await
    }

    /// A page of the trash, most recently trashed first, and the trash's size.
    pub async fn trashed(
        conn: &mut AsyncPgConnection,
        limit: i64,
        offset: i64,
    ) -> QueryResult<(Vec<Ticket>, i64)> {
        let page = tickets::table
            .filter(tickets::deleted_at.is_not_null())
            .order((tickets::deleted_at.desc(), tickets::id.desc()))
            .limit(limit)
            .offset(offset)
            .select(Ticket::as_select())
            .load(conn)
            .await?;
        let total = tickets::table
            .filter(tickets::deleted_at.is_not_null())
            .count()
            .get_result(conn)
            .await?;
        Ok((page, total))
    }

    /// Locks the row (trashed or not) for a read-modify-write inside a transaction.
    pub async fn lock(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<Option<Ticket>> {
        tickets::table
            .find(id)
            .select(Ticket::as_select())
            .for_update()
            .first(conn)
            .await
            .optional()
    }

    /// Applies `changes`, bumps the version and records `events`, all on the caller's
    /// transaction.
    pub async fn apply(
        conn: &mut AsyncPgConnection,
        id: Uuid,
        changes: &TicketChanges,
        events: &[NewTicketEvent],
    ) -> QueryResult<Ticket> {
        let ticket = diesel::update(tickets::table.find(id))
            .set((
                changes,
                tickets::version.eq(tickets::version + 1),
                tickets::updated_at.eq(diesel::dsl::now),
            ))
            .returning(Ticket::as_returning())
            .get_result(conn)
            .await?;
        NewTicketEvent::insert_all(conn, events).await?;
        Ok(ticket)
    }

    /// Permanently removes tickets trashed before `before`.
    pub async fn purge_trash(
        conn: &mut AsyncPgConnection,
        before: DateTime<Utc>,
    ) -> QueryResult<usize> {
        diesel::delete(tickets::table.filter(tickets::deleted_at.lt(before)))
            .execute(conn)
            .await
    }
}
