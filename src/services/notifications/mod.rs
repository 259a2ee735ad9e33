//! Notification emails, one job each. The Message-ID comes from what caused the email (the
//! ticket for a receipt, the event for an assignment or resolution, the message for a reply,
//! the account for a verification), and a delivery log keyed by it makes a retried job skip
//! a message that already went out.

use chrono::{TimeDelta, Utc};
use diesel_async::AsyncPgConnection;
use lettre::message::Mailbox;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::app::AppState;
use crate::auth::refresh;
use crate::db::models::email_delivery::{NewEmailDelivery, was_sent};
use crate::db::models::email_preference;
use crate::db::models::event::TicketEvent;
use crate::db::models::message::TicketMessage;
use crate::db::models::ticket::Ticket;
use crate::db::models::user::User;
use crate::db::models::verification;
use crate::db::models::webhook::WebhookEndpoint;
use crate::domain::roles::Role;
use crate::mail::Outgoing;
use crate::mail::notification::Notification;
use crate::services::guest_access;

mod letters;

use letters::{
    FOOTER, assigned, created, merged, requester_assigned, requester_replied, resolved,
    sla_deadline, staff_replied, status_update, unassigned_alert,
    webhook_disabled as webhook_disabled_letter,
};

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    async_graphql::Enum,
    strum::Display,
    strum::EnumString,
    strum::EnumIter,
)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[strum(serialize_all = "SCREAMING_SNAKE_CASE")]
#[graphql(name = "NotificationKind")]
pub enum EmailKind {
    /// Receipt to the requester when a ticket is filed.
    TicketCreated,
    /// To a moderator or admin when a ticket is assigned to them.
    TicketAssigned,
    /// To the requester when their ticket is resolved.
    TicketResolved,
    /// To the requester when staff post a public reply.
    StaffReplied,
    /// To the assignee when the requester replies.
    RequesterReplied,
    /// To a new account's address, with the link that proves it is theirs.
    VerifyEmail,
    /// To the assignee (or every admin) when an SLA target is close.
    SlaWarning,
    /// To the assignee (or every admin) when an SLA target passed.
    SlaBreached,
    /// To the requester when an agent takes their ticket.
    RequesterAssigned,
    /// To the requester when their ticket waits for them, is closed or is cancelled.
    StatusUpdate,
    /// To skilled staff (or the admins) when a ticket stays unassigned.
    UnassignedAlert,
    /// To the admins when a webhook endpoint was disabled after failing too often.
    WebhookDisabled,
}

impl EmailKind {
    /// Every notification can be switched off except the one that proves an address.
    pub fn can_be_switched_off(self) -> bool {
        self != EmailKind::VerifyEmail
    }
}

/// The payload of a `send_email` job (written by the database triggers and by sign-up).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct EmailJob {
    pub kind: EmailKind,
    #[serde(default)]
    pub ticket_id: Option<Uuid>,
    #[serde(default)]
    pub event_id: Option<i64>,
    #[serde(default)]
    pub message_id: Option<Uuid>,
    #[serde(default)]
    pub user_id: Option<Uuid>,
    #[serde(default)]
    pub endpoint_id: Option<Uuid>,
    pub message_key: String,
}

impl EmailJob {
    /// The requester's receipt for a filed ticket, as `enqueue_ticket_jobs` queues it.
    pub fn receipt(ticket_id: Uuid) -> Self {
        Self {
            kind: EmailKind::TicketCreated,
            ticket_id: Some(ticket_id),
            event_id: None,
            message_id: None,
            user_id: None,
            endpoint_id: None,
            message_key: format!("created.{ticket_id}"),
        }
    }
}

/// How long an email verification link works.
pub const VERIFICATION_TTL: TimeDelta = TimeDelta::days(3);

struct Letter {
    to_name: String,
    to_email: String,
    ticket_id: Option<Uuid>,
    notification: Notification,
}

pub async fn send(state: &AppState, job: &EmailJob) -> anyhow::Result<()> {
    let mailer = &state.pipeline.mailer;
    let message_id = mailer.message_id(&job.message_key);
    let mut conn = state.pool.get().await?;
    if was_sent(&mut conn, &message_id).await? {
        return Ok(());
    }
    let Some(letter) = compose(&mut conn, state, job).await? else {
        return Ok(());
    };
    let kind = job.kind.to_string();
    let optional = job.kind.can_be_switched_off();
    if optional && !email_preference::enabled(&mut conn, &letter.to_email, &kind).await? {
        return Ok(());
    }
    drop(conn);
    let unsubscribe = optional
        .then(|| state.jwt.issue_unsubscribe(&letter.to_email, &kind))
        .transpose()?
        .map(|token| format!("{}/unsubscribe/{token}", mailer.public_url));
    let to = Mailbox::new(Some(letter.to_name), letter.to_email.parse()?);
    let notification = &letter.notification;
    let (text, html) = notification.render()?;
    mailer
        .send(Outgoing {
            message_id: message_id.clone(),
            to,
            subject: notification.subject.clone(),
            text,
            html,
            unsubscribe,
            ticket_number: letter
                .ticket_id
                .is_some()
                .then(|| notification.number.clone())
                .filter(|number| !number.is_empty()),
        })
        .await?;
    let mut conn = state.pool.get().await?;
    NewEmailDelivery {
        message_id: &message_id,
        kind: &job.kind.to_string(),
        ticket_id: letter.ticket_id,
        recipient: &letter.to_email,
        subject: &notification.subject,
        transport: mailer.transport_name(),
    }
    .insert(&mut conn)
    .await?;
    Ok(())
}

/// Who gets what; `None` when there is nobody to tell any more (ticket trashed, assignee
/// deactivated, note turned out internal).
async fn compose(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    job: &EmailJob,
) -> anyhow::Result<Option<Letter>> {
    let public_url = state.pipeline.mailer.public_url.as_str();
    match job.kind {
        EmailKind::VerifyEmail => return verification(conn, public_url, job.user_id).await,
        EmailKind::WebhookDisabled => return webhook_disabled(conn, public_url, job).await,
        _ => {}
    }
    let Some(ticket_id) = job.ticket_id else {
        return Ok(None);
    };
    let Some(ticket) = Ticket::find_live(conn, ticket_id).await? else {
        return Ok(None);
    };
    let to_requester = |notification| {
        Some(Letter {
            to_name: ticket.requester_name.clone(),
            to_email: ticket.requester_email.clone(),
            ticket_id: Some(ticket.id),
            notification,
        })
    };
    let letter = match job.kind {
        EmailKind::TicketCreated => {
            let link = requester_link(conn, public_url, &ticket).await?;
            to_requester(created(&ticket, link))
        }
        EmailKind::TicketResolved => {
            let link = requester_link(conn, public_url, &ticket).await?;
            let ratings = rating_links(state, &ticket)?;
            to_requester(Notification {
                ratings,
                ..resolved(&ticket, link)
            })
        }
        EmailKind::RequesterAssigned => {
            let link = requester_link(conn, public_url, &ticket).await?;
            to_requester(requester_assigned(&ticket, link))
        }
        EmailKind::StatusUpdate => {
            let status = match job.event_id {
                Some(id) => TicketEvent::find_routed(conn, id)
                    .await?
                    .and_then(|routed| routed.event.to_value),
                None => None,
            };
            let merged_into = match ticket.merged_into_id {
                Some(id) => Ticket::find_live(conn, id).await?.map(|t| t.number),
                None => None,
            };
            match (status, merged_into) {
                (Some(_), Some(into)) => {
                    let link = requester_link(conn, public_url, &ticket).await?;
                    to_requester(merged(&ticket, &into, link))
                }
                (Some(status), None) => {
                    let link = requester_link(conn, public_url, &ticket).await?;
                    to_requester(status_update(&ticket, &status, link))
                }
                (None, _) => None,
            }
        }
        EmailKind::StaffReplied => match public_message(conn, job.message_id).await? {
            Some(message) => {
                let link = requester_link(conn, public_url, &ticket).await?;
                to_requester(staff_replied(&ticket, &message, link))
            }
            None => None,
        },
        EmailKind::RequesterReplied => {
            let message = public_message(conn, job.message_id).await?;
            let assignee = match ticket.assignee_id {
                Some(id) => User::find(conn, id).await?.filter(|u| u.active),
                None => None,
            };
            match (message, assignee) {
                (Some(message), Some(assignee)) => Some(Letter {
                    to_name: assignee.name,
                    to_email: assignee.email,
                    ticket_id: Some(ticket.id),
                    notification: requester_replied(&ticket, &message, public_url),
                }),
                _ => None,
            }
        }
        EmailKind::TicketAssigned => {
            let assignee = match job.event_id {
                Some(event_id) => assignee_of(conn, event_id).await?,
                None => None,
            };
            assignee.filter(|user| user.active).map(|assignee| Letter {
                to_name: assignee.name,
                to_email: assignee.email,
                ticket_id: Some(ticket.id),
                notification: assigned(&ticket, public_url),
            })
        }
        EmailKind::UnassignedAlert => {
            let staff = match job.user_id {
                Some(id) => User::find(conn, id)
                    .await?
                    .filter(|u| u.active && u.role.is_staff()),
                None => None,
            };
            staff
                .filter(|_| ticket.assignee_id.is_none())
                .map(|user| Letter {
                    to_name: user.name,
                    to_email: user.email,
                    ticket_id: Some(ticket.id),
                    notification: unassigned_alert(&ticket, public_url),
                })
        }
        EmailKind::SlaWarning | EmailKind::SlaBreached => {
            let staff = match job.user_id {
                Some(id) => User::find(conn, id)
                    .await?
                    .filter(|u| u.active && u.role.is_staff()),
                None => None,
            };
            let event = match job.event_id {
                Some(id) => TicketEvent::find_routed(conn, id).await?.map(|r| r.event),
                None => None,
            };
            staff.zip(event).map(|(user, event)| Letter {
                to_name: user.name,
                to_email: user.email,
                ticket_id: Some(ticket.id),
                notification: sla_deadline(&ticket, &event, public_url),
            })
        }
        EmailKind::VerifyEmail | EmailKind::WebhookDisabled => None,
    };
    Ok(letter)
}

/// Internal notes never leave the building, whatever queued the job.
async fn public_message(
    conn: &mut AsyncPgConnection,
    message_id: Option<Uuid>,
) -> anyhow::Result<Option<TicketMessage>> {
    let Some(id) = message_id else {
        return Ok(None);
    };
    Ok(TicketMessage::find(conn, id).await?.filter(|m| !m.internal))
}

/// Account holders follow the portal link; a guest gets a fresh tracking link of their own.
async fn requester_link(
    conn: &mut AsyncPgConnection,
    public_url: &str,
    ticket: &Ticket,
) -> anyhow::Result<String> {
    Ok(match ticket.requester_id {
        Some(_) => format!("{public_url}/tickets/{}", ticket.number),
        None => {
            let token = guest_access::issue(conn, ticket.id).await?;
            format!("{public_url}/track/{token}")
        }
    })
}

async fn verification(
    conn: &mut AsyncPgConnection,
    public_url: &str,
    user_id: Option<Uuid>,
) -> anyhow::Result<Option<Letter>> {
    let Some(user) = (match user_id {
        Some(id) => User::find(conn, id).await?,
        None => None,
    }) else {
        return Ok(None);
    };
    if user.email_verified_at.is_some() {
        return Ok(None);
    }
    let token = refresh::generate();
    let expires_at = Utc::now() + VERIFICATION_TTL;
    verification::insert(
        conn,
        &refresh::digest(&token),
        user.id,
        &user.email,
        expires_at,
    )
    .await?;
    Ok(Some(Letter {
        to_name: user.name.clone(),
        to_email: user.email.clone(),
        ticket_id: None,
        notification: Notification {
            subject: "Confirm your email address".into(),
            headline: "Confirm your email address".into(),
            intro: format!(
                "Hi {}, please confirm that this address is yours. Requests you filed as a \
                 guest with it will then appear in your account. The link works for {} days.",
                user.name,
                VERIFICATION_TTL.num_days()
            ),
            number: String::new(),
            title: String::new(),
            message: None,
            summary: None,
            notes: Vec::new(),
            link_label: "Confirm my address",
            link: format!("{public_url}/verify-email/{token}"),
            ratings: Vec::new(),
            footer: FOOTER,
        },
    }))
}

async fn webhook_disabled(
    conn: &mut AsyncPgConnection,
    public_url: &str,
    job: &EmailJob,
) -> anyhow::Result<Option<Letter>> {
    let admin = match job.user_id {
        Some(id) => User::find(conn, id)
            .await?
            .filter(|u| u.active && u.role == Role::Admin),
        None => None,
    };
    let endpoint = match job.endpoint_id {
        Some(id) => WebhookEndpoint::find(conn, id).await?,
        None => None,
    };
    Ok(admin.zip(endpoint).map(|(admin, endpoint)| Letter {
        to_name: admin.name,
        to_email: admin.email,
        ticket_id: None,
        notification: webhook_disabled_letter(&endpoint, public_url),
    }))
}

async fn assignee_of(conn: &mut AsyncPgConnection, event_id: i64) -> anyhow::Result<Option<User>> {
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

/// One signed one-click link per score for the ticket's current resolution (none when the
/// ticket was reopened before the email went out).
fn rating_links(state: &AppState, ticket: &Ticket) -> anyhow::Result<Vec<String>> {
    let Some(resolved_at) = ticket.resolved_at else {
        return Ok(Vec::new());
    };
    let token = state.jwt.issue_rating(ticket.id, resolved_at)?;
    let base = &state.pipeline.mailer.public_url;
    Ok((1..=5)
        .map(|score| format!("{base}/rate/{token}?score={score}"))
        .collect())
}
