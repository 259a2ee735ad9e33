//! Triage quality on a labelled set: category accuracy with its confusion matrix, priority
//! exact and within one level, and skill precision and recall (micro-averaged).

use std::fmt::Write;

use super::{CATEGORIES, LabelledTicket, PRIORITIES};
use crate::domain::ticket::TicketPriority;

/// What a provider answered for one ticket.
#[derive(Debug, Clone)]
pub struct Answer {
    pub category: Option<String>,
    pub priority: TicketPriority,
    pub skills: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Metrics {
    pub tickets: usize,
    pub category_accuracy: f64,
    pub priority_exact: f64,
    pub priority_within_one: f64,
    pub skills_precision: f64,
    pub skills_recall: f64,
    /// Tickets given no skill: with a moderator for every skill, these are the ones that
    /// fall back to an admin unless their category has default skills.
    pub without_skills: f64,
    /// `confusion[expected][predicted]` over CATEGORIES, plus a last column for "none".
    pub confusion: Vec<Vec<usize>>,
    /// `priority_confusion[expected][predicted]` over PRIORITIES.
    pub priority_confusion: Vec<Vec<usize>>,
}

pub fn score(expected: &[LabelledTicket], answers: &[Answer]) -> Metrics {
    let n = expected.len().min(answers.len());
    let mut metrics = Metrics {
        tickets: n,
        confusion: vec![vec![0; CATEGORIES.len() + 1]; CATEGORIES.len()],
        priority_confusion: vec![vec![0; PRIORITIES.len()]; PRIORITIES.len()],
        ..Default::default()
    };
    if n == 0 {
        return metrics;
    }
    let (mut category, mut exact, mut within) = (0, 0, 0);
    let (mut true_skills, mut predicted_skills, mut expected_skills) = (0, 0, 0);
    let mut without_skills = 0;
    let level = |p: TicketPriority| PRIORITIES.iter().position(|q| *q == p).unwrap_or(1) as i32;
    for (truth, answer) in expected.iter().zip(answers) {
        if answer.category.as_deref() == Some(truth.category.as_str()) {
            category += 1;
        }
        if let Some(row) = CATEGORIES.iter().position(|c| *c == truth.category) {
            let column = answer
                .category
                .as_deref()
                .and_then(|c| CATEGORIES.iter().position(|x| *x == c))
                .unwrap_or(CATEGORIES.len());
            metrics.confusion[row][column] += 1;
        }
        metrics.priority_confusion[level(truth.priority) as usize]
            [level(answer.priority) as usize] += 1;
        let distance = (level(truth.priority) - level(answer.priority)).abs();
        exact += usize::from(distance == 0);
        within += usize::from(distance <= 1);
        predicted_skills += answer.skills.len();
        without_skills += usize::from(answer.skills.is_empty());
        expected_skills += truth.skills.len();
        true_skills += answer
            .skills
            .iter()
            .filter(|s| truth.skills.contains(s))
            .count();
    }
    let share = |count: usize, of: usize| {
        if of == 0 {
            1.0
        } else {
            count as f64 / of as f64
        }
    };
    metrics.category_accuracy = share(category, n);
    metrics.priority_exact = share(exact, n);
    metrics.priority_within_one = share(within, n);
    metrics.skills_precision = share(true_skills, predicted_skills);
    metrics.skills_recall = share(true_skills, expected_skills);
    metrics.without_skills = share(without_skills, n);
    metrics
}

impl Metrics {
    /// The report `deskql triage-eval` prints.
    pub fn report(&self) -> String {
        let mut out = String::new();
        let pct = |v: f64| format!("{:.1} %", v * 100.0);
        let _ = writeln!(out, "tickets                    {}", self.tickets);
        let _ = writeln!(
            out,
            "category accuracy          {}",
            pct(self.category_accuracy)
        );
        let _ = writeln!(
            out,
            "priority exact             {}",
            pct(self.priority_exact)
        );
        let _ = writeln!(
            out,
            "priority within one level  {}",
            pct(self.priority_within_one)
        );
        let _ = writeln!(
            out,
            "skills precision           {}",
            pct(self.skills_precision)
        );
        let _ = writeln!(
            out,
            "skills recall              {}",
            pct(self.skills_recall)
        );
        let _ = writeln!(
            out,
            "no skill found             {}  (admin fallback unless the category has default skills)",
            pct(self.without_skills)
        );
        let _ = writeln!(
            out,
            "\ncategory confusion (rows: expected, columns: predicted)"
        );
        let _ = write!(out, "{:>10}", "");
        for name in CATEGORIES.iter().chain(["none"].iter()) {
            let _ = write!(out, "{:>10}", name);
        }
        let _ = writeln!(out);
        for (row, name) in self.confusion.iter().zip(CATEGORIES) {
            let _ = write!(out, "{name:>10}");
            for count in row {
                let _ = write!(out, "{count:>10}");
            }
            let _ = writeln!(out);
        }
        let _ = writeln!(
            out,
            "\npriority confusion (rows: expected, columns: predicted)"
        );
        let _ = write!(out, "{:>10}", "");
        for priority in PRIORITIES {
            let _ = write!(out, "{:>10}", priority.to_string());
        }
        let _ = writeln!(out);
        for (row, priority) in self.priority_confusion.iter().zip(PRIORITIES) {
            let _ = write!(out, "{:>10}", priority.to_string());
            for count in row {
                let _ = write!(out, "{count:>10}");
            }
            let _ = writeln!(out);
        }
        out
    }
}

/// The builtin analyzer with `model`, over labelled tickets, in the default vocabulary.
pub fn evaluate(model: &super::TriageModel, tickets: &[LabelledTicket]) -> Metrics {
    let answers: Vec<Answer> = tickets
        .iter()
        .map(|ticket| answer(model, &ticket.title, &ticket.description))
        .collect();
    score(tickets, &answers)
}

/// What the builtin analyzer with `model` answers for one ticket.
pub fn answer(model: &super::TriageModel, title: &str, description: &str) -> Answer {
    use crate::domain::skills::SynonymTable;
    use crate::domain::triage::{TriageInput, builtin};
    use std::sync::LazyLock;
    static VOCABULARY: LazyLock<(SynonymTable, Vec<String>, Vec<String>)> = LazyLock::new(|| {
        (
            SynonymTable::builtin(),
            CATEGORIES.iter().map(|c| (*c).to_owned()).collect(),
            super::SKILLS.iter().map(|s| (*s).to_owned()).collect(),
        )
    });
    let (synonyms, categories, skills) = &*VOCABULARY;
    let analysis = builtin::analyze_with(
        &TriageInput {
            title,
            description,
            categories,
            known_skills: skills,
            synonyms,
        },
        model,
    );
    Answer {
        category: analysis.category,
        priority: analysis.priority,
        skills: analysis.related_skills,
    }
}

impl Metrics {
    /// One number to compare models by: the mean of category accuracy, exact priority and
    /// skill recall.
    pub fn composite(&self) -> f64 {
        (self.category_accuracy + self.priority_exact + self.skills_recall) / 3.0
    }
}
