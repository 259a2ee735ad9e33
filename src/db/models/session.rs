use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use crate::db::schema::{api_tokens, auth_sessions, refresh_tokens, users};
use crate::domain::roles::{Role, TokenScope};

/// What a request's access token stands for, re-read from the database (never trusted from the
/// token alone) and cached per instance until a NOTIFY invalidates it.
#[derive(Debug, Clone, Queryable)]
pub struct SessionPrincipal {
    pub session_id: Uuid,
    pub user_id: Uuid,
    pub role: Role,
    pub active: bool,
    pub expires_at: DateTime<Utc>,
    pub revoked_at: Option<DateTime<Utc>>,
    /// Set for an API token's session.
    pub token_scope: Option<TokenScope>,
}

pub async fn create_session(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    user_id: Uuid,
    expires_at: DateTime<Utc>,
) -> QueryResult<()> {
    diesel::insert_into(auth_sessions::table)
        .values((
            auth_sessions::id.eq(id),
            auth_sessions::user_id.eq(user_id),
            auth_sessions::expires_at.eq(expires_at),
        ))
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn principal(
    conn: &mut AsyncPgConnection,
    session_id: Uuid,
) -> QueryResult<Option<SessionPrincipal>> {
    auth_sessions::table
        .inner_join(users::table)
        .left_join(api_tokens::table)
        .filter(auth_sessions::id.eq(session_id))
        .select((
            auth_sessions::id,
            users::id,
            users::role,
            users::active,
            auth_sessions::expires_at,
            auth_sessions::revoked_at,
            api_tokens::scope.nullable(),
        ))
        .first(conn)
        .await
        .optional()
}

pub async fn revoke_session(
    conn: &mut AsyncPgConnection,
    session_id: Uuid,
    reason: &str,
) -> QueryResult<()> {
    diesel::update(auth_sessions::table.find(session_id))
        .filter(auth_sessions::revoked_at.is_null())
        .set((
            auth_sessions::revoked_at.eq(diesel::dsl::now),
            auth_sessions::revoked_reason.eq(reason),
        ))
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn insert_refresh_token(
    conn: &mut AsyncPgConnection,
    session_id: Uuid,
    token_hash: &[u8],
) -> QueryResult<()> {
    diesel::insert_into(refresh_tokens::table)
        .values((
            refresh_tokens::token_hash.eq(token_hash),
            refresh_tokens::session_id.eq(session_id),
        ))
        .execute(conn)
        .await?;
    Ok(())
}

pub struct PresentedRefreshToken {
    pub session_id: Uuid,
    pub already_used: bool,
}

/// Marks a refresh token used and says whether it had been used before (a replay). Locks the
/// token row so two concurrent refreshes with one token cannot both succeed.
pub async fn consume_refresh_token(
    conn: &mut AsyncPgConnection,
    token_hash: &[u8],
) -> QueryResult<Option<PresentedRefreshToken>> {
    let row: Option<(Uuid, Option<DateTime<Utc>>)> = refresh_tokens::table
        .find(token_hash)
        .select((refresh_tokens::session_id, refresh_tokens::used_at))
        .for_update()
        .first(conn)
        .await
        .optional()?;
    let Some((session_id, used_at)) = row else {
        return Ok(None);
    };
    if used_at.is_none() {
        diesel::update(refresh_tokens::table.find(token_hash))
            .set(refresh_tokens::used_at.eq(diesel::dsl::now))
            .execute(conn)
            .await?;
    }
    Ok(Some(PresentedRefreshToken {
        session_id,
        already_used: used_at.is_some(),
    }))
}
