use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use crate::db::schema::{attachments, tickets};
use crate::domain::attachment::AttachmentKind;

#[derive(Debug, Clone, Queryable, Selectable, Identifiable, Insertable)]
#[diesel(table_name = attachments, check_for_backend(diesel::pg::Pg))]
pub struct Attachment {
    pub id: Uuid,
    pub ticket_id: Uuid,
    pub message_id: Option<Uuid>,
    pub kind: AttachmentKind,
    pub internal: bool,
    pub file_name: String,
    pub content_type: String,
    pub size_bytes: i64,
    pub sha256: Vec<u8>,
    pub storage_key: String,
    pub uploaded_by_id: Option<Uuid>,
    pub created_at: DateTime<Utc>,
}

impl Attachment {
    pub async fn insert_all(conn: &mut AsyncPgConnection, rows: &[Attachment]) -> QueryResult<()> {
        if !rows.is_empty() {
            diesel::insert_into(attachments::table)
                .values(rows)
                .execute(conn)
                .await?;
        }
        Ok(())
    }

    pub async fn find(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<Option<Self>> {
        attachments::table
            .find(id)
            .select(Attachment::as_select())
            .first(conn)
            .await
            .optional()
    }

    /// Attachments filed with tickets (not with a message; never internal), oldest first.
    pub async fn of_tickets(
        conn: &mut AsyncPgConnection,
        ticket_ids: &[Uuid],
    ) -> QueryResult<Vec<Self>> {
        attachments::table
            .filter(attachments::ticket_id.eq_any(ticket_ids))
            .filter(attachments::message_id.is_null())
            .order(attachments::created_at.asc())
            .select(Attachment::as_select())
            .load(conn)
            .await
    }

    pub async fn of_messages(
        conn: &mut AsyncPgConnection,
        message_ids: &[Uuid],
    ) -> QueryResult<Vec<Self>> {
        attachments::table
            .filter(attachments::message_id.eq_any(message_ids))
            .order(attachments::created_at.asc())
            .select(Attachment::as_select())
            .load(conn)
            .await
    }

    /// Storage keys of the attachments of tickets trashed before `before` (purged next).
    pub async fn keys_of_trash(
        conn: &mut AsyncPgConnection,
        before: DateTime<Utc>,
    ) -> QueryResult<Vec<String>> {
        attachments::table
            .inner_join(tickets::table)
            .filter(tickets::deleted_at.lt(before))
            .select(attachments::storage_key)
            .load(conn)
            .await
    }
}
