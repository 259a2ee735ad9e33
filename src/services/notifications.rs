//! Notification emails, one job each. The Message-ID comes from what caused the email (the
//! ticket for a receipt, the event for an assignment or resolution), and a delivery log keyed
//! by it makes a retried job skip a message that already went out.

use lettre::message::Mailbox;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::app::AppState;
use crate::db::models::email_delivery::{NewEmailDelivery, was_sent};
use crate::db::models::event::TicketEvent;
use crate::db::models::ticket::Ticket;
use crate::db::models::user::User;
use crate::mail::Outgoing;
use crate::mail::notification::Notification;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, strum::Display)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[strum(serialize_all = "SCREAMING_SNAKE_CASE")]
pub enum EmailKind {
    /// Receipt to the requester when a ticket is filed.
    TicketCreated,
    /// To a moderator or admin when a ticket is assigned to them.
    TicketAssigned,
    /// To the requester when their ticket is resolved.
    TicketResolved,
}

/// The payload of a `send_email` job (written by the database triggers).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct EmailJob {
    pub kind: EmailKind,
    pub ticket_id: Uuid,
    #[serde(default)]
    pub event_id: Option<i64>,
    pub message_key: String,
}

const FOOTER: &str = "You receive this email from the deskql help desk.";

pub async fn send(state: &AppState, job: &EmailJob) -> anyhow::Result<()> {
    let mailer = &state.pipeline.mailer;
    let message_id = mailer.message_id(&job.message_key);
    let mut conn = state.pool.get().await?;
    if was_sent(&mut conn, &message_id).await? {
        return Ok(());
    }
    let Some(ticket) = Ticket::find_live(&mut conn, job.ticket_id).await? else {
        return Ok(());
    };
    let (recipient_name, recipient_email, notification) = match job.kind {
        EmailKind::TicketCreated => (
            ticket.requester_name.clone(),
            ticket.requester_email.clone(),
            created(&ticket, &mailer.public_url),
        ),
        EmailKind::TicketResolved => (
            ticket.requester_name.clone(),
            ticket.requester_email.clone(),
            resolved(&ticket, &mailer.public_url),
        ),
        EmailKind::TicketAssigned => {
            let assignee = match job.event_id {
                Some(event_id) => assignee_of(&mut conn, event_id).await?,
                None => None,
            };
            let Some(assignee) = assignee.filter(|user| user.active) else {
                return Ok(());
            };
            (
                assignee.name,
                assignee.email,
                assigned(&ticket, &mailer.public_url),
            )
        }
    };
    drop(conn);
    let to = Mailbox::new(Some(recipient_name), recipient_email.parse()?);
    let (text, html) = notification.render()?;
    mailer
        .send(Outgoing {
            message_id: message_id.clone(),
            to,
            subject: notification.subject.clone(),
            text,
            html,
        })
        .await?;
    let mut conn = state.pool.get().await?;
    NewEmailDelivery {
        message_id: &message_id,
        kind: &job.kind.to_string(),
        ticket_id: Some(ticket.id),
        recipient: &recipient_email,
        subject: &notification.subject,
        transport: mailer.transport_name(),
    }
    .insert(&mut conn)
    .await?;
    Ok(())
}

async fn assignee_of(
    conn: &mut diesel_async::AsyncPgConnection,
    event_id: i64,
) -> anyhow::Result<Option<User>> {
    let Some(routed) = TicketEvent::find_routed(conn, event_id).await? else {
        return Ok(None);
    };
    let Some(user_id) = routed
        .event
        .to_value
        .as_deref()
        .and_then(|v| v.parse().ok())
    else {
        return Ok(None);
    };
    Ok(User::find(conn, user_id).await?)
}

fn created(ticket: &Ticket, public_url: &str) -> Notification {
    Notification {
        subject: format!(
            "[{}] We received your request: {}",
            ticket.number, ticket.title
        ),
        headline: "We received your request".into(),
        intro: format!(
            "Hi {}, thank you for contacting support. Your ticket number is {}; we will get \
             back to you as soon as possible.",
            ticket.requester_name, ticket.number
        ),
        number: ticket.number.clone(),
        title: ticket.title.clone(),
        summary: None,
        notes: Vec::new(),
        link_label: "Track your ticket",
        link: format!("{public_url}/track/{}", ticket.number),
        footer: FOOTER,
    }
}

fn assigned(ticket: &Ticket, public_url: &str) -> Notification {
    Notification {
        subject: format!("[{}] Assigned to you: {}", ticket.number, ticket.title),
        headline: "A ticket was assigned to you".into(),
        intro: format!(
            "{} ({} priority) from {} is now yours.",
            ticket.number, ticket.priority, ticket.requester_name
        ),
        number: ticket.number.clone(),
        title: ticket.title.clone(),
        summary: ticket.summary.clone(),
        notes: ticket
            .helpful_notes
            .as_deref()
            .unwrap_or_default()
            .lines()
            .map(|line| line.trim_start_matches("- ").trim().to_owned())
            .filter(|line| !line.is_empty())
            .collect(),
        link_label: "Open the ticket",
        link: format!("{public_url}/tickets/{}", ticket.number),
        footer: FOOTER,
    }
}

fn resolved(ticket: &Ticket, public_url: &str) -> Notification {
    Notification {
        subject: format!("[{}] Resolved: {}", ticket.number, ticket.title),
        headline: "Your ticket was resolved".into(),
        intro: format!(
            "Hi {}, we marked {} as resolved. If the problem is still there, reply to reopen it.",
            ticket.requester_name, ticket.number
        ),
        number: ticket.number.clone(),
        title: ticket.title.clone(),
        summary: None,
        notes: Vec::new(),
        link_label: "View your ticket",
        link: format!("{public_url}/track/{}", ticket.number),
        footer: FOOTER,
    }
}
