//! Hourly allowances: anonymous callers per client IP, signed-in callers per user for what
//! costs real money or CPU. Counted in the shared table, so every instance enforces the same
//! limit.

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

/// Counts one call of `action` by a signed-in caller; anonymous callers are not counted here.
pub async fn per_user(
    ctx: &RequestContext,
    conn: &mut AsyncPgConnection,
    action: &str,
    limit: i32,
) -> DomainResult<()> {
    match ctx.viewer.user_id() {
        Some(user) => per_hour(conn, &format!("{action}:user:{user}"), limit).await,
        None => Ok(()),
    }
}

/// Refuses when `bucket` is already at `limit` this hour, without counting: a cheap early
/// check before expensive work whose transaction then counts with [`per_hour`].
pub async fn ensure_under(
    conn: &mut AsyncPgConnection,
    bucket: &str,
    limit: i32,
) -> DomainResult<()> {
    let now = Utc::now();
    let current = rate_limit::peek(conn, bucket, TimeDelta::hours(1), now).await?;
    if current.hits >= limit {
        return Err(DomainError::RateLimited {
            retry_after_secs: current.retry_after_secs(now),
        });
    }
    Ok(())
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
