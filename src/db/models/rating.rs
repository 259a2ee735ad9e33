//! Satisfaction ratings: one per resolution of a ticket.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use crate::db::schema::ticket_ratings;

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = ticket_ratings, check_for_backend(diesel::pg::Pg))]
pub struct TicketRating {
    pub ticket_id: Uuid,
    /// The resolution rated (the ticket's `resolved_at` at the time).
    pub resolved_at: DateTime<Utc>,
    pub score: i16,
    pub comment: Option<String>,
    pub rated_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl TicketRating {
    /// The rating of one resolution, locked for a change.
    pub async fn lock(
        conn: &mut AsyncPgConnection,
        ticket_id: Uuid,
        resolved_at: DateTime<Utc>,
    ) -> QueryResult<Option<Self>> {
        ticket_ratings::table
            .find((ticket_id, resolved_at))
            .for_update()
            .select(Self::as_select())
            .first(conn)
            .await
            .optional()
    }

    /// Records a first rating or replaces the score and comment of an existing one (its
    /// `rated_at` stays: the change window runs from the first rating).
    pub async fn upsert(&self, conn: &mut AsyncPgConnection) -> QueryResult<Self> {
        diesel::insert_into(ticket_ratings::table)
            .values(self)
            .on_conflict((ticket_ratings::ticket_id, ticket_ratings::resolved_at))
            .do_update()
            .set((
                ticket_ratings::score.eq(self.score),
                ticket_ratings::comment.eq(&self.comment),
                ticket_ratings::updated_at.eq(self.updated_at),
            ))
            .returning(Self::as_returning())
            .get_result(conn)
            .await
    }

    /// The latest rating of each ticket (of its latest rated resolution).
    pub async fn latest_of(
        conn: &mut AsyncPgConnection,
        ticket_ids: &[Uuid],
    ) -> QueryResult<Vec<Self>> {
        ticket_ratings::table
            .filter(ticket_ratings::ticket_id.eq_any(ticket_ids))
            .distinct_on(ticket_ratings::ticket_id)
            .order((
                ticket_ratings::ticket_id,
                ticket_ratings::resolved_at.desc(),
            ))
            .select(Self::as_select())
            .load(conn)
            .await
    }
}
