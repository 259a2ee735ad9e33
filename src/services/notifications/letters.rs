//! What each ticket notification says.

use crate::db::models::event::TicketEvent;
use crate::db::models::message::TicketMessage;
use crate::db::models::ticket::Ticket;
use crate::db::models::webhook::WebhookEndpoint;
use crate::mail::notification::Notification;

pub(super) const FOOTER: &str = "You receive this email from the deskql help desk.";

/// A ticket email with the parts most of them share.
fn about(ticket: &Ticket, subject: String, headline: &str, intro: String) -> Notification {
    Notification {
        subject,
        headline: headline.into(),
        intro,
        number: ticket.number.clone(),
        title: ticket.title.clone(),
        message: None,
        summary: None,
        notes: Vec::new(),
        link_label: "View your ticket",
        link: String::new(),
        ratings: Vec::new(),
        footer: FOOTER,
    }
}

pub(super) fn created(ticket: &Ticket, link: String) -> Notification {
    Notification {
        link_label: "Track your ticket",
        link,
        ..about(
            ticket,
            format!(
                "[{}] We received your request: {}",
                ticket.number, ticket.title
            ),
            "We received your request",
            format!(
                "Hi {}, thank you for contacting support. Your ticket number is {}; we will get \
                 back to you as soon as possible.",
                ticket.requester_name, ticket.number
            ),
        )
    }
}

pub(super) fn assigned(ticket: &Ticket, public_url: &str) -> Notification {
    Notification {
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
        ..about(
            ticket,
            format!("[{}] Assigned to you: {}", ticket.number, ticket.title),
            "A ticket was assigned to you",
            format!(
                "{} ({} priority) from {} is now yours.",
                ticket.number, ticket.priority, ticket.requester_name
            ),
        )
    }
}

pub(super) fn resolved(ticket: &Ticket, link: String) -> Notification {
    Notification {
        link,
        ..about(
            ticket,
            format!("[{}] Resolved: {}", ticket.number, ticket.title),
            "Your ticket was resolved",
            format!(
                "Hi {}, we marked {} as resolved. If the problem is still there, reply to reopen it.",
                ticket.requester_name, ticket.number
            ),
        )
    }
}

pub(super) fn staff_replied(
    ticket: &Ticket,
    message: &TicketMessage,
    link: String,
) -> Notification {
    Notification {
        message: Some(message.body.clone()),
        link_label: "Reply",
        link,
        ..about(
            ticket,
            format!("[{}] New reply: {}", ticket.number, ticket.title),
            "We replied to your request",
            format!(
                "Hi {}, {} wrote:",
                ticket.requester_name, message.author_name
            ),
        )
    }
}

pub(super) fn requester_replied(
    ticket: &Ticket,
    message: &TicketMessage,
    public_url: &str,
) -> Notification {
    Notification {
        message: Some(message.body.clone()),
        link_label: "Open the ticket",
        link: format!("{public_url}/tickets/{}", ticket.number),
        ..about(
            ticket,
            format!("[{}] Customer replied: {}", ticket.number, ticket.title),
            "The customer replied",
            format!(
                "{} replied on {} ({}):",
                message.author_name, ticket.number, ticket.status
            ),
        )
    }
}

/// To the assignee (or the admins) when an SLA target is close or has passed.
pub(super) fn sla_deadline(ticket: &Ticket, event: &TicketEvent, public_url: &str) -> Notification {
    let metric = match event.to_value.as_deref() {
        Some("FIRST_RESPONSE") => "first response",
        _ => "resolution",
    };
    let due = event.from_value.as_deref().unwrap_or("now");
    let (subject, headline, intro) = match event.kind {
        crate::domain::ticket::TicketEventKind::SlaBreached => (
            format!("[{}] SLA breached: {}", ticket.number, ticket.title),
            "An SLA target was missed",
            format!(
                "The {metric} target of {} ({} priority) passed at {due}.",
                ticket.number, ticket.priority
            ),
        ),
        _ => (
            format!("[{}] SLA at risk: {}", ticket.number, ticket.title),
            "An SLA target is close",
            format!(
                "The {metric} target of {} ({} priority) is due at {due}.",
                ticket.number, ticket.priority
            ),
        ),
    };
    Notification {
        link_label: "Open the ticket",
        link: format!("{public_url}/tickets/{}", ticket.number),
        ..about(ticket, subject, headline, intro)
    }
}

pub(super) fn requester_assigned(ticket: &Ticket, link: String) -> Notification {
    Notification {
        link,
        ..about(
            ticket,
            format!("[{}] An agent is on it: {}", ticket.number, ticket.title),
            "Someone is working on your request",
            format!(
                "Hi {}, a member of our support team has taken {} and will get back to you.",
                ticket.requester_name, ticket.number
            ),
        )
    }
}

pub(super) fn status_update(ticket: &Ticket, status: &str, link: String) -> Notification {
    let (subject, headline, intro) = match status {
        "WAITING_FOR_CUSTOMER" => (
            "We need your reply",
            "Your ticket is waiting for you",
            format!(
                "Hi {}, we need more information from you to go on with {}. Reply to this email or follow the link.",
                ticket.requester_name, ticket.number
            ),
        ),
        "CLOSED" => (
            "Closed",
            "Your ticket is closed",
            format!(
                "Hi {}, {} is closed. If you need more help, file a new ticket.",
                ticket.requester_name, ticket.number
            ),
        ),
        _ => (
            "Cancelled",
            "Your ticket was cancelled",
            format!(
                "Hi {}, {} was cancelled. If this is a mistake, file a new ticket.",
                ticket.requester_name, ticket.number
            ),
        ),
    };
    Notification {
        link,
        ..about(
            ticket,
            format!("[{}] {subject}: {}", ticket.number, ticket.title),
            headline,
            intro,
        )
    }
}

/// The requester's ticket was merged into `into` (its link now opens that ticket).
pub(super) fn merged(ticket: &Ticket, into: &str, link: String) -> Notification {
    Notification {
        link,
        ..about(
            ticket,
            format!("[{}] Merged into {into}: {}", ticket.number, ticket.title),
            "Your ticket continues elsewhere",
            format!(
                "Hi {}, {} is about the same problem as {into}, so we merged them: your \
                 messages and attachments are now part of {into}, and we carry on there. \
                 Your link opens it.",
                ticket.requester_name, ticket.number
            ),
        )
    }
}

pub(super) fn unassigned_alert(ticket: &Ticket, public_url: &str) -> Notification {
    Notification {
        summary: ticket.summary.clone(),
        link_label: "Open the ticket",
        link: format!("{public_url}/tickets/{}", ticket.number),
        ..about(
            ticket,
            format!(
                "[{}] Nobody has taken this yet: {}",
                ticket.number, ticket.title
            ),
            "A ticket is waiting for someone",
            format!(
                "{} ({} priority) from {} is still unassigned.",
                ticket.number, ticket.priority, ticket.requester_name
            ),
        )
    }
}

pub(super) fn webhook_disabled(endpoint: &WebhookEndpoint, public_url: &str) -> Notification {
    Notification {
        subject: "A webhook endpoint was disabled".into(),
        headline: "A webhook endpoint was disabled".into(),
        intro: format!(
            "Deliveries to {} failed too often ({}), so the endpoint was switched off. What \
             was waiting is kept: fix the receiver, then switch the endpoint back on with \
             updateWebhookEndpoint(active: true) and it is sent in order. Events that happen \
             while the endpoint is off are not queued for it.",
            endpoint.url,
            endpoint
                .disabled_reason
                .as_deref()
                .unwrap_or("repeated failures"),
        ),
        number: String::new(),
        title: endpoint.description.clone(),
        message: None,
        summary: None,
        notes: Vec::new(),
        link_label: "Open the help desk",
        link: public_url.to_owned(),
        ratings: Vec::new(),
        footer: FOOTER,
    }
}
