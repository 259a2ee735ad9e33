//! Housekeeping every instance runs periodically: emptying the trash past its retention and
//! dropping rate-limit windows that have ended. Both deletes are idempotent, so instances
//! running them concurrently is harmless.

use std::time::Duration;

use chrono::{TimeDelta, Utc};

use crate::app::AppState;
use crate::db::models::rate_limit;
use crate::db::models::ticket::Ticket;

const EVERY: Duration = Duration::from_secs(3600);
/// Longer than any rate-limit window in use.
const RATE_LIMIT_KEEP: TimeDelta = TimeDelta::hours(2);

pub struct Purged {
    pub tickets: usize,
    pub rate_limit_windows: usize,
}

pub async fn run_once(state: &AppState) -> anyhow::Result<Purged> {
    let now = Utc::now();
    let retention = TimeDelta::days(i64::from(state.config.trash_retention_days));
    let mut conn = state.pool.get().await?;
    let tickets = Ticket::purge_trash(&mut conn, now - retention).await?;
    let rate_limit_windows = rate_limit::purge_expired(&mut conn, now - RATE_LIMIT_KEEP).await?;
    Ok(Purged {
        tickets,
        rate_limit_windows,
    })
}

/// Runs [`run_once`] hourly until shutdown.
pub fn spawn(state: AppState) {
    tokio::spawn(async move {
        let mut interval = tokio::time::interval(EVERY);
        loop {
            tokio::select! {
                () = state.shutdown.cancelled() => return,
                _ = interval.tick() => match run_once(&state).await {
                    Ok(purged) if purged.tickets > 0 => {
                        tracing::info!(tickets = purged.tickets, "purged trashed tickets");
                    }
                    Ok(_) => {}
                    Err(err) => tracing::error!(error = ?err, "maintenance failed"),
                },
            }
        }
    });
}
