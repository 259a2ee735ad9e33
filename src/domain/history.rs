//! What a ticket event changed, field by field, as the ticket's history shows it.

use serde::{Deserialize, Serialize};

use crate::domain::ticket::TicketEventKind;

/// One field an edit changed (values as text; lists joined with ", ").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldChange {
    pub field: String,
    pub from: Option<String>,
    pub to: Option<String>,
}

impl FieldChange {
    pub fn new(field: &str, from: Option<String>, to: Option<String>) -> Self {
        Self {
            field: field.to_owned(),
            from,
            to,
        }
    }

    /// Fields only staff read on a ticket, so only staff read their history.
    pub fn is_staff_only(&self) -> bool {
        matches!(
            self.field.as_str(),
            "helpfulNotes" | "relatedSkills" | "tags"
        )
    }
}

/// The changes an event records: UPDATED events store theirs; the other kinds that change a
/// field carry it in `fromValue` and `toValue`.
pub fn changes_of(
    kind: TicketEventKind,
    from: Option<&str>,
    to: Option<&str>,
    stored: Option<&serde_json::Value>,
) -> Vec<FieldChange> {
    let field = match kind {
        TicketEventKind::Updated => {
            return stored
                .and_then(|value| serde_json::from_value(value.clone()).ok())
                .unwrap_or_default();
        }
        TicketEventKind::StatusChanged => "status",
        TicketEventKind::PriorityChanged => "priority",
        TicketEventKind::Assigned | TicketEventKind::Unassigned => "assignee",
        TicketEventKind::Tagged => "tags",
        _ => return Vec::new(),
    };
    let list = |value: Option<&str>| {
        value.map(|v| {
            if kind == TicketEventKind::Tagged {
                v.split(',').collect::<Vec<_>>().join(", ")
            } else {
                v.to_owned()
            }
        })
    };
    vec![FieldChange::new(field, list(from), list(to))]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_that_edits_a_field_names_it() {
        let status = changes_of(
            TicketEventKind::StatusChanged,
            Some("TODO"),
            Some("IN_PROGRESS"),
            None,
        );
        assert_eq!(
            status,
            vec![FieldChange::new(
                "status",
                Some("TODO".into()),
                Some("IN_PROGRESS".into())
            )]
        );
        let tags = changes_of(TicketEventKind::Tagged, Some("a,b"), Some("b"), None);
        assert_eq!(tags[0].from.as_deref(), Some("a, b"));
        assert!(tags[0].is_staff_only());
        let stored = serde_json::json!([{ "field": "title", "from": "Old", "to": "New" }]);
        let updated = changes_of(TicketEventKind::Updated, None, Some("title"), Some(&stored));
        assert_eq!(
            updated,
            vec![FieldChange::new(
                "title",
                Some("Old".into()),
                Some("New".into())
            )]
        );
        assert!(changes_of(TicketEventKind::Created, None, Some("TODO"), None).is_empty());
    }
}
