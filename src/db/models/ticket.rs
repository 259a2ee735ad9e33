use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use crate::db::models::event::NewTicketEvent;
use crate::db::schema::tickets;
use crate::domain::ticket::{TicketPriority, TicketSource, TicketStatus};

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
    pub version: i32,
}

/// A ticket about to be filed; the number is allocated by the insert itself.
#[derive(Debug)]
pub struct NewTicket<'a> {
    pub id: Uuid,
    pub title: &'a str,
    pub description: &'a str,
    pub priority: TicketPriority,
    pub category_id: Uuid,
    pub source: TicketSource,
    pub requester_id: Option<Uuid>,
    pub requester_name: &'a str,
    pub requester_email: &'a str,
    pub created_by_id: Option<Uuid>,
    pub page_url: Option<&'a str>,
    pub browser_info: Option<&'a str>,
}

/// Columns a staff edit or a transition may change; `None` leaves a column alone.
#[derive(Debug, Default, AsChangeset)]
#[diesel(table_name = tickets)]
pub struct TicketChanges {
    pub title: Option<String>,
    pub status: Option<TicketStatus>,
    pub priority: Option<TicketPriority>,
    pub category_id: Option<Uuid>,
    pub helpful_notes: Option<Option<String>>,
    pub assignee_id: Option<Option<Uuid>>,
    pub resolved_at: Option<Option<DateTime<Utc>>>,
    pub closed_at: Option<Option<DateTime<Utc>>>,
    pub deleted_at: Option<Option<DateTime<Utc>>>,
    pub deleted_by_id: Option<Option<Uuid>>,
}

/// Allocates the next number of the year, inserts the ticket and its CREATED event in one
/// statement: one round trip, and the counter row is locked only while it runs.
const INSERT_TICKET_SQL: &str = r#"
WITH counter AS (
    INSERT INTO ticket_counters AS c (year, last_value)
    VALUES (EXTRACT(YEAR FROM now() AT TIME ZONE 'UTC')::int, 1)
    ON CONFLICT (year) DO UPDATE SET last_value = c.last_value + 1
    RETURNING year, last_value
), inserted AS (
    INSERT INTO tickets (id, number, title, description, priority, category_id, source,
        requester_id, requester_name, requester_email, created_by_id, page_url, browser_info)
    SELECT $1,
        'TKT-' || counter.year || '-' || CASE WHEN counter.last_value < 10000
            THEN lpad(counter.last_value::text, 4, '0') ELSE counter.last_value::text END,
        $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12
    FROM counter
    RETURNING *
), event AS (
    INSERT INTO ticket_events (ticket_id, kind, to_value, actor_id, occurred_at)
    SELECT id, 'CREATED', status, created_by_id, created_at FROM inserted
)
SELECT * FROM inserted
"#;

impl NewTicket<'_> {
    pub async fn insert(&self, conn: &mut AsyncPgConnection) -> QueryResult<Ticket> {
        diesel::sql_query(INSERT_TICKET_SQL)
            .bind::<sql_types::Uuid, _>(self.id)
            .bind::<sql_types::Text, _>(self.title)
            .bind::<sql_types::Text, _>(self.description)
            .bind::<sql_types::Text, _>(self.priority)
            .bind::<sql_types::Uuid, _>(self.category_id)
            .bind::<sql_types::Text, _>(self.source)
            .bind::<sql_types::Nullable<sql_types::Uuid>, _>(self.requester_id)
            .bind::<sql_types::Text, _>(self.requester_name)
            .bind::<sql_types::Text, _>(self.requester_email)
            .bind::<sql_types::Nullable<sql_types::Uuid>, _>(self.created_by_id)
            .bind::<sql_types::Nullable<sql_types::Text>, _>(self.page_url)
            .bind::<sql_types::Nullable<sql_types::Text>, _>(self.browser_info)
            .get_result(conn)
            .await
    }
}

impl Ticket {
    /// A ticket that is not in the trash.
    pub async fn find_live(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<Option<Ticket>> {
        tickets::table
            .find(id)
            .filter(tickets::deleted_at.is_null())
            .select(Ticket::as_select())
            .first(conn)
            .await
            .optional()
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
