//! API tokens: a session row (owner, expiry, revocation) plus the token's name, scope and hash.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use crate::db::schema::{api_tokens, auth_sessions};
use crate::domain::roles::TokenScope;

#[derive(Debug, Clone, Queryable)]
pub struct ApiToken {
    pub id: Uuid,
    pub user_id: Uuid,
    pub name: String,
    pub scope: TokenScope,
    pub prefix: String,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    pub revoked_at: Option<DateTime<Utc>>,
    pub last_used_at: Option<DateTime<Utc>>,
}

type Selection = (
    auth_sessions::id,
    auth_sessions::user_id,
    api_tokens::name,
    api_tokens::scope,
    api_tokens::prefix,
    auth_sessions::created_at,
    auth_sessions::expires_at,
    auth_sessions::revoked_at,
    api_tokens::last_used_at,
);

const SELECTION: Selection = (
    auth_sessions::id,
    auth_sessions::user_id,
    api_tokens::name,
    api_tokens::scope,
    api_tokens::prefix,
    auth_sessions::created_at,
    auth_sessions::expires_at,
    auth_sessions::revoked_at,
    api_tokens::last_used_at,
);

pub struct NewApiToken<'a> {
    pub session_id: Uuid,
    pub name: &'a str,
    pub scope: TokenScope,
    pub token_hash: &'a [u8],
    pub prefix: &'a str,
}

impl NewApiToken<'_> {
    /// Inserts the token's row; its session must exist (same transaction).
    pub async fn insert(&self, conn: &mut AsyncPgConnection) -> QueryResult<()> {
        diesel::insert_into(api_tokens::table)
            .values((
                api_tokens::session_id.eq(self.session_id),
                api_tokens::name.eq(self.name),
                api_tokens::scope.eq(self.scope),
                api_tokens::token_hash.eq(self.token_hash),
                api_tokens::prefix.eq(self.prefix),
            ))
            .execute(conn)
            .await?;
        Ok(())
    }
}

impl ApiToken {
    pub async fn of_user(conn: &mut AsyncPgConnection, user_id: Uuid) -> QueryResult<Vec<Self>> {
        api_tokens::table
            .inner_join(auth_sessions::table)
            .filter(auth_sessions::user_id.eq(user_id))
            .order(auth_sessions::created_at.desc())
            .select(SELECTION)
            .load(conn)
            .await
    }

    pub async fn find(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<Option<Self>> {
        api_tokens::table
            .inner_join(auth_sessions::table)
            .filter(auth_sessions::id.eq(id))
            .select(SELECTION)
            .first(conn)
            .await
            .optional()
    }

    /// The session a presented token stands for, and when it was last used.
    pub async fn session_of(
        conn: &mut AsyncPgConnection,
        token_hash: &[u8],
    ) -> QueryResult<Option<(Uuid, Option<DateTime<Utc>>)>> {
        api_tokens::table
            .filter(api_tokens::token_hash.eq(token_hash))
            .select((api_tokens::session_id, api_tokens::last_used_at))
            .first(conn)
            .await
            .optional()
    }

    pub async fn touch(conn: &mut AsyncPgConnection, session_id: Uuid) -> QueryResult<()> {
        diesel::update(api_tokens::table.find(session_id))
            .set(api_tokens::last_used_at.eq(diesel::dsl::now))
            .execute(conn)
            .await?;
        Ok(())
    }
}
