//! The ticket report: SQL aggregates over the tickets filed in a period, in two statements that
//! run side by side. No ticket row leaves the database; each answers one JSON document.

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

/// The report is two statements that can run at once: the period's facts, and the activity
/// (open now, volume series) that reads the tickets table on its own.
#[derive(Debug, Clone, Copy)]
pub enum ReportPart {
    Facts,
    Activity,
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

/// `count`, `mean`, `median` and `p90` of a `facts` column, as JSON. The two percentile
/// calls are the same aggregate, which PostgreSQL computes once (one sort).
fn distribution(column: &str) -> String {
    let percentiles = format!("percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY {column})");
    format!(
        "(SELECT json_build_object('count', count({column}), 'mean', avg({column}), \
            'median', ({percentiles})[1], 'p90', ({percentiles})[2]) FROM facts)"
    )
}

/// One `{key, count}` list per dimension of the `counts` grouping sets.
fn counts_of(dimension: &str) -> String {
    format!(
        "(SELECT coalesce(json_agg(json_build_object('key', k, 'count', n) ORDER BY n DESC, k), '[]') \
         FROM counts WHERE dimension = '{dimension}')"
    )
}

/// SLA outcome of one metric over `facts` (`prefix` is `fr` or `res`).
fn compliance(metric: &str, prefix: &str) -> String {
    format!(
        "json_build_object('metric', '{metric}', \
            'total', count(*) FILTER (WHERE {prefix}_target), \
            'met', count(*) FILTER (WHERE {prefix}_target AND {prefix}_met), \
            'breached', count(*) FILTER (WHERE {prefix}_target AND {prefix}_breached))"
    )
}

/// One row per ticket filed in the period (`facts`), with every measure the report
/// aggregates; each section is then one pass over it. The covering index
/// `tickets_report_idx` lets the period be read without visiting the table.
fn facts_sql() -> String {
    format!(
        "WITH facts AS MATERIALIZED (
    SELECT t.id, t.status, t.priority, t.category_id, t.source, t.assignee_id, t.created_at,
        t.resolved_at,
        extract(epoch FROM t.first_response_at - t.created_at)::float8 / 60 AS fr_wall,
        extract(epoch FROM t.resolved_at - t.created_at)::float8 / 60 AS res_wall,
        CASE WHEN t.first_response_at IS NOT NULL AND fr.stopped_at IS NOT NULL
            THEN fr.consumed_secs::float8 / 60 END AS fr_business,
        CASE WHEN t.resolved_at IS NOT NULL AND rc.stopped_at IS NOT NULL
            THEN rc.consumed_secs::float8 / 60 END AS res_business,
        fr.target_minutes IS NOT NULL AS fr_target,
        fr.stopped_at IS NOT NULL AND fr.breached_at IS NULL AS fr_met,
        fr.breached_at IS NOT NULL OR (fr.running_since IS NOT NULL AND fr.due_at <= now())
            AS fr_breached,
        rc.target_minutes IS NOT NULL AS res_target,
        rc.stopped_at IS NOT NULL AND rc.breached_at IS NULL AS res_met,
        rc.breached_at IS NOT NULL OR (rc.running_since IS NOT NULL AND rc.due_at <= now())
            AS res_breached,
        r.score,
        o.ticket_id IS NOT NULL AS reopened
    FROM tickets t
    LEFT JOIN ticket_sla_clocks fr ON fr.ticket_id = t.id AND fr.metric = 'FIRST_RESPONSE'
    LEFT JOIN ticket_sla_clocks rc ON rc.ticket_id = t.id AND rc.metric = 'RESOLUTION'
    LEFT JOIN (SELECT DISTINCT ON (ticket_id) ticket_id, score FROM ticket_ratings
               ORDER BY ticket_id, resolved_at DESC) r ON r.ticket_id = t.id
    LEFT JOIN (SELECT DISTINCT ticket_id FROM ticket_events
               WHERE kind = 'STATUS_CHANGED' AND from_value = 'RESOLVED' AND to_value <> 'CLOSED') o
        ON o.ticket_id = t.id
    WHERE t.created_at >= $1 AND t.created_at < $2 AND {FILTER}
), counts AS (
    SELECT CASE WHEN GROUPING(status) = 0 THEN 'status' WHEN GROUPING(priority) = 0 THEN 'priority'
                WHEN GROUPING(category_id) = 0 THEN 'category' WHEN GROUPING(source) = 0 THEN 'source'
                ELSE 'assignee' END AS dimension,
        COALESCE(status, priority, source, category_id::text, assignee_id::text) AS k,
        count(*) AS n
    FROM facts
    GROUP BY GROUPING SETS ((status), (priority), (category_id), (source), (assignee_id))
)
SELECT json_build_object(
    'total', totals.total,
    'resolved', totals.resolved,
    'everResolved', totals.ever_resolved,
    'reopened', totals.reopened,
    'ratings', totals.ratings,
    'ratingAverage', totals.rating_average,
    'sla', json_build_array(totals.first_response_sla, totals.resolution_sla),
    'byStatus', {by_status},
    'byPriority', {by_priority},
    'byCategory', {by_category},
    'bySource', {by_source},
    'byAssignee', {by_assignee},
    'firstResponse', json_build_object('business', {fr_business}, 'wall', {fr_wall}),
    'resolution', json_build_object('business', {res_business}, 'wall', {res_wall}),
    'agents', (SELECT coalesce(json_agg(json_build_object('assigneeId', assignee_id,
            'assigned', assigned, 'resolved', resolved,
            'medianFirstResponseMinutes', median_first_response,
            'satisfactionAverage', satisfaction) ORDER BY assigned DESC, assignee_id), '[]')
        FROM (SELECT assignee_id, count(*) AS assigned, count(resolved_at) AS resolved,
                percentile_cont(0.5) WITHIN GROUP (ORDER BY fr_wall) AS median_first_response,
                avg(score)::float8 AS satisfaction
            FROM facts WHERE assignee_id IS NOT NULL GROUP BY assignee_id) a)
) AS report
FROM (SELECT count(*) AS total, count(resolved_at) AS resolved,
        count(*) FILTER (WHERE resolved_at IS NOT NULL OR reopened) AS ever_resolved,
        count(*) FILTER (WHERE reopened) AS reopened,
        count(score) AS ratings, avg(score)::float8 AS rating_average,
        {fr_sla} AS first_response_sla, {res_sla} AS resolution_sla
    FROM facts) totals",
        by_status = counts_of("status"),
        by_priority = counts_of("priority"),
        by_category = counts_of("category"),
        by_source = counts_of("source"),
        by_assignee = counts_of("assignee"),
        fr_business = distribution("fr_business"),
        fr_wall = distribution("fr_wall"),
        res_business = distribution("res_business"),
        res_wall = distribution("res_wall"),
        fr_sla = compliance("FIRST_RESPONSE", "fr"),
        res_sla = compliance("RESOLUTION", "res"),
    )
}

/// The parts that do not need the period's facts: open tickets now and the volume series. A
/// second statement, run beside the first on its own connection.
fn activity_sql() -> String {
    format!(
        "WITH open_now AS (
    SELECT count(*) AS open, count(*) FILTER (WHERE t.assignee_id IS NULL) AS unassigned
    FROM tickets t
    WHERE t.status IN ('TODO', 'IN_PROGRESS', 'WAITING_FOR_CUSTOMER', 'ON_HOLD') AND {FILTER}
), resolved_in_period AS (
    SELECT date_trunc($4, t.resolved_at AT TIME ZONE $3) AS bucket, count(*) AS n
    FROM tickets t
    WHERE t.resolved_at >= $1 AND t.resolved_at < $2 AND {FILTER}
    GROUP BY 1
), created_in_period AS (
    SELECT date_trunc($4, t.created_at AT TIME ZONE $3) AS bucket, count(*) AS n
    FROM tickets t
    WHERE t.created_at >= $1 AND t.created_at < $2 AND {FILTER}
    GROUP BY 1
), buckets AS (
    SELECT generate_series(date_trunc($4, $1 AT TIME ZONE $3),
        ($2 AT TIME ZONE $3) - interval '1 microsecond', ('1 ' || $4)::interval) AS local_start
)
SELECT json_build_object(
    'openNow', (SELECT open FROM open_now),
    'unassignedNow', (SELECT unassigned FROM open_now),
    'volume', (SELECT coalesce(json_agg(json_build_object(
            'start', b.local_start AT TIME ZONE $3,
            'created', coalesce(c.n, 0), 'resolved', coalesce(r.n, 0)) ORDER BY b.local_start), '[]')
        FROM buckets b
        LEFT JOIN created_in_period c ON c.bucket = b.local_start
        LEFT JOIN resolved_in_period r ON r.bucket = b.local_start)
) AS report"
    )
}

/// Runs one part of the report on `conn`; the caller merges the parts.
pub async fn report_part(
    conn: &mut AsyncPgConnection,
    scope: &ReportScope,
    part: ReportPart,
) -> diesel::QueryResult<serde_json::Value> {
    let sql = match part {
        ReportPart::Facts => facts_sql(),
        ReportPart::Activity => activity_sql(),
    };
    let row: ReportRow = diesel::sql_query(sql)
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
    Ok(row.report)
}

/// The report from its two parts' JSON objects.
pub fn assemble(
    facts: serde_json::Value,
    activity: serde_json::Value,
) -> diesel::QueryResult<TicketReport> {
    let mut report = facts;
    if let (Some(report), serde_json::Value::Object(activity)) = (report.as_object_mut(), activity)
    {
        report.extend(activity);
    }
    serde_json::from_value(report)
        .map_err(|err| diesel::result::Error::DeserializationError(Box::new(err)))
}
