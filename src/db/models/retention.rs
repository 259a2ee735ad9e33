//! How long credentials and logs are kept once they can no longer be used.

use diesel_async::{AsyncPgConnection, RunQueryDsl};

/// Each statement deletes what can never be used again, with a day's margin (a week for the
/// email delivery log, which stops a retried email job from sending twice; retries end long
/// before). Refresh tokens go with their sessions (`ON DELETE CASCADE`).
const STATEMENTS: [(&str, &str); 5] = [
    (
        "sessions",
        "DELETE FROM auth_sessions WHERE expires_at < now() - interval '1 day' \
         OR revoked_at < now() - interval '1 day'",
    ),
    (
        "email verifications",
        "DELETE FROM email_verifications WHERE expires_at < now() - interval '1 day' \
         OR used_at < now() - interval '1 day'",
    ),
    (
        "guest tracking tokens",
        "DELETE FROM guest_access_tokens WHERE revoked_at < now() - interval '1 day'",
    ),
    (
        "email delivery log",
        "DELETE FROM email_deliveries WHERE sent_at < now() - interval '7 days'",
    ),
    (
        "login failure counters",
        "DELETE FROM login_failures WHERE last_failure_at < now() - interval '1 day'",
    ),
];

/// Deletes expired credentials and old log rows; returns how many rows in all.
pub async fn purge_expired(conn: &mut AsyncPgConnection) -> diesel::QueryResult<usize> {
    let mut purged = 0;
    for (what, statement) in STATEMENTS {
        let rows = diesel::sql_query(statement).execute(conn).await?;
        if rows > 0 {
            tracing::info!(rows, what, "purged expired rows");
        }
        purged += rows;
    }
    Ok(purged)
}
