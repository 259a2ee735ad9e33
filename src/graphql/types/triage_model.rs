use async_graphql::{Object, SimpleObject};
use chrono::{DateTime, Utc};

use crate::services::triage_learning::{ModelInfo, Retraining};

/// The builtin triage model.
pub struct TriageModelObject(pub ModelInfo);

/// Scores on the held-out set (`corpus/triage/heldout.jsonl`), each from 0 to 1.
#[derive(SimpleObject)]
pub struct HeldOutAccuracy {
    pub category: f64,
    /// Exact priority.
    pub priority: f64,
    pub priority_within_one: f64,
    /// Skill recall.
    pub skills: f64,
    pub skills_precision: f64,
}

#[Object(name = "TriageModel")]
impl TriageModelObject {
    /// 0: trained on the shipped corpus alone; higher: retrained with staff corrections.
    async fn version(&self) -> i32 {
        self.0.version
    }

    /// Null for the shipped model (trained when the process starts).
    async fn trained_at(&self) -> Option<DateTime<Utc>> {
        self.0.trained_at
    }

    /// Training examples: the shipped corpus plus corrections.
    async fn examples(&self) -> i32 {
        self.0.examples
    }

    /// Staff corrections among the examples.
    async fn corrections(&self) -> i32 {
        self.0.corrections
    }

    async fn active(&self) -> bool {
        self.0.active
    }

    async fn held_out_accuracy(&self) -> HeldOutAccuracy {
        let metrics = &self.0.held_out;
        HeldOutAccuracy {
            category: metrics.category_accuracy,
            priority: metrics.priority_exact,
            priority_within_one: metrics.priority_within_one,
            skills: metrics.skills_recall,
            skills_precision: metrics.skills_precision,
        }
    }
}

/// What a retraining produced.
#[derive(SimpleObject)]
pub struct TriageRetraining {
    /// Whether the candidate scored at least as well as the active model and replaced it.
    pub activated: bool,
    pub candidate: TriageModelObject,
    /// The model triage uses now.
    pub active: TriageModelObject,
}

impl From<Retraining> for TriageRetraining {
    fn from(retraining: Retraining) -> Self {
        Self {
            activated: retraining.activated,
            candidate: TriageModelObject(retraining.candidate),
            active: TriageModelObject(retraining.active),
        }
    }
}
