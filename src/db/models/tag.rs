//! Ticket tags and the tag vocabulary with its counts.

use diesel::prelude::*;
use diesel::sql_types::{Array, BigInt, Text};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use crate::db::schema::ticket_tags;
use crate::domain::ticket::TicketStatus;

/// A tag with the number of live tickets carrying it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagCount {
    pub tag: String,
    pub open_tickets: i64,
    pub tickets: i64,
}

/// The tags of each ticket in `ids`, alphabetical.
pub async fn of_tickets(
    conn: &mut AsyncPgConnection,
    ids: &[Uuid],
) -> QueryResult<Vec<(Uuid, String)>> {
    ticket_tags::table
        .filter(ticket_tags::ticket_id.eq_any(ids))
        .select((ticket_tags::ticket_id, ticket_tags::tag))
        .order((ticket_tags::ticket_id, ticket_tags::tag))
        .load(conn)
        .await
}

pub async fn add(
    conn: &mut AsyncPgConnection,
    ticket_id: Uuid,
    tags: &[String],
    by: Uuid,
) -> QueryResult<()> {
    let rows: Vec<_> = tags
        .iter()
        .map(|tag| {
            (
                ticket_tags::ticket_id.eq(ticket_id),
                ticket_tags::tag.eq(tag),
                ticket_tags::added_by.eq(by),
            )
        })
        .collect();
    diesel::insert_into(ticket_tags::table)
        .values(rows)
        .on_conflict_do_nothing()
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn remove(
    conn: &mut AsyncPgConnection,
    ticket_id: Uuid,
    tags: &[String],
) -> QueryResult<()> {
    diesel::delete(
        ticket_tags::table
            .filter(ticket_tags::ticket_id.eq(ticket_id))
            .filter(ticket_tags::tag.eq_any(tags)),
    )
    .execute(conn)
    .await?;
    Ok(())
}

#[derive(QueryableByName)]
struct TagCountRow {
    #[diesel(sql_type = Text)]
    tag: String,
    #[diesel(sql_type = BigInt)]
    open_tickets: i64,
    #[diesel(sql_type = BigInt)]
    tickets: i64,
}

/// Every tag on a live ticket with its counts, most used on open tickets first.
pub async fn counts(conn: &mut AsyncPgConnection) -> QueryResult<Vec<TagCount>> {
    let done: Vec<String> = TicketStatus::DONE.iter().map(ToString::to_string).collect();
    let rows: Vec<TagCountRow> = diesel::sql_query(
        "SELECT tt.tag, count(*) FILTER (WHERE t.status <> ALL($1)) AS open_tickets, \
                count(*) AS tickets \
         FROM ticket_tags tt JOIN tickets t ON t.id = tt.ticket_id \
         WHERE t.deleted_at IS NULL \
         GROUP BY tt.tag ORDER BY open_tickets DESC, tt.tag",
    )
    .bind::<Array<Text>, _>(done)
    .load(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| TagCount {
            tag: row.tag,
            open_tickets: row.open_tickets,
            tickets: row.tickets,
        })
        .collect())
}

/// True when some ticket (live or trashed) carries `tag`.
pub async fn exists(conn: &mut AsyncPgConnection, tag: &str) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        ticket_tags::table.filter(ticket_tags::tag.eq(tag)),
    ))
    .get_result(conn)
    .await
}

/// Moves every ticket tagged `source` to `target` (kept once where a ticket has both) and
/// answers how many tickets carried `source`.
pub async fn merge(conn: &mut AsyncPgConnection, source: &str, target: &str) -> QueryResult<usize> {
    diesel::sql_query(
        "INSERT INTO ticket_tags (ticket_id, tag, added_by, added_at) \
         SELECT ticket_id, $2, added_by, added_at FROM ticket_tags WHERE tag = $1 \
         ON CONFLICT DO NOTHING",
    )
    .bind::<Text, _>(source)
    .bind::<Text, _>(target)
    .execute(conn)
    .await?;
    diesel::delete(ticket_tags::table.filter(ticket_tags::tag.eq(source)))
        .execute(conn)
        .await
}

#[derive(QueryableByName)]
struct SuggestedTag {
    #[diesel(sql_type = Text)]
    tag: String,
}

/// Tags the ticket lacks that tickets like it carry, most used first (at most `limit`): its
/// possible duplicates count twice, then the 500 newest tickets of its category that share
/// one of its skills.
pub async fn suggestions(
    conn: &mut AsyncPgConnection,
    ticket_id: Uuid,
    limit: i64,
) -> QueryResult<Vec<String>> {
    let rows: Vec<SuggestedTag> = diesel::sql_query(
        "WITH me AS (SELECT id, category_id, related_skills FROM tickets WHERE id = $1),
         alike AS (
             SELECT d.other_id AS id, 2 AS weight
             FROM (SELECT duplicate_of_id AS other_id FROM ticket_duplicates WHERE ticket_id = $1
                   UNION SELECT ticket_id FROM ticket_duplicates WHERE duplicate_of_id = $1) d
             UNION ALL
             SELECT o.id, 1 FROM (
                 SELECT o.id FROM tickets o, me
                 WHERE o.id <> me.id AND o.deleted_at IS NULL AND o.category_id = me.category_id
                     AND o.related_skills && me.related_skills
                 ORDER BY o.created_at DESC LIMIT 500) o
         )
         SELECT tt.tag FROM alike JOIN ticket_tags tt ON tt.ticket_id = alike.id
         WHERE NOT EXISTS (SELECT 1 FROM ticket_tags mine WHERE mine.ticket_id = $1
                           AND mine.tag = tt.tag)
         GROUP BY tt.tag ORDER BY sum(alike.weight) DESC, tt.tag LIMIT $2",
    )
    .bind::<diesel::sql_types::Uuid, _>(ticket_id)
    .bind::<BigInt, _>(limit)
    .load(conn)
    .await?;
    Ok(rows.into_iter().map(|row| row.tag).collect())
}
