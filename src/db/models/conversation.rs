use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use crate::db::schema::ticket_conversations;

/// The AI-assistant transcript a ticket was filed from.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = ticket_conversations, check_for_backend(diesel::pg::Pg))]
pub struct TicketConversation {
    pub ticket_id: Uuid,
    pub conversation_ref: Option<String>,
    pub transcript: serde_json::Value,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = ticket_conversations)]
pub struct NewTicketConversation<'a> {
    pub ticket_id: Uuid,
    pub conversation_ref: Option<&'a str>,
    pub transcript: &'a serde_json::Value,
}

impl NewTicketConversation<'_> {
    pub async fn insert(&self, conn: &mut AsyncPgConnection) -> QueryResult<()> {
        diesel::insert_into(ticket_conversations::table)
            .values(self)
            .execute(conn)
            .await?;
        Ok(())
    }
}

impl TicketConversation {
    pub async fn find_many(
        conn: &mut AsyncPgConnection,
        ticket_ids: &[Uuid],
    ) -> QueryResult<Vec<TicketConversation>> {
        ticket_conversations::table
            .filter(ticket_conversations::ticket_id.eq_any(ticket_ids))
            .select(TicketConversation::as_select())
            .load(conn)
            .await
    }
}
