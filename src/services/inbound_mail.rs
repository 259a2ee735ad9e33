//! Email in. A raw message joins its ticket when it answers a Message-ID we sent or is
//! addressed to a ticket's reply address (`support+<ticket>.<tag>@…`), and only if it comes
//! from the ticket's requester or assignee. Anything else to the support address opens a guest
//! ticket (`source: EMAIL`) under the guest limits, with the usual receipt. Automatic mail
//! (auto-replies, bulk, bounces) is dropped, so two robots can never feed each other.

use std::borrow::Cow;
use std::io::Cursor;

use mail_parser::{Message, MessageParser, MimeHeaders};

use crate::db::models::email_delivery;
use crate::db::models::ticket::Ticket;
use crate::db::models::user::User;
use crate::domain::attachment::AttachmentKind;
use crate::domain::email_reply::reply_text;
use crate::domain::ticket::TicketStatus;
use crate::domain::validation::{DESCRIPTION_CHARS, TITLE_CHARS};
use crate::domain::{DomainError, DomainResult};
use crate::mail::reply_address;
use crate::services::RequestContext;
use crate::services::attachments::IncomingFile;
use crate::services::intake::{self, GuestContact, TicketDraft};
use crate::services::messages::{self, MailSender, MessageInput, Writer};

/// What became of a message. Refusals are answers, not errors: the sending service must not
/// retry them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Replied { ticket_number: String },
    Created { ticket_number: String },
    Ignored { reason: String },
    Refused { reason: String },
}

pub async fn receive(ctx: &RequestContext, raw: &[u8], key: &str) -> DomainResult<Outcome> {
    let message = MessageParser::default()
        .parse(raw)
        .filter(|m| m.from().is_some() || m.subject().is_some())
        .ok_or_else(|| DomainError::invalid("message", "the body is not an email message"))?;
    if let Some(reason) = automatic(&message) {
        tracing::info!(reason, "inbound email ignored");
        return Ok(Outcome::Ignored { reason });
    }
    let Some((sender, name)) = sender(&message) else {
        return Err(DomainError::invalid(
            "from",
            "the message has no From address",
        ));
    };
    let own = ctx.state.config.pipeline.mail_from.to_ascii_lowercase();
    if own.contains(&sender) {
        return Ok(Outcome::Ignored {
            reason: "sent by this help desk".into(),
        });
    }
    let body = message
        .body_text(0)
        .map(Cow::into_owned)
        .unwrap_or_default();
    let files = attachments(&message);
    match thread(ctx, &message, key).await? {
        Some(ticket) => reply(ctx, ticket, &sender, &body, files).await,
        None => open_ticket(ctx, &message, sender, name, &body, files).await,
    }
}

/// RFC 3834 `Auto-Submitted`, `Precedence: bulk|junk|list`, common auto-responder headers
/// and bounces (an empty return path or a mailer-daemon sender).
fn automatic(message: &Message<'_>) -> Option<String> {
    let header = |name: &str| {
        message
            .header_raw(name)
            .map(|v| v.trim().to_ascii_lowercase())
    };
    if let Some(value) = header("Auto-Submitted")
        && !value.starts_with("no")
    {
        return Some(format!("Auto-Submitted: {value}"));
    }
    if let Some(value) = header("Precedence")
        && ["bulk", "junk", "list", "auto_reply"].contains(&value.as_str())
    {
        return Some(format!("Precedence: {value}"));
    }
    for name in ["X-Autoreply", "X-Autorespond", "X-Auto-Response-Suppress"] {
        if let Some(value) = header(name)
            && (name != "X-Auto-Response-Suppress" || value.contains("all"))
        {
            return Some(format!("{name}: {value}"));
        }
    }
    if header("Return-Path").is_some_and(|v| v == "<>") {
        return Some("bounce (empty Return-Path)".into());
    }
    let from = sender(message)
        .map(|(address, _)| address)
        .unwrap_or_default();
    if from.starts_with("mailer-daemon@") || from.starts_with("postmaster@") {
        return Some(format!("bounce from {from}"));
    }
    None
}

fn sender(message: &Message<'_>) -> Option<(String, Option<String>)> {
    let addr = message.from()?.first()?;
    let address = addr.address()?.trim().to_ascii_lowercase();
    Some((address, addr.name().map(str::to_owned)))
}

/// The ticket the message answers: by In-Reply-To / References, else by a reply address
/// among its recipients.
async fn thread(
    ctx: &RequestContext,
    message: &Message<'_>,
    key: &str,
) -> DomainResult<Option<Ticket>> {
    let mut ids: Vec<String> = Vec::new();
    for header in [message.in_reply_to(), message.references()] {
        for id in header.as_text_list().unwrap_or_default() {
            let id = id.trim().trim_start_matches('<').trim_end_matches('>');
            if !id.is_empty() {
                ids.push(format!("<{id}>"));
            }
        }
    }
    let mut conn = ctx.state.pool.get().await?;
    if !ids.is_empty()
        && let Some(ticket_id) = email_delivery::ticket_of(&mut conn, &ids).await?
    {
        return Ok(Ticket::find_live(&mut conn, ticket_id).await?);
    }
    let recipients = [message.to(), message.cc()]
        .into_iter()
        .flatten()
        .flat_map(|list| list.iter())
        .filter_map(|addr| addr.address());
    for address in recipients {
        if let Some(number) = reply_address::ticket_number(address, key) {
            return Ok(Ticket::find_live_by_number(&mut conn, &number).await?);
        }
    }
    Ok(None)
}

async fn reply(
    ctx: &RequestContext,
    ticket: Ticket,
    sender: &str,
    body: &str,
    files: Vec<IncomingFile>,
) -> DomainResult<Outcome> {
    let author = if ticket.requester_email.eq_ignore_ascii_case(sender) {
        Some(MailSender::Requester)
    } else {
        match ticket.assignee_id {
            Some(id) => {
                let mut conn = ctx.state.pool.get().await?;
                User::find(&mut conn, id)
                    .await?
                    .filter(|user| user.email.eq_ignore_ascii_case(sender))
                    .map(|user| MailSender::Assignee(user.id))
            }
            None => None,
        }
    };
    let Some(author) = author else {
        tracing::warn!(ticket = %ticket.number, sender, "inbound reply refused: not the requester or the assignee");
        return Ok(Outcome::Refused {
            reason: format!(
                "{sender} is neither the requester nor the assignee of {}",
                ticket.number
            ),
        });
    };
    let text = reply_text(body);
    if text.is_empty() && files.is_empty() {
        return Ok(Outcome::Ignored {
            reason: "the reply has no new text".into(),
        });
    }
    if matches!(
        ticket.status,
        TicketStatus::Closed | TicketStatus::Cancelled
    ) {
        return Ok(Outcome::Refused {
            reason: format!(
                "{} is {} and takes no more replies; write a new email to open a ticket",
                ticket.number, ticket.status
            ),
        });
    }
    let body = if text.is_empty() {
        "(attachments)".to_owned()
    } else {
        text
    };
    let input = MessageInput {
        body,
        internal: false,
        next_status: None,
        attachments: files,
    };
    let number = ticket.number.clone();
    let writer = Writer::Mail {
        ticket_id: ticket.id,
        sender: author,
    };
    messages::add(ctx, writer, input).await?;
    Ok(Outcome::Replied {
        ticket_number: number,
    })
}

async fn open_ticket(
    ctx: &RequestContext,
    message: &Message<'_>,
    sender: String,
    name: Option<String>,
    body: &str,
    files: Vec<IncomingFile>,
) -> DomainResult<Outcome> {
    let subject = message.subject().unwrap_or_default().trim();
    let title = fit(
        if subject.chars().count() >= TITLE_CHARS.0 {
            subject.to_owned()
        } else {
            format!("Email from {sender}: {subject}")
        },
        TITLE_CHARS.1,
    );
    let text = body.trim();
    let description = fit(
        if text.chars().count() >= DESCRIPTION_CHARS.0 {
            text.to_owned()
        } else {
            format!("{title}\n\n{text}").trim().to_owned()
        },
        DESCRIPTION_CHARS.1,
    );
    let contact = GuestContact {
        email: sender,
        name: name.map(|n| fit(n, 100)),
    };
    let draft = TicketDraft {
        title,
        description,
        ..Default::default()
    };
    let receipt = intake::submit_guest_email(ctx, contact, draft, files).await?;
    Ok(Outcome::Created {
        ticket_number: receipt.ticket.number,
    })
}

/// Cuts text to `max` characters, marking the cut.
fn fit(text: String, max: usize) -> String {
    if text.chars().count() <= max {
        return text;
    }
    let mut cut: String = text.chars().take(max.saturating_sub(1)).collect();
    cut.push('…');
    cut
}

fn attachments(message: &Message<'_>) -> Vec<IncomingFile> {
    message
        .attachments()
        .enumerate()
        .map(|(index, part)| IncomingFile {
            field: format!("attachments.{index}"),
            file_name: part.attachment_name().unwrap_or("attachment").to_owned(),
            kind: AttachmentKind::File,
            content: Box::new(Cursor::new(part.contents().to_vec())),
        })
        .collect()
}
