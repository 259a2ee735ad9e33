//! Auto-assignment: who gets a new ticket. Moderators compete on skill overlap minus a
//! workload term; ties go to whoever was assigned longest ago; a moderator at the cap is
//! skipped. With no matching moderator the least-loaded admin takes it; with nobody, the
//! ticket stays unassigned.

use std::cmp::Ordering;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::domain::roles::Role;

#[derive(Debug, Clone)]
pub struct Candidate {
    pub user_id: Uuid,
    pub role: Role,
    /// Canonical skills (see `SynonymTable::canonical`).
    pub skills: Vec<String>,
    /// For a moderator, counted only up to the policy's cap, past which they are skipped.
    pub open_tickets: i64,
    pub last_assigned_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, Copy)]
pub struct AssignmentPolicy {
    /// A moderator with this many open tickets gets no more automatically.
    pub max_open_tickets: i64,
    /// Score lost per open ticket; one matched skill is worth 1.
    pub workload_weight: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, async_graphql::Enum)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum AssignmentRule {
    /// The moderator with the best skill overlap, net of workload.
    SkillMatch,
    /// No moderator matched: the least-loaded active admin.
    AdminFallback,
}

/// Why a ticket went to its assignee; stored with the ticket and shown to staff.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Decision {
    pub assignee_id: Uuid,
    pub rule: AssignmentRule,
    pub ticket_skills: Vec<String>,
    pub matched_skills: Vec<String>,
    pub score: f64,
    /// The assignee's open tickets before this one.
    pub open_tickets: i64,
    pub moderators_considered: usize,
}

pub fn choose(
    ticket_skills: &[String],
    candidates: &[Candidate],
    policy: AssignmentPolicy,
) -> Option<Decision> {
    let moderators: Vec<&Candidate> = candidates
        .iter()
        .filter(|c| c.role == Role::Moderator && c.open_tickets < policy.max_open_tickets)
        .collect();
    let best_moderator = moderators
        .iter()
        .filter_map(|candidate| {
            let matched: Vec<String> = ticket_skills
                .iter()
                .filter(|skill| candidate.skills.contains(skill))
                .cloned()
                .collect();
            if matched.is_empty() {
                return None;
            }
            let score =
                matched.len() as f64 - policy.workload_weight * candidate.open_tickets as f64;
            Some((*candidate, matched, score))
        })
        .max_by(|(a, _, score_a), (b, _, score_b)| {
            score_a
                .total_cmp(score_b)
                .then_with(|| longer_ago(a, b))
                .then_with(|| b.user_id.cmp(&a.user_id))
        });
    if let Some((candidate, matched_skills, score)) = best_moderator {
        return Some(Decision {
            assignee_id: candidate.user_id,
            rule: AssignmentRule::SkillMatch,
            ticket_skills: ticket_skills.to_vec(),
            matched_skills,
            score,
            open_tickets: candidate.open_tickets,
            moderators_considered: moderators.len(),
        });
    }
    candidates
        .iter()
        .filter(|c| c.role == Role::Admin)
        .min_by(|a, b| {
            a.open_tickets
                .cmp(&b.open_tickets)
                .then_with(|| longer_ago(b, a))
                .then_with(|| a.user_id.cmp(&b.user_id))
        })
        .map(|admin| Decision {
            assignee_id: admin.user_id,
            rule: AssignmentRule::AdminFallback,
            ticket_skills: ticket_skills.to_vec(),
            matched_skills: Vec::new(),
            score: 0.0,
            open_tickets: admin.open_tickets,
            moderators_considered: moderators.len(),
        })
}

/// `Greater` when `a` was assigned longer ago than `b` (never counts as longest ago).
fn longer_ago(a: &Candidate, b: &Candidate) -> Ordering {
    match (a.last_assigned_at, b.last_assigned_at) {
        (None, None) => Ordering::Equal,
        (None, Some(_)) => Ordering::Greater,
        (Some(_), None) => Ordering::Less,
        (Some(a), Some(b)) => b.cmp(&a),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeDelta;

    const POLICY: AssignmentPolicy = AssignmentPolicy {
        max_open_tickets: 10,
        workload_weight: 0.2,
    };

    fn candidate(n: u128, role: Role, skills: &[&str], open: i64) -> Candidate {
        Candidate {
            user_id: Uuid::from_u128(n),
            role,
            skills: skills.iter().map(|s| s.to_string()).collect(),
            open_tickets: open,
            last_assigned_at: None,
        }
    }

    fn skills(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn best_overlap_wins() {
        let decision = choose(
            &skills(&["ui", "database"]),
            &[
                candidate(1, Role::Moderator, &["ui"], 0),
                candidate(2, Role::Moderator, &["ui", "database"], 0),
            ],
            POLICY,
        )
        .expect("assigned");
        assert_eq!(decision.assignee_id, Uuid::from_u128(2));
        assert_eq!(decision.rule, AssignmentRule::SkillMatch);
        assert_eq!(decision.matched_skills, skills(&["ui", "database"]));
    }

    #[test]
    fn workload_spreads_equal_skills() {
        let decision = choose(
            &skills(&["ui"]),
            &[
                candidate(1, Role::Moderator, &["ui"], 3),
                candidate(2, Role::Moderator, &["ui"], 1),
            ],
            POLICY,
        )
        .expect("assigned");
        assert_eq!(decision.assignee_id, Uuid::from_u128(2));
    }

    #[test]
    fn ties_go_to_least_recently_assigned() {
        let now = Utc::now();
        let mut recent = candidate(1, Role::Moderator, &["ui"], 0);
        recent.last_assigned_at = Some(now);
        let mut earlier = candidate(2, Role::Moderator, &["ui"], 0);
        earlier.last_assigned_at = Some(now - TimeDelta::minutes(5));
        let decision = choose(&skills(&["ui"]), &[recent, earlier], POLICY).expect("assigned");
        assert_eq!(decision.assignee_id, Uuid::from_u128(2));
    }

    #[test]
    fn moderators_at_cap_are_skipped_and_admins_catch_the_rest() {
        let decision = choose(
            &skills(&["ui"]),
            &[
                candidate(1, Role::Moderator, &["ui"], 10),
                candidate(2, Role::Admin, &[], 4),
                candidate(3, Role::Admin, &[], 2),
            ],
            POLICY,
        )
        .expect("assigned");
        assert_eq!(decision.assignee_id, Uuid::from_u128(3));
        assert_eq!(decision.rule, AssignmentRule::AdminFallback);
    }

    #[test]
    fn nobody_means_unassigned() {
        assert_eq!(
            choose(
                &skills(&["ui"]),
                &[candidate(1, Role::Moderator, &["billing"], 0)],
                POLICY
            ),
            None
        );
    }
}
