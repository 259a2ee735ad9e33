//! The ticket report: one statement of SQL aggregates over the tickets filed in a period. No
//! ticket row leaves the database; the answer is one JSON document.

use chrono::{DateTime, Utc};
use diesel::QueryableByName;
use diesel::sql_types::{Array, Bool, Json, Nullable, Text, Timestamptz};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use serde::Deserialize;
use uuid::Uuid;

/// What narrows the report (the `tickets` filters that make sense for counting).
#[derive(Debug, Clone, Default)]
pub struct ReportScope {
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
    /// IANA name, already validated.
    pub time_zone: String,
    /// `hour` or `day`.
    pub bucket: &'static str,
    pub statuses: Option<Vec<String>>,
    pub priorities: Option<Vec<String>>,
    pub category_id: Option<Uuid>,
    pub assignee_id: Option<Uuid>,
    pub unassigned: bool,
    pub requester_id: Option<Uuid>,
    /// An ILIKE pattern.
    pub text: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct KeyCount {
    /// `None` for "no assignee".
    pub key: Option<String>,
    pub count: i64,
}

/// Minutes.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Distribution {
    pub count: i64,
    pub mean: Option<f64>,
    pub median: Option<f64>,
    pub p90: Option<f64>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Durations {
    pub business: Distribution,
    pub wall: Distribution,
}

#[derive(Debug, Clone, Deserialize)]
pub struct SlaCompliance {
    pub metric: String,
    pub total: i64,
    pub met: i64,
    pub breached: i64,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct VolumeBucket {
    pub start: DateTime<Utc>,
    pub created: i64,
    pub resolved: i64,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AgentRow {
    pub assignee_id: Uuid,
    pub assigned: i64,
    pub resolved: i64,
    pub median_first_response_minutes: Option<f64>,
    pub satisfaction_average: Option<f64>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TicketReport {
    pub total: i64,
    pub resolved: i64,
    pub ever_resolved: i64,
    pub reopened: i64,
    pub open_now: i64,
    pub unassigned_now: i64,
    pub by_status: Vec<KeyCount>,
    pub by_priority: Vec<KeyCount>,
    pub by_category: Vec<KeyCount>,
    pub by_source: Vec<KeyCount>,
    pub by_assignee: Vec<KeyCount>,
    pub first_response: Durations,
    pub resolution: Durations,
    pub sla: Vec<SlaCompliance>,
    pub ratings: i64,
    pub rating_average: Option<f64>,
    pub volume: Vec<VolumeBucket>,
    pub agents: Vec<AgentRow>,
}

#[derive(QueryableByName)]
struct ReportRow {
    #[diesel(sql_type = Json)]
    report: serde_json::Value,
}

/// The filters every part of the report applies (`t` is a tickets row).
const FILTER: &str = "t.deleted_at IS NULL
    AND ($5::text[] IS NULL OR t.status = ANY($5))
    AND ($6::text[] IS NULL OR t.priority = ANY($6))
    AND ($7::uuid IS NULL OR t.category_id = $7)
    AND ($8::uuid IS NULL OR t.assignee_id = $8)
    AND (NOT $9 OR t.assignee_id IS NULL)
    AND ($10::uuid IS NULL OR t.requester_id = $10)
    AND ($11::text IS NULL OR t.title ILIKE $11 OR t.description ILIKE $11 OR t.number ILIKE $11)";

/// count, mean, median and p90 of a column, as JSON.
fn distribution(column: &str) -> String {
    format!(
        "json_build_object('count', count({column}), 'mean', avg({column}), \
         'median', percentile_cont(0.5) WITHIN GROUP (ORDER BY {column}), \
         'p90', percentile_cont(0.9) WITHIN GROUP (ORDER BY {column}))"
    )
}

fn counts_by(column: &str) -> String {
    format!(
        "(SELECT coalesce(json_agg(json_build_object('key', k, 'count', n) ORDER BY n DESC, k), '[]') \
         FROM (SELECT {column}::text AS k, count(*) AS n FROM scope GROUP BY 1) x)"
    )
}

fn report_sql() -> String {
    format!(
        "WITH scope AS MATERIALIZED (
    SELECT t.id, t.status, t.priority, t.category_id, t.source, t.assignee_id, t.created_at,
        t.first_response_at, t.resolved_at
    FROM tickets t
    WHERE t.created_at >= $1 AND t.created_at < $2 AND {FILTER}
), resolved_in_period AS (
    SELECT t.resolved_at FROM tickets t
    WHERE t.resolved_at >= $1 AND t.resolved_at < $2 AND {FILTER}
), clocks AS MATERIALIZED (
    SELECT c.* FROM scope s JOIN ticket_sla_clocks c ON c.ticket_id = s.id
), first_responses AS (
    SELECT s.assignee_id, extract(epoch FROM s.first_response_at - s.created_at) / 60.0 AS wall,
        c.consumed_secs / 60.0 AS business
    FROM scope s
    LEFT JOIN clocks c ON c.ticket_id = s.id AND c.metric = 'FIRST_RESPONSE'
        AND c.stopped_at IS NOT NULL
    WHERE s.first_response_at IS NOT NULL
), resolutions AS (
    SELECT extract(epoch FROM s.resolved_at - s.created_at) / 60.0 AS wall,
        c.consumed_secs / 60.0 AS business
    FROM scope s
    LEFT JOIN clocks c ON c.ticket_id = s.id AND c.metric = 'RESOLUTION'
        AND c.stopped_at IS NOT NULL
    WHERE s.resolved_at IS NOT NULL
), ratings AS (
    SELECT DISTINCT ON (r.ticket_id) r.ticket_id, s.assignee_id, r.score
    FROM ticket_ratings r JOIN scope s ON s.id = r.ticket_id
    ORDER BY r.ticket_id, r.resolved_at DESC
), reopened AS (
    SELECT DISTINCT e.ticket_id FROM ticket_events e JOIN scope s ON s.id = e.ticket_id
    WHERE e.kind = 'STATUS_CHANGED' AND e.from_value = 'RESOLVED' AND e.to_value <> 'CLOSED'
), buckets AS (
    SELECT generate_series(date_trunc($4, $1 AT TIME ZONE $3),
        ($2 AT TIME ZONE $3) - interval '1 microsecond', ('1 ' || $4)::interval) AS local_start
)
SELECT json_build_object(
    'total', (SELECT count(*) FROM scope),
    'resolved', (SELECT count(*) FROM scope WHERE resolved_at IS NOT NULL),
    'everResolved', (SELECT count(*) FROM scope s
        WHERE s.resolved_at IS NOT NULL OR s.id IN (SELECT ticket_id FROM reopened)),
    'reopened', (SELECT count(*) FROM reopened),
    'openNow', (SELECT count(*) FROM tickets t
        WHERE t.status IN ('TODO', 'IN_PROGRESS', 'WAITING_FOR_CUSTOMER', 'ON_HOLD') AND {FILTER}),
    'unassignedNow', (SELECT count(*) FROM tickets t
        WHERE t.status IN ('TODO', 'IN_PROGRESS', 'WAITING_FOR_CUSTOMER', 'ON_HOLD')
            AND t.assignee_id IS NULL AND {FILTER}),
    'byStatus', {by_status},
    'byPriority', {by_priority},
    'byCategory', {by_category},
    'bySource', {by_source},
    'byAssignee', {by_assignee},
    'firstResponse', (SELECT json_build_object('business', {fr_business}, 'wall', {fr_wall})
        FROM first_responses),
    'resolution', (SELECT json_build_object('business', {res_business}, 'wall', {res_wall})
        FROM resolutions),
    'sla', (SELECT coalesce(json_agg(json_build_object('metric', metric, 'total', total,
            'met', met, 'breached', breached) ORDER BY metric), '[]')
        FROM (SELECT metric, count(*) AS total,
                count(*) FILTER (WHERE breached_at IS NOT NULL
                    OR (running_since IS NOT NULL AND due_at <= now())) AS breached,
                count(*) FILTER (WHERE stopped_at IS NOT NULL AND breached_at IS NULL) AS met
            FROM clocks WHERE target_minutes IS NOT NULL GROUP BY metric) x),
    'ratings', (SELECT count(*) FROM ratings),
    'ratingAverage', (SELECT avg(score) FROM ratings),
    'volume', (SELECT coalesce(json_agg(json_build_object(
            'start', b.local_start AT TIME ZONE $3,
            'created', coalesce(c.n, 0), 'resolved', coalesce(r.n, 0)) ORDER BY b.local_start), '[]')
        FROM buckets b
        LEFT JOIN (SELECT date_trunc($4, created_at AT TIME ZONE $3) AS bucket, count(*) AS n
            FROM scope GROUP BY 1) c ON c.bucket = b.local_start
        LEFT JOIN (SELECT date_trunc($4, resolved_at AT TIME ZONE $3) AS bucket, count(*) AS n
            FROM resolved_in_period GROUP BY 1) r ON r.bucket = b.local_start),
    'agents', (SELECT coalesce(json_agg(json_build_object('assigneeId', a.assignee_id,
            'assigned', a.assigned, 'resolved', a.resolved,
            'medianFirstResponseMinutes', f.median, 'satisfactionAverage', g.average)
            ORDER BY a.assigned DESC, a.assignee_id), '[]')
        FROM (SELECT assignee_id, count(*) AS assigned,
                count(*) FILTER (WHERE resolved_at IS NOT NULL) AS resolved
            FROM scope WHERE assignee_id IS NOT NULL GROUP BY 1) a
        LEFT JOIN (SELECT assignee_id,
                percentile_cont(0.5) WITHIN GROUP (ORDER BY wall) AS median
            FROM first_responses GROUP BY 1) f USING (assignee_id)
        LEFT JOIN (SELECT assignee_id, avg(score) AS average FROM ratings GROUP BY 1) g
            USING (assignee_id))
) AS report",
        by_status = counts_by("status"),
        by_priority = counts_by("priority"),
        by_category = counts_by("category_id"),
        by_source = counts_by("source"),
        by_assignee = counts_by("assignee_id"),
        fr_business = distribution("business"),
        fr_wall = distribution("wall"),
        res_business = distribution("business"),
        res_wall = distribution("wall"),
    )
}

pub async fn ticket_report(
    conn: &mut AsyncPgConnection,
    scope: &ReportScope,
) -> diesel::QueryResult<TicketReport> {
    let row: ReportRow = diesel::sql_query(report_sql())
        .bind::<Timestamptz, _>(scope.from)
        .bind::<Timestamptz, _>(scope.to)
        .bind::<Text, _>(&scope.time_zone)
        .bind::<Text, _>(scope.bucket)
        .bind::<Nullable<Array<Text>>, _>(scope.statuses.as_ref())
        .bind::<Nullable<Array<Text>>, _>(scope.priorities.as_ref())
        .bind::<Nullable<diesel::sql_types::Uuid>, _>(scope.category_id)
        .bind::<Nullable<diesel::sql_types::Uuid>, _>(scope.assignee_id)
        .bind::<Bool, _>(scope.unassigned)
        .bind::<Nullable<diesel::sql_types::Uuid>, _>(scope.requester_id)
        .bind::<Nullable<Text>, _>(scope.text.as_deref())
        .get_result(conn)
        .await?;
    serde_json::from_value(row.report)
        .map_err(|err| diesel::result::Error::DeserializationError(Box::new(err)))
}
