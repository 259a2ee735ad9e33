use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::{Array, BigInt, Bool, Nullable};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use crate::db::schema::ticket_messages;
use crate::domain::thread::AuthorRole;

#[derive(Debug, Clone, Queryable, QueryableByName, Selectable, Identifiable, Insertable)]
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
    /// The number of the ticket this message was moved from by a merge.
    pub merged_from: Option<String>,
}

/// Which messages of a thread a reader may see.
#[derive(Debug, Clone, Copy)]
pub struct ThreadView {
    pub ticket_id: Uuid,
    pub include_internal: bool,
}

/// The same page of many threads in one statement (a list of tickets asking for their
/// messages): up to `limit` messages per ticket after `after`, oldest first.
pub async fn pages_of(
    conn: &mut AsyncPgConnection,
    ticket_ids: &[Uuid],
    include_internal: bool,
    after: Option<Uuid>,
    limit: i64,
) -> QueryResult<Vec<TicketMessage>> {
    diesel::sql_query(
        "SELECT id, ticket_id, author_id, author_role, author_name, internal, body, body_html,                 created_at, merged_from          FROM (SELECT m.*, row_number() OVER (PARTITION BY m.ticket_id ORDER BY m.id) AS rank                FROM ticket_messages m                WHERE m.ticket_id = ANY($1) AND ($2 OR NOT m.internal)                  AND ($3::uuid IS NULL OR m.id > $3)) ranked          WHERE rank <= $4 ORDER BY ticket_id, id",
    )
    .bind::<Array<diesel::sql_types::Uuid>, _>(ticket_ids)
    .bind::<Bool, _>(include_internal)
    .bind::<Nullable<diesel::sql_types::Uuid>, _>(after)
    .bind::<BigInt, _>(limit)
    .load(conn)
    .await
}

/// How many messages each of these threads has (tickets without any are absent).
pub async fn counts_of(
    conn: &mut AsyncPgConnection,
    ticket_ids: &[Uuid],
    include_internal: bool,
) -> QueryResult<Vec<(Uuid, i64)>> {
    ticket_messages::table
        .filter(ticket_messages::ticket_id.eq_any(ticket_ids))
        .filter(
            include_internal
                .into_sql::<Bool>()
                .or(ticket_messages::internal.eq(false)),
        )
        .group_by(ticket_messages::ticket_id)
        .select((ticket_messages::ticket_id, diesel::dsl::count_star()))
        .load(conn)
        .await
}

/// Moves the whole thread of ticket `from` to ticket `to`: every message (marked with
/// `from_number` unless an earlier merge marked it) and every attachment; attachments filed
/// with the ticket itself join the message `carrier`. Answers how many messages moved.
pub async fn move_thread(
    conn: &mut AsyncPgConnection,
    from: Uuid,
    to: Uuid,
    from_number: &str,
    carrier: Uuid,
) -> QueryResult<usize> {
    use crate::db::schema::attachments;
    diesel::update(attachments::table.filter(attachments::ticket_id.eq(from)))
        .set((
            attachments::ticket_id.eq(to),
            attachments::message_id.eq(diesel::dsl::sql::<Nullable<diesel::sql_types::Uuid>>(
                "COALESCE(message_id, ",
            )
            .bind::<diesel::sql_types::Uuid, _>(carrier)
            .sql(")")),
        ))
        .execute(conn)
        .await?;
    diesel::update(ticket_messages::table.filter(ticket_messages::ticket_id.eq(from)))
        .set((
            ticket_messages::ticket_id.eq(to),
            ticket_messages::merged_from.eq(diesel::dsl::sql::<Nullable<diesel::sql_types::Text>>(
                "COALESCE(merged_from, ",
            )
            .bind::<diesel::sql_types::Text, _>(from_number)
            .sql(")")),
        ))
        .execute(conn)
        .await
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
