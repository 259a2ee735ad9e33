//! Admin view of the job queue: list jobs by state and put a failed job back in line.

use chrono::Utc;
use graphile_worker::worker_utils::types::RescheduleJobOptions;

use crate::db::models::job::{self, JobRow, JobState};
use crate::domain::{DomainError, DomainResult, validation};
use crate::services::RequestContext;

pub const MAX_PAGE: i64 = 200;

pub async fn list(
    ctx: &RequestContext,
    state: Option<JobState>,
    task: Option<&str>,
    first: i32,
) -> DomainResult<Vec<JobRow>> {
    ctx.viewer.require_admin()?;
    let limit = validation::page_size("first", first, MAX_PAGE)?;
    let mut conn = ctx.state.pool.get().await?;
    Ok(job::list(&mut conn, state, task, limit).await?)
}

/// Runs a failed (or waiting-to-retry) job again now, with a fresh set of attempts. Returns
/// the job as it is afterwards: `None` when a worker already ran it to completion.
pub async fn retry(ctx: &RequestContext, id: i64) -> DomainResult<Option<JobRow>> {
    ctx.viewer.require_admin()?;
    let mut conn = ctx.state.pool.get().await?;
    let current = job::find(&mut conn, id)
        .await?
        .ok_or(DomainError::NotFound("job"))?;
    if current.state() == JobState::Running {
        return Err(DomainError::Conflict("the job is running right now".into()));
    }
    let options = RescheduleJobOptions {
        run_at: Some(Utc::now()),
        attempts: Some(0),
        ..Default::default()
    };
    ctx.state
        .pipeline
        .queue
        .reschedule_jobs(&[id], options)
        .await
        .map_err(|err| anyhow::anyhow!("cannot reschedule job {id}: {err}"))?;
    Ok(job::find(&mut conn, id).await?)
}
