use diesel::sql_types::Text;
use diesel_async::{AsyncPgConnection, RunQueryDsl};

use crate::auth::principals::{AUTH_CHANNEL, Invalidation};

/// Queues an auth invalidation for every instance; delivered when the caller's transaction
/// commits (and dropped if it rolls back).
pub async fn invalidate_auth(
    conn: &mut AsyncPgConnection,
    invalidation: &Invalidation,
) -> diesel::QueryResult<()> {
    diesel::sql_query("SELECT pg_notify($1, $2)")
        .bind::<Text, _>(AUTH_CHANNEL)
        .bind::<Text, _>(invalidation.payload())
        .execute(conn)
        .await?;
    Ok(())
}
