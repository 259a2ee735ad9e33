use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};

use crate::db::schema::app_settings;

/// Returns the stored value of `key`, storing `candidate` first if there is none. Concurrent
/// callers all get the one value that won.
pub async fn get_or_insert(
    conn: &mut AsyncPgConnection,
    key: &str,
    candidate: &str,
) -> QueryResult<String> {
    diesel::insert_into(app_settings::table)
        .values((app_settings::key.eq(key), app_settings::value.eq(candidate)))
        .on_conflict(app_settings::key)
        .do_nothing()
        .execute(conn)
        .await?;
    app_settings::table
        .find(key)
        .select(app_settings::value)
        .first(conn)
        .await
}
