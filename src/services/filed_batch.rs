//! The jobs a filed batch queues per chunk of tickets (see `queue::FiledTickets`): one job
//! runs its tickets in turn, and a ticket that fails goes back to the queue as a job of its
//! own, with its own attempts, so one bad ticket neither holds back the others
//! nor makes them run twice.

use std::future::Future;

use uuid::Uuid;

use crate::app::AppState;
use crate::db::models::job::{self, NewJob};

/// Runs `work` for each ticket of a chunk. The tickets that fail are queued again one by one
/// as `alone` describes; only if that enqueue fails does the chunk's job fail and run whole
/// again, which every filing job tolerates (triage skips an analysed ticket, the duplicate
/// search inserts pairs it already has as no-ops, an email is sent once per message key).
pub async fn each<Fut>(
    state: &AppState,
    ticket_ids: &[Uuid],
    work: impl Fn(Uuid) -> Fut,
    alone: impl Fn(Uuid) -> NewJob<'static>,
) -> anyhow::Result<()>
where
    Fut: Future<Output = anyhow::Result<()>>,
{
    let mut failed = Vec::new();
    for &ticket_id in ticket_ids {
        if let Err(err) = work(ticket_id).await {
            let job = alone(ticket_id);
            tracing::warn!(task = job.task, %ticket_id, error = %format!("{err:#}"),
                "a chunked filing job failed for one ticket; queued again on its own");
            failed.push(job);
        }
    }
    if failed.is_empty() {
        return Ok(());
    }
    let mut conn = state.pool.get().await?;
    job::enqueue_all(&mut conn, failed).await?;
    Ok(())
}
