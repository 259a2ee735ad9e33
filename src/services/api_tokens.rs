//! Personal API tokens: staff create named tokens (`dq_…`, shown once, stored hashed) with a
//! scope and an optional expiry, list them and revoke them; admins can revoke anyone's.

use chrono::{DateTime, Utc};
use diesel_async::AsyncConnection;
use uuid::Uuid;

use crate::app::AppState;
use crate::auth::principals::Invalidation;
use crate::auth::refresh;
use crate::db::models::api_token::{ApiToken, NewApiToken};
use crate::db::models::session;
use crate::domain::roles::{Role, TokenScope};
use crate::domain::validation;
use crate::domain::{DomainError, DomainResult};
use crate::services::RequestContext;
use crate::services::notify::invalidate_auth;

/// What every API token starts with, so they are recognisable (and scannable in leaks).
pub const TOKEN_PREFIX: &str = "dq_";
/// Characters of the token kept in clear for lists.
const SHOWN_CHARS: usize = 8;
/// "No expiry", as a session needs one.
const NEVER: &str = "9999-12-31T00:00:00Z";
/// How stale `lastUsedAt` may get before a use writes it again.
const TOUCH_AFTER: chrono::TimeDelta = chrono::TimeDelta::minutes(1);

pub struct CreatedToken {
    /// The secret, shown this once.
    pub token: String,
    pub api_token: ApiToken,
}

pub async fn create(
    ctx: &RequestContext,
    name: &str,
    scope: TokenScope,
    expires_at: Option<DateTime<Utc>>,
) -> DomainResult<CreatedToken> {
    let staff = ctx.viewer.require_staff()?;
    if staff.token_scope.is_some() {
        return Err(DomainError::Forbidden);
    }
    let name = validation::text_in_range("name", name, (1, 100))?;
    let expires_at = match expires_at {
        Some(at) if at <= Utc::now() => {
            return Err(DomainError::invalid(
                "expiresAt",
                "expiresAt must be in the future",
            ));
        }
        Some(at) => at,
        None => NEVER.parse().map_err(|err| anyhow::anyhow!("{err}"))?,
    };
    let token = format!("{TOKEN_PREFIX}{}", refresh::generate());
    let session_id = Uuid::now_v7();
    let mut conn = ctx.state.pool.get().await?;
    conn.transaction(async |conn| {
        session::create_session(conn, session_id, staff.user_id, expires_at).await?;
        NewApiToken {
            session_id,
            name: &name,
            scope,
            token_hash: &refresh::digest(&token),
            prefix: &token[..SHOWN_CHARS],
        }
        .insert(conn)
        .await?;
        Ok::<_, DomainError>(())
    })
    .await?;
    let api_token = ApiToken::find(&mut conn, session_id)
        .await?
        .ok_or(DomainError::NotFound("API token"))?;
    Ok(CreatedToken { token, api_token })
}

/// The caller's tokens; an admin may list another user's.
pub async fn list(ctx: &RequestContext, user_id: Option<Uuid>) -> DomainResult<Vec<ApiToken>> {
    let staff = ctx.viewer.require_staff()?;
    let owner = match user_id {
        Some(other) if other != staff.user_id && staff.role != Role::Admin => {
            return Err(DomainError::Forbidden);
        }
        Some(other) => other,
        None => staff.user_id,
    };
    let mut conn = ctx.state.pool.get().await?;
    Ok(ApiToken::of_user(&mut conn, owner).await?)
}

/// Revokes a token everywhere at once: its owner's, or anyone's for an admin.
pub async fn revoke(ctx: &RequestContext, id: Uuid) -> DomainResult<ApiToken> {
    let principal = ctx.viewer.principal()?;
    let mut conn = ctx.state.pool.get().await?;
    let token = ApiToken::find(&mut conn, id)
        .await?
        .filter(|t| t.user_id == principal.user_id || principal.role == Role::Admin)
        .ok_or(DomainError::NotFound("API token"))?;
    let invalidation = Invalidation::Session(id);
    conn.transaction(async |conn| {
        session::revoke_session(conn, id, "API token revoked").await?;
        invalidate_auth(conn, &invalidation).await
    })
    .await?;
    ctx.state.principals.invalidate(&invalidation);
    Ok(ApiToken::find(&mut conn, id).await?.unwrap_or(token))
}

/// The session behind a presented `dq_…` token, if it exists; whether it is live (not
/// revoked or expired, its owner active) is the principal cache's call.
pub async fn session_for(state: &AppState, token: &str) -> anyhow::Result<Option<Uuid>> {
    let mut conn = state.pool.get().await?;
    let Some((session_id, last_used_at)) =
        ApiToken::session_of(&mut conn, &refresh::digest(token)).await?
    else {
        return Ok(None);
    };
    if last_used_at.is_none_or(|at| Utc::now() - at > TOUCH_AFTER) {
        ApiToken::touch(&mut conn, session_id).await?;
    }
    Ok(Some(session_id))
}
