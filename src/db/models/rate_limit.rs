use chrono::{DateTime, DurationRound, TimeDelta, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};

use crate::db::schema::rate_limit_counters;

/// A fixed window counter shared by every instance through Postgres.
#[derive(Debug, Clone, Copy)]
pub struct Window {
    pub length: TimeDelta,
    pub limit: i32,
}

pub struct Hit {
    pub hits: i32,
    pub window_end: DateTime<Utc>,
}

impl Hit {
    pub fn over(&self, limit: i32) -> bool {
        self.hits > limit
    }

    pub fn retry_after_secs(&self, now: DateTime<Utc>) -> i64 {
        (self.window_end - now).num_seconds().max(1)
    }
}

fn window_start(now: DateTime<Utc>, length: TimeDelta) -> DateTime<Utc> {
    now.duration_trunc(length).unwrap_or(now)
}

/// Counts one hit atomically (the upsert's row lock serialises concurrent callers, and inside a
/// transaction that is rolled back the hit is rolled back too).
pub async fn hit(
    conn: &mut AsyncPgConnection,
    bucket: &str,
    length: TimeDelta,
    now: DateTime<Utc>,
) -> QueryResult<Hit> {
    let start = window_start(now, length);
    let hits = diesel::insert_into(rate_limit_counters::table)
        .values((
            rate_limit_counters::bucket.eq(bucket),
            rate_limit_counters::window_start.eq(start),
            rate_limit_counters::hits.eq(1),
        ))
        .on_conflict((
            rate_limit_counters::bucket,
            rate_limit_counters::window_start,
        ))
        .do_update()
        .set(rate_limit_counters::hits.eq(rate_limit_counters::hits + 1))
        .returning(rate_limit_counters::hits)
        .get_result(conn)
        .await?;
    Ok(Hit {
        hits,
        window_end: start + length,
    })
}

/// Reads the current count without adding to it.
pub async fn peek(
    conn: &mut AsyncPgConnection,
    bucket: &str,
    length: TimeDelta,
    now: DateTime<Utc>,
) -> QueryResult<Hit> {
    let start = window_start(now, length);
    let hits = rate_limit_counters::table
        .find((bucket, start))
        .select(rate_limit_counters::hits)
        .first(conn)
        .await
        .optional()?
        .unwrap_or(0);
    Ok(Hit {
        hits,
        window_end: start + length,
    })
}

/// Removes windows that ended before `before`.
pub async fn purge_expired(
    conn: &mut AsyncPgConnection,
    before: DateTime<Utc>,
) -> QueryResult<usize> {
    diesel::delete(rate_limit_counters::table.filter(rate_limit_counters::window_start.lt(before)))
        .execute(conn)
        .await
}
