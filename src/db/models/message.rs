use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use crate::db::schema::ticket_messages;
use crate::domain::thread::AuthorRole;

#[derive(Debug, Clone, Queryable, Selectable, Identifiable, Insertable)]
#[diesel(table_name = ticket_messages, check_for_backend(diesel::pg::Pg))]
pub struct TicketMessage {
    pub id: Uuid,
    pub ticket_id: Uuid,
    pub author_id: Option<Uuid>,
    pub author_role: AuthorRole,
    pub author_name: String,
    pub internal: bool,
    pub body: String,
    pub body_html: String,
    pub created_at: DateTime<Utc>,
}

/// Which messages of a thread a reader may see.
#[derive(Debug, Clone, Copy)]
pub struct ThreadView {
    pub ticket_id: Uuid,
    pub include_internal: bool,
}

impl ThreadView {
    fn query(self) -> ticket_messages::BoxedQuery<'static, diesel::pg::Pg> {
        let mut query = ticket_messages::table
            .filter(ticket_messages::ticket_id.eq(self.ticket_id))
            .into_boxed();
        if !self.include_internal {
            query = query.filter(ticket_messages::internal.eq(false));
        }
        query
    }

    /// Messages oldest first (ids are time-ordered UUIDv7), after `after` if given.
    pub async fn page(
        self,
        conn: &mut AsyncPgConnection,
        after: Option<Uuid>,
        limit: i64,
    ) -> QueryResult<Vec<TicketMessage>> {
        let mut query = self.query();
        if let Some(after) = after {
            query = query.filter(ticket_messages::id.gt(after));
        }
        query
            .order(ticket_messages::id.asc())
            .limit(limit)
            .select(TicketMessage::as_select())
            .load(conn)
            .await
    }

    pub async fn count(self, conn: &mut AsyncPgConnection) -> QueryResult<i64> {
        self.query().count().get_result(conn).await
    }
}

impl TicketMessage {
    pub async fn insert(&self, conn: &mut AsyncPgConnection) -> QueryResult<TicketMessage> {
        diesel::insert_into(ticket_messages::table)
            .values(self)
            .returning(TicketMessage::as_returning())
            .get_result(conn)
            .await
    }

    pub async fn find(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<Option<Self>> {
        ticket_messages::table
            .find(id)
            .select(TicketMessage::as_select())
            .first(conn)
            .await
            .optional()
    }

    pub async fn find_many(conn: &mut AsyncPgConnection, ids: &[Uuid]) -> QueryResult<Vec<Self>> {
        ticket_messages::table
            .filter(ticket_messages::id.eq_any(ids))
            .select(TicketMessage::as_select())
            .load(conn)
            .await
    }
}
