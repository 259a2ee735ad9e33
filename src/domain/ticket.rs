//! The vocabulary of a ticket.

use async_graphql::Enum;

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
pub enum TicketStatus {
    Todo,
    InProgress,
    WaitingForCustomer,
    OnHold,
    Resolved,
    Closed,
    Cancelled,
}

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Default,
    Enum,
    strum::Display,
    strum::EnumString,
    diesel::AsExpression,
    diesel::FromSqlRow,
    serde::Serialize,
    serde::Deserialize,
)]
#[diesel(sql_type = diesel::sql_types::Text)]
#[strum(serialize_all = "SCREAMING_SNAKE_CASE")]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum TicketPriority {
    Low,
    #[default]
    Medium,
    High,
    Urgent,
}

/// Where a ticket came from.
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
pub enum TicketSource {
    Portal,
    Guest,
    AiAssistant,
    Staff,
    Email,
    Api,
}

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
pub enum TicketEventKind {
    Created,
    StatusChanged,
    Assigned,
    Unassigned,
    PriorityChanged,
    /// Title, category or helpful notes were edited (`toValue` lists the fields, comma-separated).
    Updated,
    Deleted,
    Restored,
    /// The triage step filled in its analysis (`toValue` names the provider).
    Triaged,
    /// A message was added to the thread (`toValue` is its id); internal notes' events are
    /// shown to staff only.
    MessageAdded,
    /// The requester rated the resolution (`toValue` is the score, `fromValue` the one it
    /// replaced).
    Rated,
    /// An SLA target is close (`toValue` names the metric, `fromValue` the deadline);
    /// staff only.
    SlaWarning,
    /// An SLA target passed unmet (`toValue` names the metric, `fromValue` the deadline);
    /// staff only.
    SlaBreached,
    /// Staff changed the tags (`fromValue` and `toValue` list them, comma-separated);
    /// staff only.
    Tagged,
    /// A merge: on the merged ticket `toValue` is the number it went into; on the ticket it
    /// went into `fromValue` is the merged one's number.
    Merged,
}

impl TicketStatus {
    /// The statuses that end a ticket's work (a RESOLVED ticket can only be reopened).
    pub const DONE: [TicketStatus; 3] = [
        TicketStatus::Resolved,
        TicketStatus::Closed,
        TicketStatus::Cancelled,
    ];

    /// Still needs work: not resolved, closed or cancelled.
    pub fn is_open(self) -> bool {
        !Self::DONE.contains(&self)
    }
}

/// Who set a ticket's priority last; triage may raise a requester's choice but never lower
/// it, and never touches a priority staff chose.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Default,
    Enum,
    strum::Display,
    strum::EnumString,
    diesel::AsExpression,
    diesel::FromSqlRow,
)]
#[diesel(sql_type = diesel::sql_types::Text)]
#[strum(serialize_all = "SCREAMING_SNAKE_CASE")]
pub enum PrioritySource {
    #[default]
    Default,
    Requester,
    Staff,
    Triage,
}

/// `TKT-2026-0042`: the year and a per-year counter, padded to four digits and growing past 9999.
pub fn format_ticket_number(year: i32, sequence: i32) -> String {
    format!("TKT-{year}-{sequence:04}")
}

pub fn is_ticket_number(candidate: &str) -> bool {
    let mut parts = candidate.splitn(3, '-');
    matches!(
        (parts.next(), parts.next(), parts.next()),
        (Some("TKT"), Some(year), Some(seq))
            if year.len() == 4
                && year.bytes().all(|b| b.is_ascii_digit())
                && seq.len() >= 4
                && seq.bytes().all(|b| b.is_ascii_digit())
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_padded_and_grow_past_four_digits() {
        assert_eq!(format_ticket_number(2026, 42), "TKT-2026-0042");
        assert_eq!(format_ticket_number(2026, 12345), "TKT-2026-12345");
    }

    #[test]
    fn recognises_ticket_numbers() {
        assert!(is_ticket_number("TKT-2026-0042"));
        assert!(is_ticket_number("TKT-2026-12345"));
        assert!(!is_ticket_number("TKT-26-0042"));
        assert!(!is_ticket_number("TKT-2026-42"));
        assert!(!is_ticket_number("tkt-2026-0042x"));
    }
}
