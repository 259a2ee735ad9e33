use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use crate::db::schema::guest_access_tokens;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = guest_access_tokens, check_for_backend(diesel::pg::Pg))]
pub struct GuestAccessToken {
    pub token_hash: Vec<u8>,
    pub ticket_id: Uuid,
    pub created_at: DateTime<Utc>,
    pub revoked_at: Option<DateTime<Utc>>,
}

pub async fn insert(
    conn: &mut AsyncPgConnection,
    token_hash: &[u8],
    ticket_id: Uuid,
) -> QueryResult<()> {
    diesel::insert_into(guest_access_tokens::table)
        .values((
            guest_access_tokens::token_hash.eq(token_hash),
            guest_access_tokens::ticket_id.eq(ticket_id),
        ))
        .execute(conn)
        .await?;
    Ok(())
}

/// The token's row, marked as used now.
pub async fn touch(
    conn: &mut AsyncPgConnection,
    token_hash: &[u8],
) -> QueryResult<Option<GuestAccessToken>> {
    diesel::update(guest_access_tokens::table.find(token_hash))
        .set(guest_access_tokens::last_used_at.eq(diesel::dsl::now))
        .returning(GuestAccessToken::as_returning())
        .get_result(conn)
        .await
        .optional()
}

/// Revokes every live token of a ticket; returns how many.
pub async fn revoke_all(conn: &mut AsyncPgConnection, ticket_id: Uuid) -> QueryResult<usize> {
    revoke_all_of(conn, &[ticket_id]).await
}

/// Revokes every live token of these tickets; returns how many.
pub async fn revoke_all_of(
    conn: &mut AsyncPgConnection,
    ticket_ids: &[Uuid],
) -> QueryResult<usize> {
    diesel::update(
        guest_access_tokens::table
            .filter(guest_access_tokens::ticket_id.eq_any(ticket_ids))
            .filter(guest_access_tokens::revoked_at.is_null()),
    )
    .set(guest_access_tokens::revoked_at.eq(diesel::dsl::now))
    .execute(conn)
    .await
}
