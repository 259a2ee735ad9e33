//! Likely duplicates found when a ticket is filed (`ticket_similarity` in SQL scores them).

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::{Array, Float4, Integer, Text, Timestamptz, Uuid as SqlUuid};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

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

/// Pairs the ticket with the open, unmerged tickets filed up to `window_days` before it that
/// read alike (at most `limit`, most alike first); returns how many pairs were recorded.
/// Running it again records nothing new.
pub async fn detect(
    conn: &mut AsyncPgConnection,
    ticket_id: Uuid,
    window_days: i32,
    thresholds: DuplicateThresholds,
    limit: i32,
) -> QueryResult<usize> {
    diesel::sql_query(
        "INSERT INTO ticket_duplicates (ticket_id, duplicate_of_id, score, reason)
         SELECT t.id, c.id, s.score,
             CASE WHEN c.requester_email = t.requester_email
                 THEN 'SAME_REQUESTER' ELSE 'SIMILAR_TEXT' END
         FROM tickets t
         JOIN tickets c ON c.id <> t.id AND c.deleted_at IS NULL AND c.merged_into_id IS NULL
             AND c.status NOT IN ('RESOLVED', 'CLOSED', 'CANCELLED')
             AND c.created_at BETWEEN t.created_at - make_interval(days => $2) AND t.created_at
         CROSS JOIN LATERAL (SELECT LEAST(1, ticket_similarity(t.title, t.description,
             c.title, c.description)) AS score) s
         WHERE t.id = $1 AND t.deleted_at IS NULL
             AND (s.score >= $4 OR (c.requester_email = t.requester_email AND s.score >= $3))
         ORDER BY s.score DESC, c.created_at DESC
         LIMIT $5
         ON CONFLICT DO NOTHING",
    )
    .bind::<SqlUuid, _>(ticket_id)
    .bind::<Integer, _>(window_days)
    .bind::<Float4, _>(thresholds.same_requester)
    .bind::<Float4, _>(thresholds.any_requester)
    .bind::<Integer, _>(limit)
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
