//! Sign-up, login, token refresh and logout.

use chrono::{TimeDelta, Utc};
use diesel_async::{AsyncConnection, AsyncPgConnection};
use uuid::Uuid;

use crate::app::AppState;
use crate::auth::principals::Invalidation;
use crate::auth::{password, refresh};
use crate::db::models::login_failure::{self, Attempt};
use crate::db::models::session;
use crate::db::models::user::{NewUser, User};
use crate::domain::roles::Role;
use crate::domain::validation::{self, NAME_CHARS};
use crate::domain::{DomainError, DomainResult};
use crate::services::notify::invalidate_auth;
use crate::services::{RequestContext, limits, verification};

const LOGIN_WINDOW: TimeDelta = TimeDelta::minutes(15);
const INVALID_LOGIN: &str = "invalid email or password";

pub struct SignUp {
    pub email: String,
    pub password: String,
    pub name: String,
}

/// A fresh session: what `signUp`, `logIn` and `refreshSession` hand back.
pub struct Session {
    pub access_token: String,
    pub refresh_token: String,
    pub user: User,
}

pub async fn sign_up(ctx: &RequestContext, input: SignUp) -> DomainResult<Session> {
    let email = validation::email("email", &input.email)?;
    validation::password("password", &input.password)?;
    let name = validation::text_in_range("name", &input.name, NAME_CHARS)?;
    let mut conn = ctx.state.pool.get().await?;
    // Counted before the expensive hash and the email; a failed sign-up still counts (a
    // caller probing for registered addresses spends the allowance too).
    if let Some(ip) = ctx.client_ip {
        limits::per_hour(
            &mut conn,
            &format!("signup:ip:{ip}"),
            ctx.state.config.signup_limit_per_ip,
        )
        .await?;
    }
    drop(conn);
    let hash = password::hash(&ctx.state.password_slots, input.password).await?;
    let mut conn = ctx.state.pool.get().await?;
    let user = conn
        .transaction(async |conn| {
            let user = NewUser {
                id: Uuid::now_v7(),
                email: &email,
                name: &name,
                password_hash: Some(&hash),
                role: Role::User,
                skills: &[],
            }
            .insert(conn)
            .await?
            .ok_or_else(|| {
                DomainError::Conflict("an account with this email already exists".into())
            })?;
            verification::enqueue_email(conn, user.id).await?;
            Ok::<_, DomainError>(user)
        })
        .await?;
    start_session(&ctx.state, &mut conn, user).await
}

pub async fn log_in(
    ctx: &RequestContext,
    email: &str,
    password_text: String,
) -> DomainResult<Session> {
    let email = email.trim().to_lowercase();
    let account_bucket = format!("account:{email}");
    let config = &ctx.state.config;
    let mut conn = ctx.state.pool.get().await?;

    // Every attempt is counted as a failure before the password is checked, so parallel
    // guesses cannot all slip under the budget; a success forgets the account's count and
    // gives back the attempt it reserved on the address.
    let ip_bucket = ctx.client_ip.map(|ip| format!("ip:{ip}"));
    if let Some(bucket) = &ip_bucket {
        reserve_attempt(&mut conn, bucket, config.login_failures_per_ip).await?;
    }
    reserve_attempt(
        &mut conn,
        &account_bucket,
        config.login_failures_per_account,
    )
    .await?;

    let found = User::find_credentials(&mut conn, &email).await?;
    let (user, hash) = match found {
        Some((user, hash)) if user.active => (Some(user), hash),
        _ => (None, None),
    };
    drop(conn);
    let verified = password::verify(&ctx.state.password_slots, password_text, hash).await?;
    let mut conn = ctx.state.pool.get().await?;
    match user {
        Some(user) if verified => {
            login_failure::clear(&mut conn, &account_bucket).await?;
            if let Some(bucket) = &ip_bucket {
                login_failure::refund(&mut conn, bucket).await?;
            }
            start_session(&ctx.state, &mut conn, user).await
        }
        _ => Err(DomainError::InvalidCredentials(INVALID_LOGIN)),
    }
}

async fn reserve_attempt(
    conn: &mut AsyncPgConnection,
    bucket: &str,
    budget: i32,
) -> DomainResult<()> {
    match login_failure::reserve(conn, bucket, budget, LOGIN_WINDOW).await? {
        Attempt::Allowed { .. } => Ok(()),
        Attempt::Locked { retry_after_secs } => Err(DomainError::RateLimited { retry_after_secs }),
    }
}

async fn start_session(
    state: &AppState,
    conn: &mut AsyncPgConnection,
    user: User,
) -> DomainResult<Session> {
    let session_id = Uuid::now_v7();
    let refresh_token = refresh::generate();
    let digest = refresh::digest(&refresh_token);
    let expires_at = Utc::now() + state.config.refresh_token_ttl();
    conn.transaction(async |conn| {
        session::create_session(conn, session_id, user.id, expires_at).await?;
        session::insert_refresh_token(conn, session_id, &digest).await
    })
    .await?;
    let access_token = state.jwt.issue(user.id, session_id)?;
    Ok(Session {
        access_token,
        refresh_token,
        user,
    })
}

enum RefreshOutcome {
    Rotated { user_id: Uuid, session_id: Uuid },
    Rejected,
    Replayed,
}

/// Rotates a refresh token. Presenting one that was already used means it leaked: the whole
/// family (session) is revoked, including the legitimate holder's newer tokens.
pub async fn refresh_session(ctx: &RequestContext, presented: &str) -> DomainResult<Session> {
    let state = &ctx.state;
    let digest = refresh::digest(presented);
    let replacement = refresh::generate();
    let replacement_digest = refresh::digest(&replacement);
    let mut conn = state.pool.get().await?;
    let outcome = conn
        .transaction(async |conn| {
            let Some(token) = session::consume_refresh_token(conn, &digest).await? else {
                return Ok::<_, DomainError>(RefreshOutcome::Rejected);
            };
            if token.already_used {
                session::revoke_session(conn, token.session_id, "refresh token reuse").await?;
                invalidate_auth(conn, &Invalidation::Session(token.session_id)).await?;
                state
                    .principals
                    .invalidate(&Invalidation::Session(token.session_id));
                return Ok(RefreshOutcome::Replayed);
            }
            let live = session::principal(conn, token.session_id)
                .await?
                .filter(|p| p.active && p.revoked_at.is_none() && p.expires_at > Utc::now());
            let Some(principal) = live else {
                return Ok(RefreshOutcome::Rejected);
            };
            session::insert_refresh_token(conn, token.session_id, &replacement_digest).await?;
            Ok(RefreshOutcome::Rotated {
                user_id: principal.user_id,
                session_id: token.session_id,
            })
        })
        .await?;
    match outcome {
        RefreshOutcome::Rotated {
            user_id,
            session_id,
        } => {
            let user = User::find(&mut conn, user_id)
                .await?
                .ok_or(DomainError::Unauthenticated)?;
            Ok(Session {
                access_token: state.jwt.issue(user_id, session_id)?,
                refresh_token: replacement,
                user,
            })
        }
        RefreshOutcome::Replayed => {
            tracing::warn!("refresh token replayed; session revoked");
            Err(DomainError::Unauthenticated)
        }
        RefreshOutcome::Rejected => Err(DomainError::Unauthenticated),
    }
}

/// Revokes the caller's session: its access and refresh tokens stop working everywhere.
pub async fn log_out(ctx: &RequestContext) -> DomainResult<()> {
    let principal = ctx.viewer.principal()?;
    let mut conn = ctx.state.pool.get().await?;
    let invalidation = Invalidation::Session(principal.session_id);
    conn.transaction(async |conn| {
        session::revoke_session(conn, principal.session_id, "logout").await?;
        invalidate_auth(conn, &invalidation).await
    })
    .await?;
    ctx.state.principals.invalidate(&invalidation);
    Ok(())
}

/// Creates an administrator, or promotes and re-activates an existing account (CLI).
pub async fn create_admin(
    state: &AppState,
    email: &str,
    name: &str,
    password_text: String,
) -> DomainResult<User> {
    let email = validation::email("email", email)?;
    let name = validation::text_in_range("name", name, NAME_CHARS)?;
    validation::password("password", &password_text)?;
    let hash = password::hash(&state.password_slots, password_text).await?;
    let mut conn = state.pool.get().await?;
    crate::db::models::user::upsert_admin(&mut conn, &email, &name, &hash)
        .await
        .map_err(Into::into)
}
