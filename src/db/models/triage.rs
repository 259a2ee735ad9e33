use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::upsert::excluded;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use crate::db::schema::ticket_triage;
use crate::domain::ticket::TicketPriority;

/// Provenance of a ticket's triage: who analysed it, how sure it was, what it suggested.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = ticket_triage, check_for_backend(diesel::pg::Pg))]
pub struct TicketTriage {
    pub ticket_id: Uuid,
    pub provider: String,
    pub model: String,
    pub confidence: f32,
    pub suggested_category_id: Option<Uuid>,
    pub suggested_priority: TicketPriority,
    pub analyzed_at: DateTime<Utc>,
    /// ISO 639-1, when the text made it clear.
    pub language: Option<String>,
}

impl TicketTriage {
    /// Records (or, for a re-run, replaces) a ticket's triage.
    pub async fn upsert(&self, conn: &mut AsyncPgConnection) -> QueryResult<()> {
        diesel::insert_into(ticket_triage::table)
            .values(self)
            .on_conflict(ticket_triage::ticket_id)
            .do_update()
            .set((
                ticket_triage::provider.eq(excluded(ticket_triage::provider)),
                ticket_triage::model.eq(excluded(ticket_triage::model)),
                ticket_triage::confidence.eq(excluded(ticket_triage::confidence)),
                ticket_triage::suggested_category_id
                    .eq(excluded(ticket_triage::suggested_category_id)),
                ticket_triage::suggested_priority.eq(excluded(ticket_triage::suggested_priority)),
                ticket_triage::analyzed_at.eq(excluded(ticket_triage::analyzed_at)),
                ticket_triage::language.eq(excluded(ticket_triage::language)),
            ))
            .execute(conn)
            .await?;
        Ok(())
    }

    pub async fn find_many(
        conn: &mut AsyncPgConnection,
        ticket_ids: &[Uuid],
    ) -> QueryResult<Vec<TicketTriage>> {
        ticket_triage::table
            .filter(ticket_triage::ticket_id.eq_any(ticket_ids))
            .select(TicketTriage::as_select())
            .load(conn)
            .await
    }
}
