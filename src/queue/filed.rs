//! The payload of the jobs a filing queues per chunk of tickets (triage, the duplicate
//! search, the unassigned alert): one ticket, or a chunk of them when a batch was filed at once.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// Most tickets one job of a filed batch carries; the filing trigger uses the same number
/// (`enqueue_ticket_jobs`). Small enough that a flood's chunks still spread over the workers.
pub const FILED_CHUNK: usize = 8;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum FiledTickets {
    One { ticket_id: Uuid },
    Chunk { ticket_ids: Vec<Uuid> },
}

impl FiledTickets {
    /// The payload for these tickets: the single form for one.
    pub fn of(ids: &[Uuid]) -> Self {
        match ids {
            [id] => Self::One { ticket_id: *id },
            _ => Self::Chunk {
                ticket_ids: ids.to_vec(),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_both_forms_the_trigger_writes() {
        let id = Uuid::from_u128(7);
        let one: FiledTickets =
            serde_json::from_value(serde_json::json!({ "ticket_id": id })).expect("one");
        assert_eq!(one, FiledTickets::of(&[id]));
        let ids = [Uuid::from_u128(1), Uuid::from_u128(2)];
        let chunk: FiledTickets =
            serde_json::from_value(serde_json::json!({ "ticket_ids": ids })).expect("chunk");
        assert_eq!(chunk, FiledTickets::of(&ids));
        assert!(serde_json::from_value::<FiledTickets>(serde_json::json!({})).is_err());
    }
}
