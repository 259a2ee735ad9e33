//! Housekeeping, scheduled hourly as the `purge_trash` job: emptying the trash past its
//! retention (with the stored files of its tickets), dropping rate-limit windows that have
//! ended, and deleting expired sessions, links, tokens and old delivery logs. Every step is
//! idempotent.

use chrono::{TimeDelta, Utc};

use crate::app::AppState;
use crate::db::models::attachment::Attachment;
use crate::db::models::ticket::Ticket;
use crate::db::models::{rate_limit, retention};

/// Longer than any rate-limit window in use.
const RATE_LIMIT_KEEP: TimeDelta = TimeDelta::hours(2);

pub struct Purged {
    pub tickets: usize,
    pub rate_limit_windows: usize,
    pub expired_credentials: usize,
}

pub async fn run_once(state: &AppState) -> anyhow::Result<Purged> {
    let now = Utc::now();
    let retention = TimeDelta::days(i64::from(state.config.trash_retention_days));
    let mut conn = state.pool.get().await?;
    // Files first: if the rows went first, a crash in between would leave files no row
    // points at any more.
    let keys = Attachment::keys_of_trash(&mut conn, now - retention).await?;
    state.storage.delete_all(&keys).await;
    let tickets = Ticket::purge_trash(&mut conn, now - retention).await?;
    let rate_limit_windows = rate_limit::purge_expired(&mut conn, now - RATE_LIMIT_KEEP).await?;
    let expired_credentials = retention::purge_expired(&mut conn).await?;
    Ok(Purged {
        tickets,
        rate_limit_windows,
        expired_credentials,
    })
}
