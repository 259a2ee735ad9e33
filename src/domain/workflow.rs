//! The ticket status workflow: the one table of allowed transitions.

use crate::domain::ticket::TicketStatus::{self, *};
use crate::domain::{DomainError, DomainResult};

/// Where a ticket may go from each status. CLOSED and CANCELLED are terminal.
pub fn allowed_transitions(from: TicketStatus) -> &'static [TicketStatus] {
    match from {
        Todo => &[InProgress, WaitingForCustomer, OnHold, Resolved, Cancelled],
        InProgress => &[WaitingForCustomer, OnHold, Resolved, Cancelled],
        WaitingForCustomer => &[InProgress, OnHold, Resolved, Cancelled],
        OnHold => &[InProgress, WaitingForCustomer, Cancelled],
        Resolved => &[Closed, InProgress],
        Closed | Cancelled => &[],
    }
}

pub fn ensure_transition(from: TicketStatus, to: TicketStatus) -> DomainResult<()> {
    let allowed = allowed_transitions(from);
    if allowed.contains(&to) {
        Ok(())
    } else {
        Err(DomainError::InvalidTransition {
            from,
            to,
            allowed: allowed.to_vec(),
        })
    }
}

/// Timestamps a transition sets or clears.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimestampChange {
    Keep,
    SetNow,
    Clear,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TransitionEffects {
    pub resolved_at: TimestampChange,
    pub closed_at: TimestampChange,
}

pub fn transition_effects(from: TicketStatus, to: TicketStatus) -> TransitionEffects {
    let resolved_at = match (from, to) {
        (_, Resolved) => TimestampChange::SetNow,
        (Resolved, InProgress) => TimestampChange::Clear,
        _ => TimestampChange::Keep,
    };
    let closed_at = if to == Closed {
        TimestampChange::SetNow
    } else {
        TimestampChange::Keep
    };
    TransitionEffects {
        resolved_at,
        closed_at,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: [TicketStatus; 7] = [
        Todo,
        InProgress,
        WaitingForCustomer,
        OnHold,
        Resolved,
        Closed,
        Cancelled,
    ];

    #[test]
    fn terminal_states_allow_nothing() {
        for to in ALL {
            assert!(ensure_transition(Closed, to).is_err());
            assert!(ensure_transition(Cancelled, to).is_err());
        }
    }

    #[test]
    fn no_status_transitions_to_itself() {
        for status in ALL {
            assert!(ensure_transition(status, status).is_err(), "{status}");
        }
    }

    #[test]
    fn forbidden_transition_names_allowed_targets() {
        let err = ensure_transition(OnHold, Resolved).expect_err("forbidden");
        match err {
            DomainError::InvalidTransition { from, to, allowed } => {
                assert_eq!((from, to), (OnHold, Resolved));
                assert_eq!(allowed, vec![InProgress, WaitingForCustomer, Cancelled]);
            }
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn reopening_clears_resolved_at() {
        let effects = transition_effects(Resolved, InProgress);
        assert_eq!(effects.resolved_at, TimestampChange::Clear);
        assert_eq!(
            transition_effects(Resolved, Closed).closed_at,
            TimestampChange::SetNow
        );
        assert_eq!(
            transition_effects(Todo, Resolved).resolved_at,
            TimestampChange::SetNow
        );
    }
}
