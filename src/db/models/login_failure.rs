//! Failed-login counters. An attempt is counted *before* the password is checked, in one
//! atomic upsert that refuses once the budget is spent, so parallel guesses cannot all pass a
//! check-then-count race. The lockout runs from the last failure.

use chrono::{DateTime, TimeDelta, Utc};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Integer, Text};
use diesel_async::{AsyncPgConnection, RunQueryDsl};

use crate::db::schema::login_failures;

#[derive(QueryableByName)]
struct Counted {
    #[diesel(sql_type = Integer)]
    failures: i32,
}

/// Whether an attempt may go ahead, and if not, for how long the bucket stays locked.
pub enum Attempt {
    /// `failures` counts this attempt too (it is forgotten if the password is right).
    Allowed {
        failures: i32,
    },
    Locked {
        retry_after_secs: i64,
    },
}

/// Counts one attempt on `bucket` unless `budget` failures within `window` of the last one
/// already lock it.
pub async fn reserve(
    conn: &mut AsyncPgConnection,
    bucket: &str,
    budget: i32,
    window: TimeDelta,
) -> QueryResult<Attempt> {
    let counted: Option<Counted> = diesel::sql_query(
        "INSERT INTO login_failures AS f (bucket, failures, last_failure_at) VALUES ($1, 1, now()) \
         ON CONFLICT (bucket) DO UPDATE SET \
           failures = CASE WHEN f.last_failure_at < now() - make_interval(secs => $2) \
                           THEN 1 ELSE f.failures + 1 END, \
           last_failure_at = now() \
         WHERE f.last_failure_at < now() - make_interval(secs => $2) OR f.failures < $3 \
         RETURNING f.failures",
    )
    .bind::<Text, _>(bucket)
    .bind::<BigInt, _>(window.num_seconds())
    .bind::<Integer, _>(budget)
    .get_result(conn)
    .await
    .optional()?;
    if let Some(Counted { failures }) = counted {
        return Ok(Attempt::Allowed { failures });
    }
    let last: Option<DateTime<Utc>> = login_failures::table
        .find(bucket)
        .select(login_failures::last_failure_at)
        .first(conn)
        .await
        .optional()?;
    let retry_after_secs = last
        .map(|last| (last + window - Utc::now()).num_seconds())
        .unwrap_or(1)
        .max(1);
    Ok(Attempt::Locked { retry_after_secs })
}

/// A successful login gives back the attempt it reserved on an address's bucket: that budget
/// is for failures, and colleagues behind one address log in many times a morning. Failures
/// already counted stay.
pub async fn refund(conn: &mut AsyncPgConnection, bucket: &str) -> QueryResult<()> {
    diesel::update(login_failures::table.find(bucket))
        .filter(login_failures::failures.gt(0))
        .set(login_failures::failures.eq(login_failures::failures - 1))
        .execute(conn)
        .await?;
    Ok(())
}

/// A successful login forgets the account's failures.
pub async fn clear(conn: &mut AsyncPgConnection, bucket: &str) -> QueryResult<()> {
    diesel::delete(login_failures::table.find(bucket))
        .execute(conn)
        .await?;
    Ok(())
}
