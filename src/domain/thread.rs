//! The conversation rules: who may write what on a ticket's thread, and what a reply does to
//! the ticket (status automation as in Zendesk's default triggers).

use async_graphql::Enum;

use crate::domain::ticket::TicketStatus;
use crate::domain::workflow::ensure_transition;
use crate::domain::{DomainError, DomainResult};

pub const BODY_CHARS: (usize, usize) = (1, 20_000);

/// Which side of the conversation wrote a message.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Enum,
    strum::Display,
    strum::EnumString,
    diesel::AsExpression,
    diesel::FromSqlRow,
)]
#[diesel(sql_type = diesel::sql_types::Text)]
#[strum(serialize_all = "SCREAMING_SNAKE_CASE")]
#[graphql(name = "MessageAuthorRole")]
pub enum AuthorRole {
    /// The person the ticket is for (signed in, or a guest with a tracking link).
    Requester,
    /// A moderator or admin.
    Staff,
}

#[derive(Debug, Clone, Copy)]
pub struct Reply {
    pub author: AuthorRole,
    pub internal: bool,
    /// Staff may move the ticket on in the same step (e.g. to WAITING_FOR_CUSTOMER).
    pub next_status: Option<TicketStatus>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ReplyEffects {
    /// The status the ticket moves to, if it changes.
    pub status: Option<TicketStatus>,
    /// This is the first public staff reply: the ticket's `firstResponseAt` is set.
    pub first_response: bool,
}

/// Statuses a requester's reply brings back into work.
const REOPENED_BY_REQUESTER: [TicketStatus; 3] = [
    TicketStatus::WaitingForCustomer,
    TicketStatus::OnHold,
    TicketStatus::Resolved,
];

pub fn reply_effects(
    current: TicketStatus,
    responded_before: bool,
    reply: Reply,
) -> DomainResult<ReplyEffects> {
    if matches!(current, TicketStatus::Closed | TicketStatus::Cancelled) {
        return Err(DomainError::TicketClosed { status: current });
    }
    match reply.author {
        AuthorRole::Requester => {
            if reply.internal {
                return Err(DomainError::invalid(
                    "internal",
                    "only staff can write internal notes",
                ));
            }
            if reply.next_status.is_some() {
                return Err(DomainError::invalid(
                    "nextStatus",
                    "only staff can change the status",
                ));
            }
            Ok(ReplyEffects {
                status: REOPENED_BY_REQUESTER
                    .contains(&current)
                    .then_some(TicketStatus::InProgress),
                first_response: false,
            })
        }
        AuthorRole::Staff => {
            let status = reply.next_status.filter(|next| *next != current);
            if let Some(next) = status {
                ensure_transition(current, next)?;
            }
            Ok(ReplyEffects {
                status,
                first_response: !reply.internal && !responded_before,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use TicketStatus::*;

    fn requester() -> Reply {
        Reply {
            author: AuthorRole::Requester,
            internal: false,
            next_status: None,
        }
    }

    fn staff(internal: bool, next_status: Option<TicketStatus>) -> Reply {
        Reply {
            author: AuthorRole::Staff,
            internal,
            next_status,
        }
    }

    #[test]
    fn requester_replies_bring_waiting_held_and_resolved_tickets_back() {
        for status in [WaitingForCustomer, OnHold, Resolved] {
            let effects = reply_effects(status, true, requester()).expect("allowed");
            assert_eq!(effects.status, Some(InProgress), "{status}");
        }
        for status in [Todo, InProgress] {
            let effects = reply_effects(status, true, requester()).expect("allowed");
            assert_eq!(effects.status, None, "{status}");
        }
    }

    #[test]
    fn closed_and_cancelled_tickets_refuse_every_reply() {
        for status in [Closed, Cancelled] {
            for reply in [requester(), staff(false, None), staff(true, None)] {
                assert!(matches!(
                    reply_effects(status, false, reply),
                    Err(DomainError::TicketClosed { .. })
                ));
            }
        }
    }

    #[test]
    fn only_the_first_public_staff_reply_is_the_first_response() {
        assert!(
            reply_effects(Todo, false, staff(false, None))
                .expect("ok")
                .first_response
        );
        assert!(
            !reply_effects(Todo, false, staff(true, None))
                .expect("ok")
                .first_response
        );
        assert!(
            !reply_effects(Todo, true, staff(false, None))
                .expect("ok")
                .first_response
        );
        assert!(
            !reply_effects(Todo, false, requester())
                .expect("ok")
                .first_response
        );
    }

    #[test]
    fn staff_may_move_the_ticket_along_the_workflow_only() {
        let effects = reply_effects(InProgress, true, staff(false, Some(WaitingForCustomer)));
        assert_eq!(effects.expect("allowed").status, Some(WaitingForCustomer));
        assert!(matches!(
            reply_effects(OnHold, true, staff(false, Some(Resolved))),
            Err(DomainError::InvalidTransition { .. })
        ));
        let same = reply_effects(InProgress, true, staff(false, Some(InProgress))).expect("ok");
        assert_eq!(same.status, None);
    }

    #[test]
    fn requesters_cannot_write_notes_or_set_status() {
        let note = Reply {
            internal: true,
            ..requester()
        };
        assert!(matches!(
            reply_effects(Todo, false, note),
            Err(DomainError::InvalidInput { .. })
        ));
        let status = Reply {
            next_status: Some(Resolved),
            ..requester()
        };
        assert!(reply_effects(Todo, false, status).is_err());
    }
}
