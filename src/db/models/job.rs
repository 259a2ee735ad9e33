//! The job queue as the application sees it: enqueueing inside a Diesel transaction (the
//! transactional outbox) and listing jobs for admins. Jobs live in graphile_worker's schema;
//! writes go through its `add_job` function, reads through its `jobs` view (plus the payload,
//! which the view leaves out).

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Integer, Json, Nullable, SmallInt, Text, Timestamptz};
use diesel_async::{AsyncPgConnection, RunQueryDsl};

/// Where a job is in its life. Completed jobs are deleted by the queue.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, async_graphql::Enum, strum::Display, strum::EnumString,
)]
#[strum(serialize_all = "SCREAMING_SNAKE_CASE")]
pub enum JobState {
    /// Waiting for its first run.
    Queued,
    /// Claimed by a worker right now.
    Running,
    /// Failed at least once; will run again at `runAt`.
    Retrying,
    /// Out of attempts; runs again only when an admin retries it.
    Failed,
}

#[derive(Debug, Clone, QueryableByName)]
pub struct JobRow {
    #[diesel(sql_type = BigInt)]
    pub id: i64,
    #[diesel(sql_type = Text)]
    pub task_identifier: String,
    #[diesel(sql_type = Text)]
    state: String,
    #[diesel(sql_type = SmallInt)]
    pub attempts: i16,
    #[diesel(sql_type = SmallInt)]
    pub max_attempts: i16,
    #[diesel(sql_type = Nullable<Text>)]
    pub last_error: Option<String>,
    #[diesel(sql_type = Timestamptz)]
    pub run_at: DateTime<Utc>,
    #[diesel(sql_type = Timestamptz)]
    pub created_at: DateTime<Utc>,
    #[diesel(sql_type = Json)]
    pub payload: serde_json::Value,
}

impl JobRow {
    pub fn state(&self) -> JobState {
        self.state.parse().unwrap_or(JobState::Queued)
    }
}

const LIST_JOBS_SQL: &str = "
SELECT * FROM (
    SELECT j.id, j.task_identifier, j.attempts, j.max_attempts, j.last_error, j.run_at,
        j.created_at, p.payload,
        CASE WHEN j.locked_at IS NOT NULL THEN 'RUNNING'
             WHEN j.attempts >= j.max_attempts THEN 'FAILED'
             WHEN j.attempts > 0 THEN 'RETRYING'
             ELSE 'QUEUED' END AS state
    FROM graphile_worker.jobs j
    JOIN graphile_worker._private_jobs p ON p.id = j.id
) jobs
WHERE ($1::text IS NULL OR state = $1) AND ($2::text IS NULL OR task_identifier = $2)
    AND ($4::bigint IS NULL OR id = $4)
ORDER BY id DESC
LIMIT $3";

pub async fn list(
    conn: &mut AsyncPgConnection,
    state: Option<JobState>,
    task: Option<&str>,
    limit: i64,
) -> QueryResult<Vec<JobRow>> {
    diesel::sql_query(LIST_JOBS_SQL)
        .bind::<Nullable<Text>, _>(state.map(|s| s.to_string()))
        .bind::<Nullable<Text>, _>(task)
        .bind::<BigInt, _>(limit)
        .bind::<Nullable<BigInt>, _>(None::<i64>)
        .load(conn)
        .await
}

pub async fn find(conn: &mut AsyncPgConnection, id: i64) -> QueryResult<Option<JobRow>> {
    diesel::sql_query(LIST_JOBS_SQL)
        .bind::<Nullable<Text>, _>(None::<String>)
        .bind::<Nullable<Text>, _>(None::<String>)
        .bind::<BigInt, _>(1)
        .bind::<Nullable<BigInt>, _>(Some(id))
        .get_result(conn)
        .await
        .optional()
}

/// How many jobs of one task are in one state.
#[derive(Debug, Clone, QueryableByName)]
pub struct QueueDepth {
    #[diesel(sql_type = Text)]
    pub task_identifier: String,
    #[diesel(sql_type = Text)]
    pub state: String,
    #[diesel(sql_type = BigInt)]
    pub jobs: i64,
}

/// Jobs by task and state (the states of [`JobState`]), for the metrics endpoint.
pub async fn depth(conn: &mut AsyncPgConnection) -> QueryResult<Vec<QueueDepth>> {
    diesel::sql_query(
        "SELECT task_identifier,
            CASE WHEN locked_at IS NOT NULL THEN 'RUNNING'
                 WHEN attempts >= max_attempts THEN 'FAILED'
                 WHEN attempts > 0 THEN 'RETRYING'
                 ELSE 'QUEUED' END AS state,
            count(*) AS jobs
         FROM graphile_worker.jobs
         GROUP BY 1, 2",
    )
    .load(conn)
    .await
}

/// A job to enqueue. Lower `priority` runs first (the triggers use 0 for triage, 10 for
/// email).
pub struct NewJob<'a> {
    pub task: &'a str,
    pub payload: serde_json::Value,
    pub max_attempts: i32,
    pub priority: i32,
    /// Replaces a pending job with the same key instead of adding one.
    pub job_key: Option<String>,
    /// Not before this instant (now when `None`).
    pub run_at: Option<DateTime<Utc>>,
}

impl NewJob<'_> {
    /// Enqueues on the caller's connection, so the job commits or rolls back with the
    /// caller's transaction.
    pub async fn enqueue(&self, conn: &mut AsyncPgConnection) -> QueryResult<()> {
        diesel::sql_query(
            "SELECT graphile_worker.add_job($1, $2, max_attempts => $3, job_key => $4, \
             priority => $5, run_at => $6)",
        )
        .bind::<Text, _>(self.task)
        .bind::<Json, _>(&self.payload)
        .bind::<Integer, _>(self.max_attempts)
        .bind::<Nullable<Text>, _>(self.job_key.as_deref())
        .bind::<Integer, _>(self.priority)
        .bind::<Nullable<Timestamptz>, _>(self.run_at)
        .execute(conn)
        .await?;
        Ok(())
    }
}

/// Enqueues many jobs in one statement on the caller's transaction (keyed ones replace their
/// pending namesakes, as with [`NewJob::enqueue`]).
pub async fn enqueue_all(conn: &mut AsyncPgConnection, jobs: Vec<NewJob<'_>>) -> QueryResult<()> {
    use diesel::sql_types::Array;
    if jobs.is_empty() {
        return Ok(());
    }
    let column = |f: &dyn Fn(&NewJob<'_>) -> Option<String>| jobs.iter().map(f).collect::<Vec<_>>();
    let tasks = column(&|j| Some(j.task.to_owned()));
    let payloads: Vec<serde_json::Value> = jobs.iter().map(|j| j.payload.clone()).collect();
    let run_at: Vec<Option<DateTime<Utc>>> = jobs.iter().map(|j| j.run_at).collect();
    let attempts: Vec<i32> = jobs.iter().map(|j| j.max_attempts).collect();
    let keys = column(&|j| j.job_key.clone());
    let priorities: Vec<i32> = jobs.iter().map(|j| j.priority).collect();
    diesel::sql_query(
        "SELECT 1 FROM graphile_worker.add_jobs(ARRAY(\
           SELECT ROW(t, p, NULL, r, m, k, pr, NULL)::graphile_worker.job_spec \
           FROM unnest($1::text[], $2::json[], $3::timestamptz[], $4::int[], $5::text[], $6::int[]) \
             AS j(t, p, r, m, k, pr)))",
    )
    .bind::<Array<Nullable<Text>>, _>(tasks)
    .bind::<Array<Json>, _>(payloads)
    .bind::<Array<Nullable<Timestamptz>>, _>(run_at)
    .bind::<Array<Integer>, _>(attempts)
    .bind::<Array<Nullable<Text>>, _>(keys)
    .bind::<Array<Integer>, _>(priorities)
    .execute(conn)
    .await?;
    Ok(())
}

/// Drops the pending job with this key, if any, on the caller's transaction (a running one
/// finishes, and must find nothing left to do).
pub async fn remove_by_key(conn: &mut AsyncPgConnection, job_key: &str) -> QueryResult<()> {
    diesel::sql_query("SELECT 1 FROM graphile_worker.remove_job($1)")
        .bind::<Text, _>(job_key)
        .execute(conn)
        .await?;
    Ok(())
}
