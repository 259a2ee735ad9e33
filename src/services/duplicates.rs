//! Duplicate detection: when a ticket is filed, a job pairs it with the open tickets of the
//! last days that read alike (trigram similarity of titles and descriptions, in Postgres).
//! Staff see the pairs on both tickets and merge the ones that are real.

use std::collections::BTreeMap;

use diesel_async::{AsyncConnection, AsyncPgConnection};
use serde::Deserialize;
use uuid::Uuid;

use crate::app::AppState;
use crate::db::models::duplicate::{self, DuplicateSearch, DuplicateThresholds};

/// The detector's cut-offs, measured on `corpus/duplicates/pairs.jsonl`
/// (`deskql duplicates-eval`): the same requester filing again rephrases more freely than
/// two people describing one incident, so their bar is lower.
pub const THRESHOLDS: DuplicateThresholds = DuplicateThresholds {
    same_requester: 0.30,
    any_requester: 0.55,
};

/// Two weeks back, the newest 1,000 open tickets; of those the same requester's and the ones
/// whose titles share trigrams (pg_trgm's own default cut-off, 0.3), 25 at most, are scored.
/// Bounded, so a job costs the same in a quiet week and in an outage's flood of reports.
const SEARCH: DuplicateSearch = DuplicateSearch {
    window_days: 14,
    newest: 1_000,
    title_alike: 0.3,
    scored: 25,
    thresholds: THRESHOLDS,
    pairs: 5,
};

/// The job run for each filed ticket.
pub async fn detect(state: &AppState, ticket_id: Uuid) -> anyhow::Result<()> {
    let mut conn = state.pool.get().await?;
    let found = duplicate::detect(&mut conn, ticket_id, &SEARCH).await?;
    if found > 0 {
        tracing::info!(%ticket_id, found, "possible duplicates flagged");
    }
    Ok(())
}

/// Whether a labelled pair would be flagged: the decision the job makes, for one pair.
fn flags(score: f32, same_requester: bool) -> bool {
    score >= THRESHOLDS.any_requester || (same_requester && score >= THRESHOLDS.same_requester)
}

/// One side of a labelled pair.
#[derive(Debug, Clone, Deserialize)]
pub struct PairTicket {
    pub title: String,
    pub description: String,
    pub email: String,
}

/// A line of a labelled pairs file: two tickets, and whether they are one problem. `kind`
/// (duplicate, near_miss, unrelated) only groups the report.
#[derive(Debug, Clone, Deserialize)]
pub struct LabelledPair {
    pub kind: String,
    pub duplicate: bool,
    pub a: PairTicket,
    pub b: PairTicket,
}

pub fn parse_pairs(text: &str) -> Result<Vec<LabelledPair>, String> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(index, line)| {
            serde_json::from_str(line).map_err(|err| format!("line {}: {err}", index + 1))
        })
        .collect()
}

#[derive(Debug, Default)]
pub struct DuplicateMetrics {
    pub true_positives: usize,
    pub false_positives: usize,
    pub false_negatives: usize,
    pub true_negatives: usize,
    /// Per kind of pair: (pairs, flagged).
    pub by_kind: BTreeMap<String, (usize, usize)>,
}

impl DuplicateMetrics {
    pub fn precision(&self) -> f64 {
        ratio(
            self.true_positives,
            self.true_positives + self.false_positives,
        )
    }

    pub fn recall(&self) -> f64 {
        ratio(
            self.true_positives,
            self.true_positives + self.false_negatives,
        )
    }

    pub fn report(&self) -> String {
        let mut out = format!(
            "pairs: {}\nprecision: {:.1} %\nrecall: {:.1} %\n",
            self.true_positives + self.false_positives + self.false_negatives + self.true_negatives,
            self.precision() * 100.0,
            self.recall() * 100.0
        );
        for (kind, (pairs, flagged)) in &self.by_kind {
            out.push_str(&format!("{kind}: {flagged} of {pairs} flagged\n"));
        }
        out
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        1.0
    } else {
        part as f64 / whole as f64
    }
}

/// Scores every pair with the database's `ticket_similarity` and applies the job's cut-offs.
pub async fn evaluate(
    database_url: &str,
    pairs: &[LabelledPair],
) -> anyhow::Result<DuplicateMetrics> {
    let mut conn = AsyncPgConnection::establish(database_url).await?;
    let mut metrics = DuplicateMetrics::default();
    for pair in pairs {
        let score = duplicate::similarity(
            &mut conn,
            (&pair.a.title, &pair.a.description),
            (&pair.b.title, &pair.b.description),
        )
        .await?;
        let flagged = flags(score, pair.a.email.eq_ignore_ascii_case(&pair.b.email));
        match (pair.duplicate, flagged) {
            (true, true) => metrics.true_positives += 1,
            (false, true) => metrics.false_positives += 1,
            (true, false) => metrics.false_negatives += 1,
            (false, false) => metrics.true_negatives += 1,
        }
        let entry = metrics.by_kind.entry(pair.kind.clone()).or_default();
        entry.0 += 1;
        entry.1 += usize::from(flagged);
    }
    Ok(metrics)
}
