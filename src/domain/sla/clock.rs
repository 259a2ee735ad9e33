//! One SLA clock (first response or resolution) as a small state machine: it runs, pauses
//! (keeping the business time already used) and stops; its deadlines follow from the time used,
//! the instant it last started running and its calendar.

use chrono::{DateTime, SubsecRound, Utc};

use crate::domain::sla::calendar::SlaCalendar;
use crate::domain::ticket::TicketStatus;

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, async_graphql::Enum, strum::Display, strum::EnumString,
)]
#[strum(serialize_all = "SCREAMING_SNAKE_CASE")]
pub enum SlaMetric {
    FirstResponse,
    Resolution,
}

/// Where a ticket stands against its SLA targets.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, async_graphql::Enum, strum::Display, strum::EnumString,
)]
#[strum(serialize_all = "SCREAMING_SNAKE_CASE")]
pub enum SlaState {
    /// A target passed unmet (a breach stays recorded after the ticket moves on).
    Breached,
    /// A running target is past its warning point.
    AtRisk,
    /// Every target is met or still comfortably ahead.
    OnTrack,
}

/// What the ticket says a clock should be doing now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClockMode {
    Running,
    Paused,
    Stopped(DateTime<Utc>),
}

/// The statuses that wait on someone other than the support team.
pub fn is_paused_status(status: TicketStatus) -> bool {
    matches!(
        status,
        TicketStatus::WaitingForCustomer | TicketStatus::OnHold
    )
}

/// The facts about a ticket that drive its clocks.
#[derive(Debug, Clone, Copy)]
pub struct TicketFacts {
    pub status: TicketStatus,
    pub first_response_at: Option<DateTime<Utc>>,
    pub resolved_at: Option<DateTime<Utc>>,
    pub closed_at: Option<DateTime<Utc>>,
    pub updated_at: DateTime<Utc>,
}

impl TicketFacts {
    /// The first public staff reply stops the first-response clock; a ticket that ends without
    /// one stops it too. RESOLVED (or CLOSED, CANCELLED) stops the resolution clock and a
    /// reopen starts it again.
    pub fn mode(&self, metric: SlaMetric) -> ClockMode {
        let ended = match self.status {
            TicketStatus::Resolved => Some(self.resolved_at.unwrap_or(self.updated_at)),
            TicketStatus::Closed => Some(self.closed_at.unwrap_or(self.updated_at)),
            TicketStatus::Cancelled => Some(self.updated_at),
            _ => None,
        };
        let stopped_at = match metric {
            SlaMetric::FirstResponse => self.first_response_at.or(ended),
            SlaMetric::Resolution => ended,
        };
        match stopped_at {
            Some(at) => ClockMode::Stopped(at),
            None if is_paused_status(self.status) => ClockMode::Paused,
            None => ClockMode::Running,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Clock {
    /// `None` when no policy applies: the clock then only measures business time for reports.
    pub target_minutes: Option<i32>,
    /// Business seconds used before `running_since` (or before the pause or stop).
    pub consumed_secs: i64,
    pub running_since: Option<DateTime<Utc>>,
    pub stopped_at: Option<DateTime<Utc>>,
    pub warned_at: Option<DateTime<Utc>>,
    pub breached_at: Option<DateTime<Utc>>,
}

/// A clock's deadlines while it runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Deadlines {
    pub warn_at: Option<DateTime<Utc>>,
    pub due_at: Option<DateTime<Utc>>,
}

impl Clock {
    /// A clock started at `started_at` (the ticket's creation).
    pub fn started(target_minutes: Option<i32>, started_at: DateTime<Utc>) -> Clock {
        Clock {
            target_minutes,
            consumed_secs: 0,
            running_since: Some(started_at),
            stopped_at: None,
            warned_at: None,
            breached_at: None,
        }
    }

    /// Moves the clock to `mode` at `now`, banking the business time it ran.
    pub fn apply(&mut self, mode: ClockMode, now: DateTime<Utc>, calendar: &SlaCalendar) {
        match mode {
            ClockMode::Running => {
                self.stopped_at = None;
                if self.running_since.is_none() {
                    self.running_since = Some(now);
                }
            }
            ClockMode::Paused => {
                self.bank(now, calendar);
                self.stopped_at = None;
            }
            ClockMode::Stopped(at) => {
                if self.stopped_at.is_none() {
                    self.bank(at.max(self.running_since.unwrap_or(at)), calendar);
                    self.stopped_at = Some(at);
                }
            }
        }
    }

    fn bank(&mut self, until: DateTime<Utc>, calendar: &SlaCalendar) {
        if let Some(since) = self.running_since.take() {
            self.consumed_secs += calendar.elapsed(since, until);
        }
    }

    pub fn is_running(&self) -> bool {
        self.running_since.is_some()
    }

    /// Business seconds used by `now`.
    pub fn used_secs(&self, now: DateTime<Utc>, calendar: &SlaCalendar) -> i64 {
        self.consumed_secs
            + self
                .running_since
                .map_or(0, |since| calendar.elapsed(since, now))
    }

    /// When the warning (at `warn_percent` of the target) and the breach fall due, if the clock
    /// runs and has a target; whole seconds, so the instants survive storage and job payloads
    /// unchanged.
    pub fn deadlines(&self, warn_percent: u8, calendar: &SlaCalendar) -> Deadlines {
        let (Some(target), Some(since)) = (self.target_minutes, self.running_since) else {
            return Deadlines::default();
        };
        let target_secs = i64::from(target) * 60;
        let warn_secs = target_secs * i64::from(warn_percent.min(100)) / 100;
        let at = |secs: i64| {
            calendar
                .add(since, (secs - self.consumed_secs).max(0))
                .map(|instant| instant.trunc_subsecs(0))
        };
        Deadlines {
            warn_at: at(warn_secs),
            due_at: at(target_secs),
        }
    }

    /// Business minutes left before the target (negative once it has passed).
    pub fn minutes_left(&self, now: DateTime<Utc>, calendar: &SlaCalendar) -> Option<i64> {
        let target = self.target_minutes?;
        if self.stopped_at.is_some() {
            return None;
        }
        let left_secs = i64::from(target) * 60 - self.used_secs(now, calendar);
        Some(left_secs.div_euclid(60))
    }
}
