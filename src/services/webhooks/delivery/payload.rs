//! The JSON a receiver gets, Standard Webhooks style: `{type, timestamp, data}`. `data` has
//! the event, the ticket as it is when the delivery is first sent, and per type what changed:
//! `changedFields`, the `message`, the `rating` or the `sla` target.

use diesel_async::AsyncPgConnection;
use serde_json::{Value, json};

use crate::db::models::category::Category;
use crate::db::models::event::TicketEvent;
use crate::db::models::message::TicketMessage;
use crate::db::models::ticket::Ticket;
use crate::db::models::webhook::WebhookDelivery;
use crate::domain::ticket::TicketEventKind;

/// What triage writes (the UPDATED event lists edited fields itself).
const TRIAGED_FIELDS: [&str; 2] = ["summary", "relatedSkills"];

pub async fn build(
    conn: &mut AsyncPgConnection,
    delivery: &WebhookDelivery,
) -> anyhow::Result<Value> {
    let event = TicketEvent::find_routed(conn, delivery.event_id)
        .await?
        .map(|routed| routed.event)
        .ok_or_else(|| anyhow::anyhow!("event {} is gone", delivery.event_id))?;
    let ticket = Ticket::find(conn, delivery.ticket_id)
        .await?
        .ok_or_else(|| anyhow::anyhow!("ticket {} is gone", delivery.ticket_id))?;
    let category = Category::find_many(conn, &[ticket.category_id])
        .await?
        .pop()
        .map(|c| c.slug);
    let mut data = json!({
        "event": {
            "id": event.cursor().to_string(),
            "kind": event.kind.to_string(),
            "from": event.from_value,
            "to": event.to_value,
            "actorId": event.actor_id,
            "occurredAt": event.occurred_at,
        },
        "ticket": ticket_json(&ticket, category),
    });
    if let Some(Value::Object(extra)) = extra(conn, &event).await?
        && let Some(data) = data.as_object_mut()
    {
        data.extend(extra);
    }
    Ok(json!({
        "type": delivery.event_type,
        "timestamp": event.occurred_at,
        "data": data,
    }))
}

fn ticket_json(ticket: &Ticket, category: Option<String>) -> Value {
    json!({
        "id": ticket.id,
        "number": ticket.number,
        "title": ticket.title,
        "status": ticket.status.to_string(),
        "priority": ticket.priority.to_string(),
        "category": category,
        "source": ticket.source.to_string(),
        "requesterName": ticket.requester_name,
        "requesterEmail": ticket.requester_email,
        "assigneeId": ticket.assignee_id,
        "createdAt": ticket.created_at,
        "updatedAt": ticket.updated_at,
        "deleted": ticket.deleted_at.is_some(),
    })
}

async fn extra(conn: &mut AsyncPgConnection, event: &TicketEvent) -> anyhow::Result<Option<Value>> {
    Ok(match event.kind {
        TicketEventKind::Updated => {
            let fields: Vec<&str> = event
                .to_value
                .as_deref()
                .map(|list| list.split(',').filter(|f| !f.is_empty()).collect())
                .unwrap_or_default();
            Some(json!({ "changedFields": fields }))
        }
        TicketEventKind::PriorityChanged => Some(json!({ "changedFields": ["priority"] })),
        TicketEventKind::Tagged => {
            let tags: Vec<&str> = event
                .to_value
                .as_deref()
                .map(|list| list.split(',').filter(|t| !t.is_empty()).collect())
                .unwrap_or_default();
            Some(json!({ "changedFields": ["tags"], "tags": tags }))
        }
        TicketEventKind::Triaged => Some(json!({ "changedFields": TRIAGED_FIELDS })),
        TicketEventKind::Merged => Some(json!({ "merge": {
            "from": event.from_value,
            "into": event.to_value,
        }})),
        TicketEventKind::MessageAdded => {
            let message = match event.to_value.as_deref().and_then(|id| id.parse().ok()) {
                Some(id) => TicketMessage::find(conn, id).await?,
                None => None,
            };
            message.map(|m| {
                json!({ "message": {
                    "id": m.id,
                    "authorName": m.author_name,
                    "authorRole": m.author_role.to_string(),
                    "internal": m.internal,
                    "body": m.body,
                    "createdAt": m.created_at,
                }})
            })
        }
        TicketEventKind::Rated => Some(json!({ "rating": {
            "score": event.to_value.as_deref().and_then(|s| s.parse::<i32>().ok()),
            "previousScore": event.from_value.as_deref().and_then(|s| s.parse::<i32>().ok()),
        }})),
        TicketEventKind::SlaBreached => Some(json!({ "sla": {
            "metric": event.to_value,
            "deadline": event.from_value,
        }})),
        _ => None,
    })
}
