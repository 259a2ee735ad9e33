//! Hourly allowances for anonymous callers, counted per client IP in the shared table so
//! every instance enforces the same limit.

use chrono::{TimeDelta, Utc};
use diesel_async::AsyncPgConnection;

use crate::db::models::rate_limit;
use crate::domain::{DomainError, DomainResult};
use crate::services::RequestContext;

/// Counts one call of `action` by an anonymous caller; signed-in callers are not limited.
pub async fn anonymous_per_ip(
    ctx: &RequestContext,
    conn: &mut AsyncPgConnection,
    action: &str,
    limit: i32,
) -> DomainResult<()> {
    if ctx.viewer.principal().is_ok() {
        return Ok(());
    }
    match ctx.client_ip {
        Some(ip) => per_hour(conn, &format!("{action}:ip:{ip}"), limit).await,
        None => Ok(()),
    }
}

/// Counts one hit on `bucket`; refuses once it is over `limit` this hour.
pub async fn per_hour(conn: &mut AsyncPgConnection, bucket: &str, limit: i32) -> DomainResult<()> {
    let now = Utc::now();
    let hits = rate_limit::hit(conn, bucket, TimeDelta::hours(1), now).await?;
    if hits.over(limit) {
        return Err(DomainError::RateLimited {
            retry_after_secs: hits.retry_after_secs(now),
        });
    }
    Ok(())
}
