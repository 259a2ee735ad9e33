use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use crate::db::schema::email_deliveries;

/// A message handed to the mail transport; its Message-ID makes sending idempotent.
#[derive(Debug, Insertable)]
#[diesel(table_name = email_deliveries)]
pub struct NewEmailDelivery<'a> {
    pub message_id: &'a str,
    pub kind: &'a str,
    pub ticket_id: Option<Uuid>,
    pub recipient: &'a str,
    pub subject: &'a str,
    pub transport: &'a str,
}

impl NewEmailDelivery<'_> {
    pub async fn insert(&self, conn: &mut AsyncPgConnection) -> QueryResult<()> {
        diesel::insert_into(email_deliveries::table)
            .values(self)
            .on_conflict_do_nothing()
            .execute(conn)
            .await?;
        Ok(())
    }
}

pub async fn was_sent(conn: &mut AsyncPgConnection, message_id: &str) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        email_deliveries::table.filter(email_deliveries::message_id.eq(message_id)),
    ))
    .get_result(conn)
    .await
}

/// The ticket one of these Message-IDs (as sent, in angle brackets) was about, if we sent it.
pub async fn ticket_of(
    conn: &mut AsyncPgConnection,
    message_ids: &[String],
) -> QueryResult<Option<Uuid>> {
    email_deliveries::table
        .filter(email_deliveries::message_id.eq_any(message_ids))
        .filter(email_deliveries::ticket_id.is_not_null())
        .select(email_deliveries::ticket_id.assume_not_null())
        .order(email_deliveries::sent_at.desc())
        .first(conn)
        .await
        .optional()
}
