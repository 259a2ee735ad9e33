//! Triage learns from staff. A change staff make to a triaged ticket's category, priority or
//! skills is recorded as a labelled example; retraining (a daily job, or
//! `retrainTriageModel`) trains a candidate on the shipped corpus plus every correction and
//! activates it only if it scores at least as well as the active model on the held-out set
//! plus the recent corrections. Models are versioned in `triage_models` as a recipe (the corrections they
//! saw); training is deterministic, so every instance rebuilds the same model and switches
//! to it before its next triage.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use diesel_async::{AsyncConnection, AsyncPgConnection};
use uuid::Uuid;

use crate::app::AppState;
use crate::db::models::triage::TicketTriage;
use crate::db::models::triage_learning::{NewTriageCorrection, TriageCorrection, TriageModelRow};
use crate::domain::ticket::TicketPriority;
use crate::domain::triage::model::eval::{Metrics, answer, evaluate};
use crate::domain::triage::model::{
    self, Example, SHIPPED, TriageModel, held_out, shipped_examples,
};
use crate::domain::{DomainError, DomainResult};
use crate::services::RequestContext;

/// How many of the newest corrections the gate checks a candidate against.
const RECENT_CORRECTIONS: usize = 200;

/// What staff changed on a ticket, as labels.
pub struct Correction<'a> {
    pub ticket_id: Uuid,
    pub title: &'a str,
    pub description: &'a str,
    pub category: Option<&'a str>,
    pub priority: Option<TicketPriority>,
    /// Canonical skills, as staff set them.
    pub skills: Option<&'a [String]>,
    pub staff_id: Uuid,
}

/// Records the correction if the ticket was triaged (on the caller's transaction).
pub async fn record(conn: &mut AsyncPgConnection, correction: Correction<'_>) -> DomainResult<()> {
    if correction.category.is_none() && correction.priority.is_none() && correction.skills.is_none()
    {
        return Ok(());
    }
    if TicketTriage::find_many(conn, &[correction.ticket_id])
        .await?
        .is_empty()
    {
        return Ok(());
    }
    NewTriageCorrection {
        ticket_id: correction.ticket_id,
        title: correction.title,
        description: correction.description,
        category: correction.category,
        priority: correction.priority.map(|p| p.to_string()),
        skills: correction.skills,
        corrected_by: Some(correction.staff_id),
    }
    .insert(conn)
    .await?;
    Ok(())
}

/// A model as admins see it.
#[derive(Debug, Clone)]
pub struct ModelInfo {
    /// 0: the model trained on the shipped corpus alone.
    pub version: i32,
    pub trained_at: Option<DateTime<Utc>>,
    pub examples: i32,
    pub corrections: i32,
    pub held_out: Metrics,
    pub active: bool,
}

pub struct Retraining {
    pub activated: bool,
    pub candidate: ModelInfo,
    pub active: ModelInfo,
}

/// The model triage uses now.
pub async fn current(ctx: &RequestContext) -> DomainResult<ModelInfo> {
    ctx.viewer.require_admin()?;
    let mut conn = ctx.state.pool.get().await?;
    match TriageModelRow::active(&mut conn).await? {
        Some(row) => Ok(info(&row)),
        None => shipped_info().await,
    }
}

async fn shipped_info() -> DomainResult<ModelInfo> {
    let held_out = blocking(|| evaluate(&SHIPPED, &held_out())).await?;
    Ok(ModelInfo {
        version: 0,
        trained_at: None,
        examples: i32::try_from(SHIPPED.examples()).unwrap_or(i32::MAX),
        corrections: 0,
        held_out,
        active: true,
    })
}

/// `retrainTriageModel`: admins only.
pub async fn retrain_now(ctx: &RequestContext) -> DomainResult<Retraining> {
    ctx.viewer.require_admin()?;
    retrain(&ctx.state).await
}

/// Trains a candidate on the shipped corpus plus every correction and activates it if it
/// scores at least as well as the active model.
pub async fn retrain(state: &AppState) -> DomainResult<Retraining> {
    sync_active(state).await?;
    let mut conn = state.pool.get().await?;
    let through = TriageCorrection::latest_id(&mut conn).await?;
    let corrections = TriageCorrection::through(&mut conn, through).await?;
    drop(conn);
    let active_model = crate::ai::builtin_model().await;
    let count = corrections.len();
    let (candidate, candidate_metrics, candidate_score, active_score) = blocking(move || {
        let candidate = TriageModel::train(&recipe(&corrections));
        let held_out = held_out();
        let recent = &corrections[corrections.len().saturating_sub(RECENT_CORRECTIONS)..];
        let candidate_metrics = evaluate(&candidate, &held_out);
        let active_metrics = evaluate(&active_model, &held_out);
        let candidate_score = candidate_metrics.composite() + agreement(&candidate, recent);
        let active_score = active_metrics.composite() + agreement(&active_model, recent);
        (candidate, candidate_metrics, candidate_score, active_score)
    })
    .await?;
    let activated = candidate_score >= active_score;
    let mut conn = state.pool.get().await?;
    let row = conn
        .transaction(async |conn| {
            let row = TriageModelRow {
                version: TriageModelRow::next_version(conn).await?,
                corrections_through: through,
                examples: i32::try_from(candidate.examples()).unwrap_or(i32::MAX),
                corrections: i32::try_from(count).unwrap_or(i32::MAX),
                category_accuracy: candidate_metrics.category_accuracy,
                priority_exact: candidate_metrics.priority_exact,
                priority_within_one: candidate_metrics.priority_within_one,
                skills_precision: candidate_metrics.skills_precision,
                skills_recall: candidate_metrics.skills_recall,
                score: candidate_score,
                active: activated,
                trained_at: Utc::now(),
            };
            row.insert(conn).await?;
            Ok::<_, DomainError>(row)
        })
        .await?;
    if activated {
        model::activate(row.version, Arc::new(candidate));
    }
    tracing::info!(
        version = row.version,
        activated,
        candidate_score,
        active_score,
        "triage model retrained"
    );
    let candidate = info(&row);
    let active = if activated {
        candidate.clone()
    } else {
        let mut conn = state.pool.get().await?;
        match TriageModelRow::active(&mut conn).await? {
            Some(row) => info(&row),
            None => shipped_info().await?,
        }
    };
    Ok(Retraining {
        activated,
        candidate,
        active,
    })
}

/// Before triaging: if another instance activated a newer model, rebuild it from its recipe.
pub async fn sync_active(state: &AppState) -> DomainResult<()> {
    let loaded = model::active_version();
    let mut conn = state.pool.get().await?;
    let Some(row) = TriageModelRow::active(&mut conn).await? else {
        if loaded != 0 {
            model::activate(0, SHIPPED.clone());
        }
        return Ok(());
    };
    if row.version == loaded {
        return Ok(());
    }
    let corrections = TriageCorrection::through(&mut conn, row.corrections_through).await?;
    drop(conn);
    let rebuilt = blocking(move || TriageModel::train(&recipe(&corrections))).await?;
    model::activate(row.version, Arc::new(rebuilt));
    Ok(())
}

/// The shipped corpus, then the corrections in the order they were made.
fn recipe(corrections: &[TriageCorrection]) -> Vec<Example> {
    let mut examples = shipped_examples();
    examples.extend(corrections.iter().map(|c| Example {
        title: c.title.clone(),
        description: c.description.clone(),
        category: c.category.clone(),
        priority: c.priority.as_deref().and_then(|p| p.parse().ok()),
        skills: c.skills.clone(),
    }));
    examples
}

/// The share of the corrections' known labels the model gets right.
fn agreement(model: &TriageModel, corrections: &[TriageCorrection]) -> f64 {
    let (mut right, mut labels) = (0usize, 0usize);
    for correction in corrections {
        let predicted = answer(model, &correction.title, &correction.description);
        if let Some(category) = &correction.category {
            labels += 1;
            right += usize::from(predicted.category.as_ref() == Some(category));
        }
        if let Some(priority) = &correction.priority {
            labels += 1;
            right += usize::from(predicted.priority.to_string() == *priority);
        }
        if let Some(skills) = &correction.skills {
            labels += 1;
            let mut expected: Vec<&String> = skills.iter().collect();
            let mut got: Vec<&String> = predicted.skills.iter().collect();
            expected.sort();
            got.sort();
            right += usize::from(expected == got);
        }
    }
    if labels == 0 {
        0.0
    } else {
        right as f64 / labels as f64
    }
}

fn info(row: &TriageModelRow) -> ModelInfo {
    ModelInfo {
        version: row.version,
        trained_at: Some(row.trained_at),
        examples: row.examples,
        corrections: row.corrections,
        held_out: Metrics {
            category_accuracy: row.category_accuracy,
            priority_exact: row.priority_exact,
            priority_within_one: row.priority_within_one,
            skills_precision: row.skills_precision,
            skills_recall: row.skills_recall,
            ..Default::default()
        },
        active: row.active,
    }
}

async fn blocking<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> DomainResult<T> {
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|err| DomainError::Internal(err.into()))
}
