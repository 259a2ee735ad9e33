//! Merging a ticket into another: the source's thread (its description, messages and
//! attachments) moves to the target, marked with the source's number; the source closes for
//! good, pointing at the target. Both tickets record a MERGED event, which subscriptions and
//! webhooks see; the source's requester is emailed, and their tracking link opens the target.

use chrono::Utc;
use diesel_async::{AsyncConnection, AsyncPgConnection};
use uuid::{NoContext, Timestamp, Uuid};

use crate::db::models::message::{self, TicketMessage};
use crate::db::models::ticket::{Ticket, TicketChanges};
use crate::domain::markdown::to_safe_html;
use crate::domain::thread::AuthorRole;
use crate::domain::ticket::{TicketEventKind, TicketStatus};
use crate::domain::{DomainError, DomainResult};
use crate::services::RequestContext;
use crate::services::tickets::{apply_change, event, lock_live};

pub struct Merged {
    pub source: Ticket,
    pub target: Ticket,
    pub messages_moved: usize,
}

/// Staff merge `source_id` into `target_id`. Tickets of different requesters are merged only
/// with `confirm`: the source's requester then writes on a ticket that is not theirs.
pub async fn merge(
    ctx: &RequestContext,
    source_id: Uuid,
    target_id: Uuid,
    confirm: bool,
) -> DomainResult<Merged> {
    let staff = ctx.viewer.require_staff()?;
    if source_id == target_id {
        return Err(DomainError::invalid(
            "targetId",
            "a ticket cannot be merged into itself",
        ));
    }
    let mut conn = ctx.state.pool.get().await?;
    conn.transaction(async |conn| {
        // Both rows locked in one order, so two opposite merges cannot deadlock: the second
        // waits, then finds its source or target merged.
        let (first, second) = if source_id < target_id {
            (source_id, target_id)
        } else {
            (target_id, source_id)
        };
        let first = lock_live(conn, first, None).await?;
        let second = lock_live(conn, second, None).await?;
        let (source, target) = if first.id == source_id {
            (first, second)
        } else {
            (second, first)
        };
        check(conn, &source, &target, confirm).await?;

        let carrier = description_message(&source);
        carrier.insert(conn).await?;
        let messages_moved =
            message::move_thread(conn, source.id, target.id, &source.number, carrier.id).await?;

        let now = Utc::now();
        let source_changes = TicketChanges {
            status: Some(TicketStatus::Closed),
            closed_at: Some(Some(now)),
            merged_into_id: Some(Some(target.id)),
            ..Default::default()
        };
        let source_events = [
            event(
                source.id,
                TicketEventKind::Merged,
                None,
                Some(target.number.clone()),
                staff.user_id,
            ),
            event(
                source.id,
                TicketEventKind::StatusChanged,
                Some(source.status.to_string()),
                Some(TicketStatus::Closed.to_string()),
                staff.user_id,
            ),
        ];
        let source =
            apply_change(conn, &ctx.state, source.id, &source_changes, &source_events).await?;
        let target_events = [event(
            target.id,
            TicketEventKind::Merged,
            Some(source.number.clone()),
            None,
            staff.user_id,
        )];
        let target = apply_change(
            conn,
            &ctx.state,
            target.id,
            &TicketChanges::default(),
            &target_events,
        )
        .await?;
        Ok(Merged {
            source,
            target,
            messages_moved,
        })
    })
    .await
}

async fn check(
    conn: &mut AsyncPgConnection,
    source: &Ticket,
    target: &Ticket,
    confirm: bool,
) -> DomainResult<()> {
    for ticket in [source, target] {
        if let Some(into) = ticket.merged_into_id {
            let into = Ticket::find_live(conn, into)
                .await?
                .map(|t| t.number)
                .unwrap_or_else(|| "a deleted ticket".into());
            return Err(DomainError::AlreadyMerged {
                number: ticket.number.clone(),
                into,
            });
        }
    }
    for (field, ticket) in [("sourceId", source), ("targetId", target)] {
        if matches!(
            ticket.status,
            TicketStatus::Closed | TicketStatus::Cancelled
        ) {
            return Err(DomainError::Conflict(format!(
                "{} is {} ({field}); only tickets still in work can be merged",
                ticket.number, ticket.status
            )));
        }
    }
    if !confirm
        && !source
            .requester_email
            .eq_ignore_ascii_case(&target.requester_email)
    {
        return Err(DomainError::ConfirmationRequired(format!(
            "{} and {} have different requesters ({} and {}); merging shows each one's \
             messages to the other. Send confirm: true to merge anyway",
            source.number, target.number, source.requester_email, target.requester_email
        )));
    }
    Ok(())
}

/// The source's description as a message of its requester, dated when the source was filed
/// (its id too, so the thread stays in order); `move_thread` marks it as merged.
fn description_message(source: &Ticket) -> TicketMessage {
    let filed = source.created_at;
    let timestamp = Timestamp::from_unix(
        NoContext,
        u64::try_from(filed.timestamp()).unwrap_or_default(),
        filed.timestamp_subsec_nanos(),
    );
    TicketMessage {
        id: Uuid::new_v7(timestamp),
        ticket_id: source.id,
        author_id: source.requester_id,
        author_role: AuthorRole::Requester,
        author_name: source.requester_name.clone(),
        internal: false,
        body_html: to_safe_html(&source.description),
        body: source.description.clone(),
        created_at: filed,
        merged_from: None,
    }
}
