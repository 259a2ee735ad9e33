//! Likely duplicates found when a ticket is filed (`ticket_similarity` in SQL scores them).

use chrono::{DateTime, TimeDelta, Utc};
use diesel::prelude::*;
use diesel::sql_types::{Array, BigInt, Float4, Text, Timestamptz, Uuid as SqlUuid};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use crate::db::schema::tickets;

/// Why two tickets were paired.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, async_graphql::Enum, strum::Display, strum::EnumString,
)]
#[strum(serialize_all = "SCREAMING_SNAKE_CASE")]
pub enum DuplicateReason {
    /// The same requester email, with similar text.
    SameRequester,
    /// Another requester, with very similar text.
    SimilarText,
}

/// How alike tickets must read to be paired.
#[derive(Debug, Clone, Copy)]
pub struct DuplicateThresholds {
    pub same_requester: f32,
    pub any_requester: f32,
}

/// One pairing as a ticket sees it: `other_id` is the ticket on the other side.
#[derive(Debug, Clone, QueryableByName)]
pub struct DuplicatePair {
    #[diesel(sql_type = SqlUuid)]
    pub ticket_id: Uuid,
    #[diesel(sql_type = SqlUuid)]
    pub other_id: Uuid,
    #[diesel(sql_type = Float4)]
    pub score: f32,
    #[diesel(sql_type = Text)]
    pub reason: String,
    #[diesel(sql_type = Timestamptz)]
    pub found_at: DateTime<Utc>,
}

/// Where the detector looks, and how hard.
#[derive(Debug, Clone, Copy)]
pub struct DuplicateSearch {
    /// Only tickets filed this many days before the new one are compared.
    pub window_days: i64,
    /// Of those, only the newest open, unmerged ones (the flood of an outage stays cheap).
    pub newest: i64,
    /// Of those, only the ones from the same requester or with a title this alike (trigram
    /// similarity) are scored in full ...
    pub title_alike: f32,
    /// ... and at most this many of them, the same requester's and the most alike titles
    /// first: scoring the descriptions is the expensive part.
    pub scored: i64,
    pub thresholds: DuplicateThresholds,
    /// Pairs recorded, at most (most alike first).
    pub pairs: i64,
}

/// Pairs the ticket with the open tickets filed before it that read alike, as bounded by
/// `search`; returns how many pairs were recorded. Running it again records nothing new.
pub async fn detect(
    conn: &mut AsyncPgConnection,
    ticket_id: Uuid,
    search: &DuplicateSearch,
) -> QueryResult<usize> {
    // The window's bounds go in as values, not as expressions of the new ticket's row: with
    // them the planner sees how many open tickets the window holds and walks the
    // `tickets_open_recent_idx` backwards, stopping at `newest`.
    let filed_at: Option<DateTime<Utc>> = tickets::table
        .filter(tickets::id.eq(ticket_id))
        .filter(tickets::deleted_at.is_null())
        .select(tickets::created_at)
        .first(conn)
        .await
        .optional()?;
    let Some(filed_at) = filed_at else {
        return Ok(0);
    };
    let window_start = filed_at - TimeDelta::days(search.window_days);
    diesel::sql_query(
        "INSERT INTO ticket_duplicates (ticket_id, duplicate_of_id, score, reason)
         SELECT t.id, c.id, s.score,
             CASE WHEN c.same_requester THEN 'SAME_REQUESTER' ELSE 'SIMILAR_TEXT' END
         FROM tickets t
         CROSS JOIN LATERAL (
             SELECT recent.id, recent.title, recent.description, recent.created_at,
                 alike.same_requester
             FROM (SELECT id, title, description, requester_email, created_at FROM tickets
                   WHERE deleted_at IS NULL AND merged_into_id IS NULL
                       AND status NOT IN ('RESOLVED', 'CLOSED', 'CANCELLED')
                       AND created_at BETWEEN $2 AND $3
                   ORDER BY created_at DESC
                   LIMIT $4) recent
             CROSS JOIN LATERAL (SELECT recent.requester_email = t.requester_email
                     AS same_requester,
                 similarity(lower(recent.title), lower(t.title)) AS title_score) alike
             WHERE recent.id <> t.id AND (alike.same_requester OR alike.title_score >= $5)
             ORDER BY alike.same_requester DESC, alike.title_score DESC, recent.created_at DESC
             LIMIT $6) c
         CROSS JOIN LATERAL (SELECT LEAST(1, ticket_similarity(t.title, t.description,
             c.title, c.description)) AS score) s
         WHERE t.id = $1 AND t.deleted_at IS NULL
             AND (s.score >= $8 OR (c.same_requester AND s.score >= $7))
         ORDER BY s.score DESC, c.created_at DESC
         LIMIT $9
         ON CONFLICT DO NOTHING",
    )
    .bind::<SqlUuid, _>(ticket_id)
    .bind::<Timestamptz, _>(window_start)
    .bind::<Timestamptz, _>(filed_at)
    .bind::<BigInt, _>(search.newest)
    .bind::<Float4, _>(search.title_alike)
    .bind::<BigInt, _>(search.scored)
    .bind::<Float4, _>(search.thresholds.same_requester)
    .bind::<Float4, _>(search.thresholds.any_requester)
    .bind::<BigInt, _>(search.pairs)
    .execute(conn)
    .await
}

/// The pairs of these tickets, in both directions, whose other ticket is live and unmerged;
/// most alike first.
pub async fn of_tickets(
    conn: &mut AsyncPgConnection,
    ticket_ids: &[Uuid],
) -> QueryResult<Vec<DuplicatePair>> {
    diesel::sql_query(
        "SELECT p.ticket_id, p.other_id, p.score, p.reason, p.found_at
         FROM (SELECT ticket_id, duplicate_of_id AS other_id, score, reason, found_at
                 FROM ticket_duplicates WHERE ticket_id = ANY($1)
               UNION ALL
               SELECT duplicate_of_id, ticket_id, score, reason, found_at
                 FROM ticket_duplicates WHERE duplicate_of_id = ANY($1)) p
         JOIN tickets o ON o.id = p.other_id AND o.deleted_at IS NULL AND o.merged_into_id IS NULL
         ORDER BY p.ticket_id, p.score DESC, p.other_id",
    )
    .bind::<Array<SqlUuid>, _>(ticket_ids)
    .load(conn)
    .await
}

/// `ticket_similarity` of two texts, for measuring the detector on labelled pairs.
pub async fn similarity(
    conn: &mut AsyncPgConnection,
    a: (&str, &str),
    b: (&str, &str),
) -> QueryResult<f32> {
    #[derive(QueryableByName)]
    struct Score {
        #[diesel(sql_type = Float4)]
        score: f32,
    }
    let row: Score = diesel::sql_query("SELECT ticket_similarity($1, $2, $3, $4) AS score")
        .bind::<Text, _>(a.0)
        .bind::<Text, _>(a.1)
        .bind::<Text, _>(b.0)
        .bind::<Text, _>(b.1)
        .get_result(conn)
        .await?;
    Ok(row.score)
}
