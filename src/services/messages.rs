//! The conversation thread of a ticket: reading it with the viewer's visibility, and adding
//! messages (with attachments) and the status automation a reply triggers.

use chrono::Utc;
use diesel_async::{AsyncConnection, AsyncPgConnection};
use uuid::Uuid;

use crate::db::models::attachment::Attachment;
use crate::db::models::event::NewTicketEvent;
use crate::db::models::message::TicketMessage;
use crate::db::models::ticket::{Ticket, TicketChanges};
use crate::db::models::user::User;
use crate::domain::markdown::to_safe_html;
use crate::domain::thread::{AuthorRole, BODY_CHARS, Reply, reply_effects};
use crate::domain::ticket::{TicketEventKind, TicketStatus};
use crate::domain::validation;
use crate::domain::{DomainError, DomainResult};
use crate::services::attachments::{self, Destination, IncomingFile};
use crate::services::{RequestContext, guest_access, limits, tickets};

/// Who writes: the signed-in viewer on a ticket they can see, or a guest holding a tracking
/// token (always as the requester).
pub enum Writer<'a> {
    Viewer {
        ticket_id: Uuid,
    },
    Guest {
        token: &'a str,
    },
    /// An email the inbound route matched to the ticket and to its requester or assignee.
    Mail {
        ticket_id: Uuid,
        sender: MailSender,
    },
}

/// Who an inbound email is from, as far as the ticket is concerned.
pub enum MailSender {
    Requester,
    Assignee(Uuid),
}

pub struct MessageInput {
    pub body: String,
    pub internal: bool,
    pub next_status: Option<TicketStatus>,
    pub attachments: Vec<IncomingFile>,
}

struct Author {
    id: Option<Uuid>,
    role: AuthorRole,
    name: String,
}

pub async fn add(
    ctx: &RequestContext,
    writer: Writer<'_>,
    input: MessageInput,
) -> DomainResult<(Ticket, TicketMessage)> {
    let body = validation::text_in_range("body", &input.body, BODY_CHARS)?;
    let (ticket, author) = match writer {
        Writer::Viewer { ticket_id } => {
            let ticket = tickets::get(ctx, ticket_id).await?;
            let principal = ctx.viewer.principal()?;
            let mut conn = ctx.state.pool.get().await?;
            let user = User::find(&mut conn, principal.user_id)
                .await?
                .ok_or(DomainError::Unauthenticated)?;
            let role = if principal.role.is_staff() {
                AuthorRole::Staff
            } else {
                AuthorRole::Requester
            };
            let author = Author {
                id: Some(user.id),
                role,
                name: user.name,
            };
            (ticket, author)
        }
        Writer::Guest { token } => {
            let ticket = guest_access::open(ctx, token).await?;
            limit_guest_replies(ctx, &ticket).await?;
            let author = Author {
                id: None,
                role: AuthorRole::Requester,
                name: ticket.requester_name.clone(),
            };
            (ticket, author)
        }
        Writer::Mail { ticket_id, sender } => {
            let mut conn = ctx.state.pool.get().await?;
            let ticket = Ticket::find_live(&mut conn, ticket_id)
                .await?
                .ok_or(DomainError::NotFound("ticket"))?;
            let author = match sender {
                MailSender::Requester => {
                    drop(conn);
                    if ticket.requester_id.is_none() {
                        limit_guest_replies(ctx, &ticket).await?;
                    }
                    Author {
                        id: ticket.requester_id,
                        role: AuthorRole::Requester,
                        name: ticket.requester_name.clone(),
                    }
                }
                MailSender::Assignee(user_id) => {
                    let user = User::find(&mut conn, user_id)
                        .await?
                        .filter(|u| u.active && u.role.is_staff())
                        .ok_or(DomainError::Forbidden)?;
                    Author {
                        id: Some(user.id),
                        role: AuthorRole::Staff,
                        name: user.name,
                    }
                }
            };
            (ticket, author)
        }
    };
    let reply = Reply {
        author: author.role,
        internal: input.internal,
        next_status: input.next_status,
    };
    // Refuse early (closed ticket, notes by requesters) before reading any upload.
    reply_effects(ticket.status, ticket.first_response_at.is_some(), reply)?;
    let files = attachments::prepare(&ctx.state.config.conversation, input.attachments).await?;
    let message = TicketMessage {
        id: Uuid::now_v7(),
        ticket_id: ticket.id,
        author_id: author.id,
        author_role: author.role,
        author_name: author.name,
        internal: input.internal,
        body_html: to_safe_html(&body),
        body,
        created_at: Utc::now(),
        merged_from: None,
    };
    let destination = Destination {
        ticket_id: ticket.id,
        message_id: Some(message.id),
        internal: message.internal,
        uploaded_by_id: author.id,
    };
    let storage = &ctx.state.storage;
    let stored = attachments::store(storage, destination, files).await?;
    let mut conn = ctx.state.pool.get().await?;
    let result = conn
        .transaction(async |conn| {
            let current = tickets::lock_live(conn, ticket.id, None).await?;
            let mut changes = TicketChanges::default();
            let (message, events) =
                record_reply(conn, &current, &message, reply, &mut changes).await?;
            Attachment::insert_all(conn, stored.rows()).await?;
            let ticket =
                tickets::apply_change(conn, &ctx.state, current.id, &changes, &events).await?;
            Ok::<_, DomainError>((ticket, message))
        })
        .await;
    stored.settle(storage, result).await
}

/// Inserts `message` on the locked ticket `current` as `reply`, under the workflow: the
/// status the reply moves the ticket to and its first response go into `changes`; answers
/// the stored message and the events to record with the change.
pub(crate) async fn record_reply(
    conn: &mut AsyncPgConnection,
    current: &Ticket,
    message: &TicketMessage,
    reply: Reply,
    changes: &mut TicketChanges,
) -> DomainResult<(TicketMessage, Vec<NewTicketEvent>)> {
    let effects = reply_effects(current.status, current.first_response_at.is_some(), reply)?;
    let message = message.insert(conn).await?;
    let mut events = vec![NewTicketEvent {
        ticket_id: current.id,
        kind: TicketEventKind::MessageAdded,
        from_value: None,
        to_value: Some(message.id.to_string()),
        actor_id: message.author_id,
        internal: message.internal,
        changes: None,
    }];
    if let Some(to) = effects.status {
        events.push(tickets::transition(
            changes,
            current,
            to,
            message.author_id,
        )?);
    }
    if effects.first_response {
        changes.first_response_at = Some(Some(message.created_at));
    }
    Ok((message, events))
}

/// Guest replies are limited like guest intake: per requester email and per IP, hourly.
async fn limit_guest_replies(ctx: &RequestContext, ticket: &Ticket) -> DomainResult<()> {
    let config = &ctx.state.config;
    let mut conn = ctx.state.pool.get().await?;
    let by_email = format!("guest-reply:email:{}", ticket.requester_email);
    limits::per_hour(&mut conn, &by_email, config.guest_limit_per_email * 4).await?;
    if let Some(ip) = ctx.client_ip {
        let by_ip = format!("guest-reply:ip:{ip}");
        limits::per_hour(&mut conn, &by_ip, config.guest_limit_per_ip).await?;
    }
    Ok(())
}
