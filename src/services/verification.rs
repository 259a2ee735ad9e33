//! Proving an account's email address. The link goes out by email (a job queued with the
//! account); following it marks the address verified and moves the guest tickets filed
//! with that address into the account.

use diesel_async::{AsyncConnection, AsyncPgConnection};
use serde_json::json;
use uuid::Uuid;

use crate::auth::refresh;
use crate::db::models::job::NewJob;
use crate::db::models::user::User;
use crate::db::models::verification;
use crate::domain::{DomainError, DomainResult};
use crate::queue;
use crate::services::notifications::EmailKind;
use crate::services::{RequestContext, limits};

/// Queues the verification email on the caller's transaction. Each request gets its own
/// Message-ID (and link).
pub async fn enqueue_email(conn: &mut AsyncPgConnection, user_id: Uuid) -> DomainResult<()> {
    NewJob {
        task: queue::SEND_EMAIL,
        payload: json!({
            "kind": EmailKind::VerifyEmail,
            "user_id": user_id,
            "message_key": format!("verify.{}", Uuid::now_v7()),
        }),
        max_attempts: queue::EMAIL_MAX_ATTEMPTS,
        priority: queue::EMAIL_PRIORITY,
        job_key: None,
        run_at: None,
    }
    .enqueue(conn)
    .await?;
    Ok(())
}

/// The signed-in user asks for a new link (the last one expired or got lost).
pub async fn resend(ctx: &RequestContext) -> DomainResult<()> {
    let principal = ctx.viewer.principal()?;
    let mut conn = ctx.state.pool.get().await?;
    let user = User::find(&mut conn, principal.user_id)
        .await?
        .ok_or(DomainError::Unauthenticated)?;
    if user.email_verified_at.is_some() {
        return Err(DomainError::Conflict(
            "this email address is already verified".into(),
        ));
    }
    limits::per_hour(&mut conn, &format!("verify-resend:user:{}", user.id), 5).await?;
    enqueue_email(&mut conn, user.id).await
}

pub struct Verified {
    pub user: User,
    pub claimed_tickets: usize,
}

/// Follows a link: anyone holding it proves the address, signed in or not.
pub async fn verify(ctx: &RequestContext, token: &str) -> DomainResult<Verified> {
    let hash = refresh::digest(token.trim());
    let mut conn = ctx.state.pool.get().await?;
    conn.transaction(async |conn| {
        let user_id =
            verification::consume(conn, &hash)
                .await?
                .ok_or(DomainError::InvalidCredentials(
                    "this verification link is invalid or has expired",
                ))?;
        verification::mark_verified(conn, user_id).await?;
        let user = User::find(conn, user_id)
            .await?
            .ok_or(DomainError::NotFound("user"))?;
        let claimed_tickets = verification::claim_guest_tickets(conn, user.id, &user.email).await?;
        Ok(Verified {
            user,
            claimed_tickets,
        })
    })
    .await
}
