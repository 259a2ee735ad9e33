//! Which notification emails an address has switched off (every kind is on by default).

use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};

use crate::db::schema::email_preferences;

/// Whether `email` still wants `kind` emails.
pub async fn enabled(conn: &mut AsyncPgConnection, email: &str, kind: &str) -> QueryResult<bool> {
    let stored: Option<bool> = email_preferences::table
        .find((email, kind))
        .select(email_preferences::enabled)
        .first(conn)
        .await
        .optional()?;
    Ok(stored.unwrap_or(true))
}

/// The kinds `email` has set explicitly, with their setting.
pub async fn of(conn: &mut AsyncPgConnection, email: &str) -> QueryResult<Vec<(String, bool)>> {
    email_preferences::table
        .filter(email_preferences::email.eq(email))
        .select((email_preferences::kind, email_preferences::enabled))
        .load(conn)
        .await
}

pub async fn set(
    conn: &mut AsyncPgConnection,
    email: &str,
    kind: &str,
    enabled: bool,
) -> QueryResult<()> {
    diesel::insert_into(email_preferences::table)
        .values((
            email_preferences::email.eq(email),
            email_preferences::kind.eq(kind),
            email_preferences::enabled.eq(enabled),
        ))
        .on_conflict((email_preferences::email, email_preferences::kind))
        .do_update()
        .set((
            email_preferences::enabled.eq(enabled),
            email_preferences::updated_at.eq(diesel::dsl::now),
        ))
        .execute(conn)
        .await?;
    Ok(())
}
