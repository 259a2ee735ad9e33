//! Customer satisfaction (CSAT): the requester of a resolved ticket rates the resolution
//! once, 1 to 5 with an optional comment, and may change it for a week. A reopened and
//! re-resolved ticket is rated anew. Account holders rate as themselves, guests with their
//! tracking token.

use chrono::{TimeDelta, Utc};
use diesel_async::{AsyncConnection, AsyncPgConnection};
use uuid::Uuid;

use crate::app::AppState;
use crate::db::models::event::NewTicketEvent;
use crate::db::models::rating::TicketRating;
use crate::db::models::ticket::Ticket;
use crate::domain::ticket::{TicketEventKind, TicketStatus};
use crate::domain::{DomainError, DomainResult};
use crate::services::tickets::{ensure_requester, lock_live};
use crate::services::{RequestContext, guest_access};

/// How long after the first rating it may still be changed.
pub const CHANGE_WINDOW: TimeDelta = TimeDelta::days(7);
pub const COMMENT_MAX_CHARS: usize = 2_000;

pub struct RatingInput {
    pub score: i32,
    pub comment: Option<String>,
}

struct ValidRating {
    score: i16,
    comment: Option<String>,
}

fn validate(input: RatingInput) -> DomainResult<ValidRating> {
    let score = i16::try_from(input.score)
        .ok()
        .filter(|score| (1..=5).contains(score))
        .ok_or_else(|| DomainError::invalid("score", "score must be between 1 and 5"))?;
    let comment = input
        .comment
        .map(|comment| comment.trim().to_owned())
        .filter(|comment| !comment.is_empty());
    if comment
        .as_ref()
        .is_some_and(|comment| comment.chars().count() > COMMENT_MAX_CHARS)
    {
        return Err(DomainError::invalid(
            "comment",
            format!("comment is limited to {COMMENT_MAX_CHARS} characters"),
        ));
    }
    Ok(ValidRating { score, comment })
}

/// An account holder rates their own ticket.
pub async fn rate(
    ctx: &RequestContext,
    ticket_id: Uuid,
    input: RatingInput,
) -> DomainResult<TicketRating> {
    let principal = ctx.viewer.principal()?;
    let rating = validate(input)?;
    let mut conn = ctx.state.pool.get().await?;
    conn.transaction(async |conn| {
        let ticket = lock_live(conn, ticket_id, None).await?;
        ensure_requester(&principal, &ticket)?;
        record(conn, &ticket, rating, Some(principal.user_id)).await
    })
    .await
}

/// A guest rates through their tracking link.
pub async fn rate_as_guest(
    ctx: &RequestContext,
    token: &str,
    input: RatingInput,
) -> DomainResult<TicketRating> {
    let rating = validate(input)?;
    let ticket = guest_access::open(ctx, token).await?;
    let mut conn = ctx.state.pool.get().await?;
    conn.transaction(async |conn| {
        let ticket = lock_live(conn, ticket.id, None).await?;
        record(conn, &ticket, rating, None).await
    })
    .await
}

/// A one-click link from the resolution email: the signed token names the ticket and the
/// resolution, the score comes with the click. Returns the ticket's number with the rating.
pub async fn rate_by_link(
    state: &AppState,
    token: &str,
    score: i32,
) -> DomainResult<(String, TicketRating)> {
    let (ticket_id, resolution) =
        state
            .jwt
            .verify_rating(token.trim())
            .ok_or(DomainError::InvalidCredentials(
                "this rating link is invalid or has expired",
            ))?;
    let rating = validate(RatingInput {
        score,
        comment: None,
    })?;
    let mut conn = state.pool.get().await?;
    conn.transaction(async |conn| {
        let ticket = lock_live(conn, ticket_id, None).await?;
        if ticket.resolved_at.map(|at| at.timestamp_micros()) != Some(resolution) {
            return Err(DomainError::Conflict(
                "this link rates an earlier resolution of the ticket".into(),
            ));
        }
        let saved = record(conn, &ticket, rating, None).await?;
        Ok((ticket.number, saved))
    })
    .await
}

/// Records the rating of the ticket's current resolution, with a `RATED` event.
async fn record(
    conn: &mut AsyncPgConnection,
    ticket: &Ticket,
    rating: ValidRating,
    actor: Option<Uuid>,
) -> DomainResult<TicketRating> {
    let resolved_at = match (ticket.status, ticket.resolved_at) {
        (TicketStatus::Resolved | TicketStatus::Closed, Some(resolved_at)) => resolved_at,
        _ => {
            return Err(DomainError::Conflict(format!(
                "only a resolved ticket can be rated ({} is {})",
                ticket.number, ticket.status
            )));
        }
    };
    let now = Utc::now();
    let previous = TicketRating::lock(conn, ticket.id, resolved_at).await?;
    if let Some(previous) = &previous
        && now - previous.rated_at > CHANGE_WINDOW
    {
        return Err(DomainError::Conflict(
            "a rating can only be changed for 7 days".into(),
        ));
    }
    let saved = TicketRating {
        ticket_id: ticket.id,
        resolved_at,
        score: rating.score,
        comment: rating.comment,
        rated_at: now,
        updated_at: now,
    }
    .upsert(conn)
    .await?;
    let event = NewTicketEvent {
        ticket_id: ticket.id,
        kind: TicketEventKind::Rated,
        from_value: previous.map(|previous| previous.score.to_string()),
        to_value: Some(saved.score.to_string()),
        actor_id: actor,
        internal: false,
        changes: None,
    };
    NewTicketEvent::insert_all(conn, &[event]).await?;
    Ok(saved)
}
