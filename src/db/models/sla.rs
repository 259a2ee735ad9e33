//! SLA rows: business calendars, policies, and the two clocks of each ticket.

use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::db::schema::{business_calendars, sla_policies, ticket_sla_clocks, tickets};
use crate::domain::ticket::TicketPriority;

/// One weekly opening range as stored in `business_calendars.opening_hours`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredRange {
    /// `Mon` … `Sun` (chrono's names).
    pub day: String,
    /// `HH:MM`, local time.
    pub start: String,
    pub end: String,
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = business_calendars, check_for_backend(diesel::pg::Pg))]
pub struct CalendarRow {
    pub id: Uuid,
    pub name: String,
    pub time_zone: String,
    pub opening_hours: serde_json::Value,
    pub holidays: Vec<NaiveDate>,
    pub is_default: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl CalendarRow {
    pub fn ranges(&self) -> Vec<StoredRange> {
        serde_json::from_value(self.opening_hours.clone()).unwrap_or_default()
    }

    pub async fn list(conn: &mut AsyncPgConnection) -> QueryResult<Vec<Self>> {
        business_calendars::table
            .order(business_calendars::name)
            .select(Self::as_select())
            .load(conn)
            .await
    }

    pub async fn find(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<Option<Self>> {
        business_calendars::table
            .find(id)
            .select(Self::as_select())
            .first(conn)
            .await
            .optional()
    }

    /// Inserts or replaces the calendar with this id; a new default takes over from the old
    /// one in the same transaction.
    pub async fn save(&self, conn: &mut AsyncPgConnection) -> QueryResult<Self> {
        if self.is_default {
            diesel::update(
                business_calendars::table
                    .filter(business_calendars::is_default)
                    .filter(business_calendars::id.ne(self.id)),
            )
            .set(business_calendars::is_default.eq(false))
            .execute(conn)
            .await?;
        }
        diesel::insert_into(business_calendars::table)
            .values(self)
            .on_conflict(business_calendars::id)
            .do_update()
            .set((
                business_calendars::name.eq(&self.name),
                business_calendars::time_zone.eq(&self.time_zone),
                business_calendars::opening_hours.eq(&self.opening_hours),
                business_calendars::holidays.eq(&self.holidays),
                business_calendars::is_default.eq(self.is_default),
                business_calendars::updated_at.eq(self.updated_at),
            ))
            .returning(Self::as_returning())
            .get_result(conn)
            .await
    }

    pub async fn delete(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<usize> {
        diesel::delete(business_calendars::table.find(id))
            .execute(conn)
            .await
    }
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = sla_policies, check_for_backend(diesel::pg::Pg))]
pub struct PolicyRow {
    pub id: Uuid,
    pub name: String,
    pub priority: TicketPriority,
    pub category_id: Option<Uuid>,
    pub first_response_minutes: Option<i32>,
    pub resolution_minutes: Option<i32>,
    pub calendar_id: Option<Uuid>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl PolicyRow {
    pub async fn list(conn: &mut AsyncPgConnection) -> QueryResult<Vec<Self>> {
        sla_policies::table
            .order((sla_policies::priority, sla_policies::name))
            .select(Self::as_select())
            .load(conn)
            .await
    }

    pub async fn find_many(conn: &mut AsyncPgConnection, ids: &[Uuid]) -> QueryResult<Vec<Self>> {
        sla_policies::table
            .filter(sla_policies::id.eq_any(ids))
            .select(Self::as_select())
            .load(conn)
            .await
    }

    /// Inserts or replaces the policy with this id (its `created_at` stays).
    pub async fn save(&self, conn: &mut AsyncPgConnection) -> QueryResult<Self> {
        diesel::insert_into(sla_policies::table)
            .values(self)
            .on_conflict(sla_policies::id)
            .do_update()
            .set((
                sla_policies::name.eq(&self.name),
                sla_policies::priority.eq(self.priority),
                sla_policies::category_id.eq(self.category_id),
                sla_policies::first_response_minutes.eq(self.first_response_minutes),
                sla_policies::resolution_minutes.eq(self.resolution_minutes),
                sla_policies::calendar_id.eq(self.calendar_id),
                sla_policies::updated_at.eq(self.updated_at),
            ))
            .returning(Self::as_returning())
            .get_result(conn)
            .await
    }

    pub async fn delete(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<usize> {
        diesel::delete(sla_policies::table.find(id))
            .execute(conn)
            .await
    }
}

#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = ticket_sla_clocks, check_for_backend(diesel::pg::Pg))]
#[diesel(treat_none_as_null = true)]
pub struct ClockRow {
    pub ticket_id: Uuid,
    pub metric: String,
    pub policy_id: Option<Uuid>,
    pub target_minutes: Option<i32>,
    pub consumed_secs: i64,
    pub running_since: Option<DateTime<Utc>>,
    pub warn_at: Option<DateTime<Utc>>,
    pub due_at: Option<DateTime<Utc>>,
    pub stopped_at: Option<DateTime<Utc>>,
    pub warned_at: Option<DateTime<Utc>>,
    pub breached_at: Option<DateTime<Utc>>,
}

impl ClockRow {
    /// A ticket's clocks, locked for a change.
    pub async fn lock_of(conn: &mut AsyncPgConnection, ticket_id: Uuid) -> QueryResult<Vec<Self>> {
        ticket_sla_clocks::table
            .filter(ticket_sla_clocks::ticket_id.eq(ticket_id))
            .for_update()
            .select(Self::as_select())
            .load(conn)
            .await
    }

    pub async fn of_tickets(
        conn: &mut AsyncPgConnection,
        ticket_ids: &[Uuid],
    ) -> QueryResult<Vec<Self>> {
        ticket_sla_clocks::table
            .filter(ticket_sla_clocks::ticket_id.eq_any(ticket_ids))
            .select(Self::as_select())
            .load(conn)
            .await
    }

    pub async fn insert_all(conn: &mut AsyncPgConnection, clocks: &[Self]) -> QueryResult<()> {
        if clocks.is_empty() {
            return Ok(());
        }
        diesel::insert_into(ticket_sla_clocks::table)
            .values(clocks)
            .execute(conn)
            .await?;
        Ok(())
    }

    pub async fn save(&self, conn: &mut AsyncPgConnection) -> QueryResult<()> {
        diesel::insert_into(ticket_sla_clocks::table)
            .values(self)
            .on_conflict((ticket_sla_clocks::ticket_id, ticket_sla_clocks::metric))
            .do_update()
            .set(self)
            .execute(conn)
            .await?;
        Ok(())
    }
}

/// Sets the nearest running deadline a ticket row carries for lists, without touching the
/// ticket's version: it is derived data, not an edit.
pub async fn set_ticket_due_at(
    conn: &mut AsyncPgConnection,
    ticket_id: Uuid,
    due_at: Option<DateTime<Utc>>,
) -> QueryResult<()> {
    diesel::update(tickets::table.find(ticket_id))
        .set(tickets::sla_due_at.eq(due_at))
        .execute(conn)
        .await?;
    Ok(())
}

/// [`set_ticket_due_at`] for many tickets in one statement.
pub async fn set_tickets_due_at(
    conn: &mut AsyncPgConnection,
    dues: &[(Uuid, Option<DateTime<Utc>>)],
) -> QueryResult<()> {
    use diesel::sql_types::{Array, Nullable, Timestamptz};
    if dues.is_empty() {
        return Ok(());
    }
    let ids: Vec<Uuid> = dues.iter().map(|(id, _)| *id).collect();
    let at: Vec<Option<DateTime<Utc>>> = dues.iter().map(|(_, at)| *at).collect();
    diesel::sql_query(
        "UPDATE tickets SET sla_due_at = d.at \
         FROM unnest($1::uuid[], $2::timestamptz[]) AS d(id, at) WHERE tickets.id = d.id",
    )
    .bind::<Array<diesel::sql_types::Uuid>, _>(ids)
    .bind::<Array<Nullable<Timestamptz>>, _>(at)
    .execute(conn)
    .await?;
    Ok(())
}

/// Open tickets a policy or calendar change may affect, a page at a time in id order.
pub async fn open_ticket_ids_after(
    conn: &mut AsyncPgConnection,
    after: Option<Uuid>,
    limit: i64,
) -> QueryResult<Vec<Uuid>> {
    use crate::domain::ticket::TicketStatus;
    let mut query = tickets::table
        .filter(tickets::deleted_at.is_null())
        .filter(tickets::status.ne_all(TicketStatus::DONE))
        .order(tickets::id)
        .limit(limit)
        .select(tickets::id)
        .into_boxed();
    if let Some(after) = after {
        query = query.filter(tickets::id.gt(after));
    }
    query.load(conn).await
}
