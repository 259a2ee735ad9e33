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

/// A job to enqueue. Lower `priority` runs first (the triggers use 0 for triage, 10 for
/// email).
pub struct NewJob<'a> {
    pub task: &'a str,
    pub payload: serde_json::Value,
    pub max_attempts: i32,
    pub priority: i32,
    /// Replaces a pending job with the same key instead of adding one.
    pub job_key: Option<String>,
}

impl NewJob<'_> {
    /// Enqueues on the caller's connection, so the job commits or rolls back with the
    /// caller's transaction.
    pub async fn enqueue(&self, conn: &mut AsyncPgConnection) -> QueryResult<()> {
        diesel::sql_query(
            "SELECT graphile_worker.add_job($1, $2, max_attempts => $3, job_key => $4, \
             priority => $5)",
        )
        .bind::<Text, _>(self.task)
        .bind::<Json, _>(&self.payload)
        .bind::<Integer, _>(self.max_attempts)
        .bind::<Nullable<Text>, _>(self.job_key.as_deref())
        .bind::<Integer, _>(self.priority)
        .execute(conn)
        .await?;
        Ok(())
    }
}
