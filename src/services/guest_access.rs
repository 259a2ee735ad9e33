//! Guest tracking links: a secret per link that lets whoever holds it read one ticket's
//! public view and thread and reply to it, nothing else. Only the hash is stored; links can
//! be revoked, and they stop working a grace period after the ticket closes. The link of a
//! merged ticket opens the ticket it was merged into.

use chrono::{TimeDelta, Utc};
use diesel_async::AsyncPgConnection;
use uuid::Uuid;

use crate::auth::refresh;
use crate::db::models::guest_access;
use crate::db::models::ticket::Ticket;
use crate::domain::ticket::TicketStatus;
use crate::domain::{DomainError, DomainResult};
use crate::services::{RequestContext, limits};

/// Tracking lookups an anonymous IP may make per hour (guessing 256-bit tokens is hopeless,
/// but a flood of lookups is still load).
const LOOKUPS_PER_HOUR: i32 = 600;

/// A new link for the ticket; the token is returned once and never stored.
pub async fn issue(conn: &mut AsyncPgConnection, ticket_id: Uuid) -> diesel::QueryResult<String> {
    let token = refresh::generate();
    guest_access::insert(conn, &refresh::digest(&token), ticket_id).await?;
    Ok(token)
}

/// The ticket a tracking token opens, if the token is genuine, unrevoked and unexpired.
/// Every failure reads the same, so a token's state cannot be probed.
pub async fn open(ctx: &RequestContext, token: &str) -> DomainResult<Ticket> {
    let mut conn = ctx.state.pool.get().await?;
    limits::anonymous_per_ip(ctx, &mut conn, "track", LOOKUPS_PER_HOUR).await?;
    open_on(
        &mut conn,
        ctx.state.config.conversation.tracking_grace_days,
        token,
    )
    .await
}

pub async fn open_on(
    conn: &mut AsyncPgConnection,
    grace_days: u32,
    token: &str,
) -> DomainResult<Ticket> {
    let invalid =
        || DomainError::InvalidCredentials("this tracking link is invalid or has expired");
    let token = token.trim();
    if token.is_empty() || token.len() > 100 {
        return Err(invalid());
    }
    let row = guest_access::touch(conn, &refresh::digest(token))
        .await?
        .filter(|row| row.revoked_at.is_none())
        .ok_or_else(invalid)?;
    let mut ticket = Ticket::find_live(conn, row.ticket_id)
        .await?
        .ok_or_else(invalid)?;
    // A merged ticket's link opens the ticket it went into (merges never form cycles: a
    // merged ticket cannot be a merge target).
    while let Some(into) = ticket.merged_into_id {
        ticket = Ticket::find_live(conn, into).await?.ok_or_else(invalid)?;
    }
    if let Some(ended) = ended_at(&ticket)
        && Utc::now() > ended + TimeDelta::days(i64::from(grace_days))
    {
        return Err(invalid());
    }
    Ok(ticket)
}

/// When the ticket stopped taking replies (closed or cancelled).
fn ended_at(ticket: &Ticket) -> Option<chrono::DateTime<Utc>> {
    match ticket.status {
        TicketStatus::Closed => ticket.closed_at.or(Some(ticket.updated_at)),
        TicketStatus::Cancelled => Some(ticket.updated_at),
        _ => None,
    }
}

/// Staff: revokes every tracking link of a ticket; returns how many were live.
pub async fn revoke(ctx: &RequestContext, ticket_id: Uuid) -> DomainResult<i32> {
    ctx.viewer.require_staff()?;
    let mut conn = ctx.state.pool.get().await?;
    Ticket::find_live(&mut conn, ticket_id)
        .await?
        .ok_or(DomainError::NotFound("ticket"))?;
    let revoked = guest_access::revoke_all(&mut conn, ticket_id).await?;
    Ok(i32::try_from(revoked).unwrap_or(i32::MAX))
}
