//! The offline analyzer: deterministic rules over the ticket's words. Urgency cues set the
//! priority, the skills vocabulary (moderators' skills plus synonyms) finds related skills,
//! weighted keywords pick a category, the most informative sentences make the summary, and
//! per-category and per-skill checklists make the notes.

use std::collections::BTreeSet;

use super::lexicon::{
    CATEGORY_KEYWORDS, CATEGORY_NOTES, SKILL_NOTES, STOPWORDS, URGENCY_CUES, URGENT_NOTE,
};
use super::model::{self, TriageModel};
use super::text::{collapse_whitespace, has_phrase, sentences, truncate_words, word_padded};
use super::{Analysis, SUMMARY_MAX_CHARS, TriageInput};
use crate::domain::ticket::TicketPriority;

pub const PROVIDER: &str = "builtin";
pub const MODEL: &str = "linear-v2";

/// Analyzes with the active model (see [`model::active`]).
pub fn analyze(input: &TriageInput<'_>) -> Analysis {
    analyze_with(input, &model::active())
}

pub fn analyze_with(input: &TriageInput<'_>, model: &TriageModel) -> Analysis {
    let prediction = model.predict(input.title, input.description);
    let priority = prediction.priority;
    let padded = word_padded(&format!("{}\n{}", input.title, input.description));
    let category = prediction
        .categories
        .iter()
        .find(|(slug, _)| input.categories.iter().any(|c| c == slug))
        .map(|(slug, _)| (*slug).to_owned())
        .or_else(|| keyword_category(&padded, input.categories));
    let mut skills: Vec<String> = prediction
        .skills
        .iter()
        .map(|(s, _)| (*s).to_owned())
        .collect();
    // Skills named in the text (or by a synonym) count too: the model's vocabulary is
    // fixed, a deployment's skills and synonyms are not.
    for skill in related_skills(&padded, input) {
        if !skills.contains(&skill) {
            skills.push(skill);
        }
    }
    let summary = summary(input.title, input.description, input);
    let helpful_notes = notes(category.as_deref(), &skills, priority);
    let confidence = prediction
        .categories
        .first()
        .map(|(_, p)| (p + prediction.priority_confidence) / 2.0)
        .unwrap_or(0.5);
    Analysis {
        summary,
        priority,
        category,
        related_skills: skills,
        helpful_notes,
        confidence,
    }
    .bounded(input)
}

/// Canonical skills whose name or synonym occurs in the text, in first-seen order of the
/// vocabulary (known moderator skills first, then the synonym groups).
fn related_skills(padded: &str, input: &TriageInput<'_>) -> Vec<String> {
    let mut found: Vec<(usize, String)> = Vec::new();
    let mut consider = |term: &str, canonical: String| {
        if let Some(position) = phrase_position(padded, term)
            && !found.iter().any(|(_, s)| *s == canonical)
        {
            found.push((position, canonical));
        }
    };
    for skill in input.known_skills {
        consider(skill, input.synonyms.canonical(skill));
    }
    for (term, canonical) in input.synonyms.terms() {
        consider(term, canonical.to_owned());
    }
    found.sort();
    found.into_iter().map(|(_, skill)| skill).collect()
}

fn phrase_position(padded: &str, phrase: &str) -> Option<usize> {
    let needle = word_padded(phrase);
    if needle.trim().is_empty() {
        return None;
    }
    padded.find(&needle)
}

/// For categories the model does not know (a deployment's own): weighted keywords.
fn keyword_category(padded: &str, categories: &[String]) -> Option<String> {
    let mut best: Option<(&str, i32)> = None;
    for (slug, keywords) in CATEGORY_KEYWORDS {
        if !categories.iter().any(|c| c == slug) {
            continue;
        }
        let score: i32 = keywords
            .iter()
            .filter(|(phrase, _)| has_phrase(padded, phrase))
            .map(|(_, weight)| weight)
            .sum();
        if score > 0 && best.is_none_or(|(_, top)| score > top) {
            best = Some((slug, score));
        }
    }
    best.map(|(slug, _)| slug.to_owned())
}

/// The one or two most informative sentences, in their original order, within 200 chars.
fn summary(title: &str, description: &str, input: &TriageInput<'_>) -> String {
    let stopwords: BTreeSet<&str> = STOPWORDS.iter().copied().collect();
    let candidates = sentences(description);
    let scored: Vec<(usize, f32)> = candidates
        .iter()
        .enumerate()
        .map(|(index, sentence)| {
            let words = word_padded(sentence);
            let informative = words
                .split_whitespace()
                .filter(|w| !stopwords.contains(w) && w.chars().count() > 2)
                .count() as f32;
            let cues = URGENCY_CUES
                .iter()
                .filter(|(p, w)| *w > 0 && has_phrase(&words, p))
                .count() as f32;
            let skills = input
                .synonyms
                .terms()
                .filter(|(term, _)| has_phrase(&words, term))
                .count() as f32;
            let length = words.split_whitespace().count().max(1) as f32;
            // Informative density, favouring cue-bearing and earlier sentences.
            let score = informative / length.sqrt() + 1.5 * cues + skills - 0.1 * index as f32;
            (index, score)
        })
        .collect();
    let mut ranked = scored;
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1));
    let mut chosen: Vec<usize> = Vec::new();
    let mut length = 0;
    for (index, _) in ranked {
        let sentence_len = candidates[index].chars().count();
        if chosen.is_empty() || length + 1 + sentence_len <= SUMMARY_MAX_CHARS {
            length += sentence_len + usize::from(!chosen.is_empty());
            chosen.push(index);
        }
        if chosen.len() == 2 {
            break;
        }
    }
    chosen.sort_unstable();
    let body = chosen
        .iter()
        .map(|i| candidates[*i].as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let summary = if body.is_empty() {
        collapse_whitespace(title)
    } else {
        body
    };
    truncate_words(&summary, SUMMARY_MAX_CHARS)
}

fn notes(category: Option<&str>, skills: &[String], priority: TicketPriority) -> String {
    let mut lines: Vec<&str> = Vec::new();
    if priority == TicketPriority::Urgent || priority == TicketPriority::High {
        lines.push(URGENT_NOTE);
    }
    if let Some(category) = category
        && let Some((_, checklist)) = CATEGORY_NOTES.iter().find(|(slug, _)| *slug == category)
    {
        lines.extend(checklist.iter().copied());
    }
    for skill in skills {
        if let Some((_, note)) = SKILL_NOTES.iter().find(|(s, _)| s == skill)
            && !lines.contains(note)
        {
            lines.push(note);
        }
    }
    if lines.is_empty() {
        lines.push("Confirm the problem with the requester and ask for any missing details.");
    }
    lines
        .iter()
        .map(|line| format!("- {line}"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::skills::SynonymTable;
    use TicketPriority::*;

    fn categories() -> Vec<String> {
        [
            "general",
            "technical",
            "billing",
            "account",
            "bug",
            "feature",
            "question",
            "other",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect()
    }

    fn run(title: &str, description: &str, known: &[&str]) -> Analysis {
        let synonyms = SynonymTable::builtin();
        let categories = categories();
        let known: Vec<String> = known.iter().map(|s| s.to_string()).collect();
        analyze(&TriageInput {
            title,
            description,
            categories: &categories,
            known_skills: &known,
            synonyms: &synonyms,
        })
    }

    struct Case {
        title: &'static str,
        description: &'static str,
        priority: TicketPriority,
        category: Option<&'static str>,
        skills: &'static [&'static str],
    }

    const CASES: &[Case] = &[
        Case {
            title: "Checkout payment failed for every customer",
            description: "Since 9am every payment failed at checkout with a card error. Our \
                          store is losing orders. Stripe shows nothing.",
            priority: Urgent,
            category: Some("billing"),
            skills: &["billing"],
        },
        Case {
            title: "Production outage: site is down",
            description: "URGENT!!! The whole site is down for all users since the last \
                          deployment. Servers return 502.",
            priority: Urgent,
            category: Some("technical"),
            skills: &["infrastructure"],
        },
        Case {
            title: "I can't log in after resetting my password",
            description: "I reset my password yesterday but the login page says my \
                          credentials are wrong. I am locked out of my account.",
            priority: Medium,
            category: Some("account"),
            skills: &["authentication"],
        },
        Case {
            title: "React dashboard shows a blank page",
            description: "After the update, the dashboard built with React renders a blank \
                          page in Firefox. The console shows a TypeError.",
            priority: Medium,
            category: Some("bug"),
            skills: &["ui"],
        },
        Case {
            title: "Feature request: dark mode",
            description: "It would be nice to have a dark mode in the web app. No rush, just \
                          a suggestion from our team.",
            priority: Low,
            category: Some("feature"),
            skills: &["ui"],
        },
        Case {
            title: "How do I export my invoices?",
            description: "Where can I download all invoices of last year as PDF files?",
            priority: Low,
            category: Some("question"),
            skills: &["billing"],
        },
        Case {
            title: "Reports are slow since Monday",
            description: "Our Postgres-backed reports take over a minute to load. The query \
                          for monthly totals seems to be the slow one.",
            priority: High,
            category: Some("technical"),
            skills: &["database", "performance"],
        },
        Case {
            title: "Possible security breach",
            description: "We noticed logins from unknown countries and think an admin account \
                          was compromised. Please help immediately.",
            priority: Urgent,
            category: Some("account"),
            skills: &["security", "authentication"],
        },
        Case {
            title: "Kotlin crash in the Android app",
            description: "The Android app crashes when opening settings. Our Kotlin SDK logs \
                          an exception.",
            priority: Medium,
            category: Some("bug"),
            skills: &["kotlin", "mobile", "api"],
        },
    ];

    #[test]
    fn realistic_tickets() {
        for case in CASES {
            let analysis = run(case.title, case.description, &["kotlin", "React"]);
            assert_eq!(
                analysis.priority, case.priority,
                "priority of {:?}",
                case.title
            );
            assert_eq!(
                analysis.category.as_deref(),
                case.category,
                "category of {:?}",
                case.title
            );
            // Every needed skill is found, with at most one the ticket could do without.
            let skills = &analysis.related_skills;
            for skill in case.skills {
                assert!(
                    skills.iter().any(|s| s == skill),
                    "{skill} for {:?}: {skills:?}",
                    case.title
                );
            }
            assert!(
                skills.len() <= case.skills.len() + 1,
                "skills of {:?}: {skills:?}",
                case.title
            );
            assert!(!analysis.summary.is_empty() && analysis.summary.chars().count() <= 200);
            assert!(analysis.helpful_notes.starts_with("- "));
            assert!((0.0..=1.0).contains(&analysis.confidence));
        }
    }

    #[test]
    fn summary_picks_informative_sentences_within_bounds() {
        let analysis = run(
            "Export broken",
            "Hello team. Thanks for the great product. The CSV export of invoices crashes with \
             an error 500 since yesterday. Have a nice day.",
            &[],
        );
        assert!(
            analysis.summary.contains("CSV export of invoices crashes"),
            "{}",
            analysis.summary
        );
        assert!(!analysis.summary.contains("Have a nice day"));
    }

    #[test]
    fn deterministic() {
        let a = run(CASES[1].title, CASES[1].description, &[]);
        let b = run(CASES[1].title, CASES[1].description, &[]);
        assert_eq!(a, b);
    }

    #[test]
    fn notes_follow_category_and_skills() {
        let analysis = run(CASES[3].title, CASES[3].description, &[]);
        assert!(analysis.helpful_notes.contains("steps to reproduce"));
        assert!(analysis.helpful_notes.contains("screenshot"));
    }
}
