//! Tagging tickets (staff) and curating the tag vocabulary (admins).

use diesel_async::{AsyncConnection, AsyncPgConnection};
use uuid::Uuid;

use crate::db::models::audit::NewAuditEntry;
use crate::db::models::event::NewTicketEvent;
use crate::db::models::tag::{self, TagCount};
use crate::db::models::ticket::{Ticket, TicketChanges};
use crate::domain::tags::{MAX_TAGS_PER_TICKET, normalize_tag, normalize_tags};
use crate::domain::ticket::TicketEventKind;
use crate::domain::{DomainError, DomainResult};
use crate::services::RequestContext;
use crate::services::tickets::lock_live;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TagChange {
    Add,
    Remove,
}

/// Adds or removes tags on a ticket; a change records a staff-only TAGGED event with the
/// tags before and after. Answers the ticket and its tags.
pub async fn change(
    ctx: &RequestContext,
    ticket_id: Uuid,
    raw: &[String],
    how: TagChange,
) -> DomainResult<(Ticket, Vec<String>)> {
    let staff = ctx.viewer.require_staff()?;
    let requested = normalize_tags("tags", raw)?;
    let mut conn = ctx.state.pool.get().await?;
    conn.transaction(async |conn| {
        // The ticket's row lock serialises tag changes, so the limit cannot be raced.
        let ticket = lock_live(conn, ticket_id, None).await?;
        let (after, event) = retag(conn, ticket_id, &requested, how, staff.user_id).await?;
        let Some(event) = event else {
            return Ok((ticket, after));
        };
        let ticket = Ticket::apply(conn, ticket_id, &TicketChanges::default(), &[event]).await?;
        Ok((ticket, after))
    })
    .await
}

/// Changes the tags of a ticket the caller has locked; answers the tags after, and the
/// TAGGED event to record when they changed. `requested` is normalised.
pub(crate) async fn retag(
    conn: &mut AsyncPgConnection,
    ticket_id: Uuid,
    requested: &[String],
    how: TagChange,
    actor: Uuid,
) -> DomainResult<(Vec<String>, Option<NewTicketEvent>)> {
    let before: Vec<String> = tag::of_tickets(conn, &[ticket_id])
        .await?
        .into_iter()
        .map(|(_, tag)| tag)
        .collect();
    let mut after = before.clone();
    match how {
        TagChange::Add => {
            after.extend(requested.iter().filter(|t| !before.contains(t)).cloned());
            if after.len() > MAX_TAGS_PER_TICKET {
                return Err(DomainError::invalid(
                    "tags",
                    format!("a ticket carries at most {MAX_TAGS_PER_TICKET} tags"),
                ));
            }
        }
        TagChange::Remove => after.retain(|t| !requested.contains(t)),
    }
    after.sort();
    if after == before {
        return Ok((before, None));
    }
    match how {
        TagChange::Add => tag::add(conn, ticket_id, requested, actor).await?,
        TagChange::Remove => tag::remove(conn, ticket_id, requested).await?,
    }
    let event = NewTicketEvent {
        ticket_id,
        kind: TicketEventKind::Tagged,
        from_value: Some(before.join(",")),
        to_value: Some(after.join(",")),
        actor_id: Some(actor),
        internal: true,
        changes: None,
    };
    Ok((after, Some(event)))
}

/// Every tag in use, with its counts (staff).
pub async fn list(ctx: &RequestContext) -> DomainResult<Vec<TagCount>> {
    ctx.viewer.require_staff()?;
    let mut conn = ctx.state.pool.get().await?;
    Ok(tag::counts(&mut conn).await?)
}

/// Tags suggested for a ticket (staff), from the tags of tickets like it.
pub async fn suggestions(ctx: &RequestContext, ticket_id: Uuid) -> DomainResult<Vec<String>> {
    ctx.viewer.require_staff()?;
    let mut conn = ctx.state.pool.get().await?;
    Ok(tag::suggestions(&mut conn, ticket_id, MAX_SUGGESTIONS).await?)
}

/// Tags suggested per ticket, at most.
const MAX_SUGGESTIONS: i64 = 5;

/// Renames `from` to `to` on every ticket (admins). With `merge`, `to` may already exist and
/// the two become one; without it, an existing `to` is a conflict.
pub async fn rename(
    ctx: &RequestContext,
    from: &str,
    to: &str,
    merge: bool,
) -> DomainResult<TagCount> {
    let admin = ctx.viewer.require_admin()?;
    let from = normalize_tag("from", from)?;
    let to = normalize_tag("to", to)?;
    if from == to {
        return Err(DomainError::invalid("to", "the tag already has that name"));
    }
    let mut conn = ctx.state.pool.get().await?;
    conn.transaction(async |conn| {
        if !tag::exists(conn, &from).await? {
            return Err(DomainError::NotFound("tag"));
        }
        if !merge && tag::exists(conn, &to).await? {
            return Err(DomainError::Conflict(format!(
                "tag {to} exists; merge the two tags instead"
            )));
        }
        let moved = tag::merge(conn, &from, &to).await?;
        NewAuditEntry {
            actor_id: Some(admin.user_id),
            action: if merge { "tags.merge" } else { "tags.rename" },
            target: Some(&to),
            details: serde_json::json!({ "from": from, "to": to, "tickets": moved }),
            request_id: ctx.request_id.as_deref(),
        }
        .insert(conn)
        .await?;
        Ok(())
    })
    .await?;
    let counts = tag::counts(&mut conn).await?;
    Ok(counts
        .into_iter()
        .find(|c| c.tag == to)
        .unwrap_or(TagCount {
            tag: to,
            open_tickets: 0,
            tickets: 0,
        }))
}
