//! Durable background jobs on graphile_worker (a Postgres job queue): triage, assignment,
//! email, webhooks, SLA deadlines, the hourly auto-close and the hourly trash purge.
//!
//! Jobs are enqueued in the same transaction as the change that causes them — database
//! triggers for new tickets and notifying events (see the pipeline migration), and
//! `db::models::job::enqueue` for assignment — so nothing committed is ever without its jobs.
//! Workers run inside `deskql serve` (`DESKQL_WORKERS`) or alone as `deskql worker`. A worker
//! killed mid-job stops heartbeating; any other worker requeues its jobs after
//! `DESKQL_WORKER_STALE_SECS`.

pub mod tasks;

use std::time::Duration;

use chrono::{TimeDelta, Utc};
use graphile_worker::tokio_postgres::TokioPostgresDatabase;
use graphile_worker::worker_utils::types::RescheduleJobOptions;
use graphile_worker::{
    Crontab, JobComplete, JobCompleteContext, JobFail, JobFailContext, LocalQueueConfig,
    RefetchDelayConfig, WorkerOptions, WorkerRecoveryConfig, WorkerUtils, parse_crontab,
};
use tokio::task::JoinHandle;

use crate::app::AppState;
use crate::queue::{self, Backoff, QUEUE_SCHEMA};

const POLL_INTERVAL: Duration = Duration::from_millis(200);

/// Starts this process's workers (none when `DESKQL_WORKERS=0`). They stop claiming jobs when
/// `state.shutdown` is cancelled and give running jobs the grace period to finish; the
/// returned task ends when they have.
pub async fn start_workers(state: &AppState) -> anyhow::Result<Option<JoinHandle<()>>> {
    let config = &state.config.pipeline;
    if config.workers == 0 {
        return Ok(None);
    }
    let database = TokioPostgresDatabase::from_url(&state.database_url, config.workers + 3)
        .map_err(|err| anyhow::anyhow!("job queue connection: {err}"))?;
    let retry_utils = WorkerUtils::new(database.clone(), QUEUE_SCHEMA);
    let backoff = Backoff {
        base: Duration::from_millis(config.job_retry_base_ms),
        max: Duration::from_secs(config.job_retry_max_secs),
    };
    let heartbeat = Duration::from_secs(config.worker_heartbeat_secs.max(1));
    let stale = Duration::from_secs(config.worker_stale_secs.max(2));
    let shutdown = state.shutdown.clone();
    let worker = WorkerOptions::default()
        .database(database)
        .schema(QUEUE_SCHEMA)
        .concurrency(config.workers)
        // NOTIFY wakes idle workers at once, but wake-ups that arrive while every slot is busy
        // are coalesced away; during a burst the poll is what finds the next jobs, so it is
        // short. An idle poll is one indexed query.
        .poll_interval(POLL_INTERVAL)
        // Without a local queue each worker slot takes one job per wake-up (a NOTIFY or the
        // one-second poll), which caps a drained backlog at `workers` jobs per second. The
        // local queue claims a small batch and keeps the slots busy; claims a crash strands
        // are recovered like any other job of a dead worker.
        //
        // The refetch delay is what makes an empty queue idle. graphile_worker 0.14.1's local
        // queue leaves a wake-up permit behind after every fetch, so the poll interval never
        // elapses: without the delay an idle server claimed nothing some 2,700 times a
        // second and took most of a core from Postgres. After a fetch that finds nothing it
        // waits out the poll interval, unless a new job's NOTIFY cuts the wait short (an abort
        // threshold of one).
        .local_queue(
            LocalQueueConfig::default()
                .with_size(config.workers * 4)
                .with_ttl(Duration::from_secs(60))
                .with_refetch_delay(
                    RefetchDelayConfig::default()
                        .with_duration(POLL_INTERVAL)
                        .with_threshold(0)
                        .with_max_abort_threshold(1),
                ),
        )
        .define_job::<tasks::TriageTicket>()
        .define_job::<tasks::AssignTicket>()
        .define_job::<tasks::SendEmail>()
        .define_job::<tasks::PurgeTrash>()
        .define_job::<tasks::SlaDeadline>()
        .define_job::<tasks::SlaReevaluate>()
        .define_job::<tasks::AutoClose>()
        .define_job::<tasks::UnassignedAlert>()
        .define_job::<tasks::DeliverWebhooks>()
        .define_job::<tasks::RetrainTriage>()
        .define_job::<tasks::FindDuplicates>()
        .with_crons(schedule()?)
        .add_extension(state.clone())
        .listen_os_shutdown_signals(false)
        .shutdown_signal(async move { shutdown.cancelled().await })
        .shutdown_grace_period(Duration::from_secs(config.worker_grace_secs))
        .worker_recovery(
            WorkerRecoveryConfig::default()
                .enabled(true)
                .heartbeat_interval(heartbeat)
                .sweep_interval(heartbeat)
                .sweep_threshold(stale)
                .recovery_delay(Duration::from_secs(1)),
        )
        .on(JobComplete, |ctx: JobCompleteContext| async move {
            crate::metrics::job_finished(ctx.job.task_identifier().clone(), ctx.duration);
        })
        .on(JobFail, move |ctx: JobFailContext| {
            let utils = retry_utils.clone();
            async move {
                crate::metrics::job_failed(ctx.job.task_identifier().clone());
                reschedule_failed(&utils, &ctx, backoff).await
            }
        })
        .init()
        .await
        .map_err(|err| anyhow::anyhow!("cannot start job workers: {err}"))?;
    tracing::info!(concurrency = config.workers, "job workers started");
    Ok(Some(tokio::spawn(async move {
        if let Err(err) = worker.run().await {
            tracing::error!(error = ?err, "job workers stopped with an error");
        }
    })))
}

/// The recurring jobs: the trash purge and auto-close hourly, triage retraining daily.
/// Each line ends in an empty payload: without one the scheduler enqueues a null payload,
/// which the tasks' (empty) structs cannot be read from, and every scheduled run fails.
fn schedule() -> anyhow::Result<Vec<Crontab>> {
    let lines = format!(
        "0 * * * * {purge} {{}}\n30 * * * * {close} {{}}\n15 3 * * * {retrain} {{}}",
        purge = queue::PURGE_TRASH,
        close = queue::AUTO_CLOSE,
        retrain = queue::RETRAIN_TRIAGE,
    );
    parse_crontab(&lines).map_err(|err| anyhow::anyhow!("job schedule: {err}"))
}

async fn reschedule_failed(utils: &WorkerUtils, ctx: &JobFailContext, backoff: Backoff) {
    if !ctx.will_retry {
        return;
    }
    let attempt = u32::try_from(*ctx.job.attempts()).unwrap_or(1);
    let delay = backoff.delay(attempt, &mut rand::rng());
    let run_at = Utc::now() + TimeDelta::from_std(delay).unwrap_or(TimeDelta::hours(1));
    let options = RescheduleJobOptions {
        run_at: Some(run_at),
        ..Default::default()
    };
    if let Err(err) = utils.reschedule_jobs(&[*ctx.job.id()], options).await {
        // The queue's own (slower) schedule still applies; nothing is lost.
        tracing::warn!(error = ?err, job = ctx.job.id(), "could not apply retry backoff");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_scheduled_job_gets_a_payload_its_task_can_read() {
        let schedule = schedule().expect("the schedule parses");
        let tasks: Vec<&str> = schedule
            .iter()
            .map(|c| c.task_identifier.as_str())
            .collect();
        assert_eq!(
            tasks,
            [queue::PURGE_TRASH, queue::AUTO_CLOSE, queue::RETRAIN_TRIAGE]
        );
        for crontab in &schedule {
            // The scheduler adds its `_cron` key to this object; a missing payload is
            // enqueued as null instead.
            let payload = crontab.payload.clone().unwrap_or_default();
            assert!(
                payload.is_object(),
                "{}: {payload}",
                crontab.task_identifier
            );
        }
        let enqueued = serde_json::json!({ "_cron": { "ts": "2026-12-03T09:00:00Z" } });
        serde_json::from_value::<tasks::PurgeTrash>(enqueued.clone()).expect("purge payload");
        serde_json::from_value::<tasks::AutoClose>(enqueued.clone()).expect("auto-close payload");
        serde_json::from_value::<tasks::RetrainTriage>(enqueued).expect("retrain payload");
    }
}
