use async_graphql::{Context, ID, Object, SimpleObject};
use chrono::{DateTime, Utc};

use crate::db::models::event::TicketEvent;
use crate::domain::history::changes_of;
use crate::domain::ticket::{TicketEventKind, TicketStatus};
use crate::graphql::context::request_ctx;
use crate::graphql::error::GqlResult;
use crate::graphql::loaders::{Loaders, MessageId, TicketId, UserId};
use crate::graphql::types::thread::TicketMessageObject;
use crate::graphql::types::ticket::TicketObject;
use crate::graphql::types::user::UserObject;

#[derive(Clone)]
pub struct TicketEventObject(pub TicketEvent);

/// One field an event changed.
#[derive(SimpleObject)]
#[graphql(name = "FieldChange")]
pub struct FieldChangeObject {
    field: String,
    from: Option<String>,
    to: Option<String>,
}

impl TicketEventObject {
    fn status(&self, value: Option<&String>) -> Option<TicketStatus> {
        match self.0.kind {
            TicketEventKind::Created | TicketEventKind::StatusChanged => {
                value.and_then(|v| v.parse().ok())
            }
            _ => None,
        }
    }
}

#[Object(name = "TicketEvent")]
impl TicketEventObject {
    /// The event's position in commit order: ids only grow, in the order events became
    /// visible. Pass the last one seen as `after` to resume a subscription.
    async fn id(&self) -> ID {
        ID(self.0.cursor().to_string())
    }

    async fn kind(&self) -> TicketEventKind {
        self.0.kind
    }

    /// The ticket as it is now (null once it is in the trash).
    async fn ticket(&self, ctx: &Context<'_>) -> GqlResult<Option<TicketObject>> {
        Ok(ctx
            .data::<Loaders>()?
            .load_one(TicketId(self.0.ticket_id))
            .await?
            .map(TicketObject))
    }

    async fn from_status(&self) -> Option<TicketStatus> {
        self.status(self.0.from_value.as_ref())
    }

    async fn to_status(&self) -> Option<TicketStatus> {
        self.status(self.0.to_value.as_ref())
    }

    /// Previous value of what changed (status, priority or assignee id).
    async fn from_value(&self) -> Option<&str> {
        self.0.from_value.as_deref()
    }

    /// New value of what changed.
    async fn to_value(&self) -> Option<&str> {
        self.0.to_value.as_deref()
    }

    /// What the event changed, field by field: `status`, `priority`, `assignee` (user ids),
    /// `title`, `category` (slugs), and for staff `helpfulNotes`, `relatedSkills` and `tags`.
    /// Empty for events that change no field.
    async fn changes(&self, ctx: &Context<'_>) -> Vec<FieldChangeObject> {
        let staff = request_ctx(ctx).is_ok_and(|request| request.viewer.is_staff());
        changes_of(
            self.0.kind,
            self.0.from_value.as_deref(),
            self.0.to_value.as_deref(),
            self.0.changes.as_ref(),
        )
        .into_iter()
        .filter(|change| staff || !change.is_staff_only())
        .map(|change| FieldChangeObject {
            field: change.field,
            from: change.from,
            to: change.to,
        })
        .collect()
    }

    /// For MESSAGE_ADDED: the message (internal notes' events reach staff only).
    async fn message(&self, ctx: &Context<'_>) -> GqlResult<Option<TicketMessageObject>> {
        if self.0.kind != TicketEventKind::MessageAdded {
            return Ok(None);
        }
        let Some(id) = self.0.to_value.as_deref().and_then(|v| v.parse().ok()) else {
            return Ok(None);
        };
        Ok(ctx
            .data::<Loaders>()?
            .load_one(MessageId(id))
            .await?
            .map(TicketMessageObject))
    }

    async fn actor(&self, ctx: &Context<'_>) -> GqlResult<Option<UserObject>> {
        match self.0.actor_id {
            Some(id) => Ok(ctx
                .data::<Loaders>()?
                .load_one(UserId(id))
                .await?
                .map(UserObject::new)),
            None => Ok(None),
        }
    }

    async fn occurred_at(&self) -> DateTime<Utc> {
        self.0.occurred_at
    }
}
