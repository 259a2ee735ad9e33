//! Which live events a subscriber may receive.

use uuid::Uuid;

use crate::auth::Principal;
use crate::db::models::event::RoutedEvent;
use crate::domain::ticket::TicketEventKind;

#[derive(Debug, Clone, Copy)]
pub enum EventFilter {
    /// Every event the viewer may see, optionally of one ticket.
    Tickets { ticket_id: Option<Uuid> },
    /// Tickets assigned to, or taken from, one staff member.
    Assignments { user_id: Uuid },
}

impl EventFilter {
    pub fn ticket_id(&self) -> Option<Uuid> {
        match self {
            EventFilter::Tickets { ticket_id } => *ticket_id,
            EventFilter::Assignments { .. } => None,
        }
    }

    /// `viewer` is the subscriber as of now: a demoted or deactivated subscriber stops
    /// receiving what they may no longer see.
    pub fn admits(&self, viewer: &Principal, routed: &RoutedEvent) -> bool {
        let event = &routed.event;
        match self {
            EventFilter::Tickets { ticket_id } => {
                if ticket_id.is_some_and(|id| id != event.ticket_id) {
                    return false;
                }
                viewer.role.is_staff()
                    || (routed.requester_id == Some(viewer.user_id)
                        && !routed.ticket_deleted
                        && !event.internal
                        && !matches!(
                            event.kind,
                            TicketEventKind::Deleted | TicketEventKind::Restored
                        ))
            }
            EventFilter::Assignments { user_id } => {
                let me = user_id.to_string();
                let about_me = match event.kind {
                    TicketEventKind::Assigned | TicketEventKind::Unassigned => {
                        event.to_value.as_deref() == Some(me.as_str())
                            || event.from_value.as_deref() == Some(me.as_str())
                    }
                    // The clock of a ticket that is theirs.
                    TicketEventKind::SlaWarning | TicketEventKind::SlaBreached => {
                        routed.assignee_id == Some(*user_id) && !routed.ticket_deleted
                    }
                    _ => false,
                };
                viewer.role.is_staff() && about_me
            }
        }
    }
}
