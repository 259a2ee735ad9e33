//! Concept features: the impact cues, category keywords and skill synonyms a ticket
//! mentions. They carry what the model learned to words it never saw in training, as long
//! as the lexicon knows them.

use std::sync::LazyLock;

use super::stems;
use crate::domain::skills::SynonymTable;
use crate::domain::triage::impact::IMPACT_CUES;
use crate::domain::triage::lexicon::CATEGORY_KEYWORDS;
use crate::domain::triage::text::{phrase_needle, word_padded};

/// A lexicon phrase, as written and as English stems, both padded as [`word_padded`] pads.
struct Needle {
    written: String,
    stems: String,
}

impl Needle {
    fn new(phrase: &str) -> Option<Self> {
        let written = phrase_needle(phrase)?;
        let stems = stems_padded(&written);
        Some(Self { written, stems })
    }
}

/// A text to look for phrases in, as written and as English stems.
struct Haystack {
    written: String,
    stems: String,
}

impl Haystack {
    fn new(text: &str) -> Self {
        let written = word_padded(text);
        let stems = stems_padded(&written);
        Self { written, stems }
    }

    /// Whether the phrase occurs as written or inflected otherwise ("payments failing" for
    /// "payment failed").
    fn contains(&self, needle: &Needle) -> bool {
        self.written.contains(&needle.written) || self.stems.contains(&needle.stems)
    }
}

/// The English stems of a padded text's words, padded the same way.
fn stems_padded(padded: &str) -> String {
    let stemmer = stems::english();
    let mut out = String::with_capacity(padded.len());
    out.push(' ');
    for word in padded.split_whitespace() {
        out.push_str(&stemmer.stem(word));
        out.push(' ');
    }
    out
}

/// Concepts the text mentions: impact and urgency kinds, category keywords and skills
/// (with their synonyms, in any inflection).
pub fn concepts(text: &str) -> Vec<(String, f32)> {
    let haystack = Haystack::new(text);
    let lexicon = &*CONCEPT_LEXICON;
    let mut found = Vec::new();
    for (kind, needles) in &lexicon.impact {
        let hits = needles
            .iter()
            .filter(|n| haystack.written.contains(n.as_str()))
            .count();
        if hits > 0 {
            found.push((format!("i:{kind}"), hits as f32));
        }
    }
    for (slug, keywords) in &lexicon.keywords {
        let weight: i32 = keywords
            .iter()
            .filter(|(n, _)| haystack.contains(n))
            .map(|(_, w)| w)
            .sum();
        if weight > 0 {
            found.push((format!("k:{slug}"), weight as f32));
        }
    }
    let mut skills: Vec<&str> = lexicon
        .skills
        .iter()
        .filter(|(n, _)| haystack.contains(n))
        .map(|(_, skill)| skill.as_str())
        .collect();
    skills.sort_unstable();
    skills.dedup();
    found.extend(skills.into_iter().map(|skill| (format!("s:{skill}"), 2.0)));
    found
}

/// The phrases [`concepts`] looks for, each padded (and stemmed) once: every ticket of a
/// training run is matched against all of them. Impact cues are matched as written: read
/// through stems they cost exact priority on the passes left out (README).
struct ConceptLexicon {
    impact: Vec<(&'static str, Vec<String>)>,
    keywords: Vec<(&'static str, Vec<(Needle, i32)>)>,
    /// (term, canonical skill), the skills' names and synonyms.
    skills: Vec<(Needle, String)>,
}

static CONCEPT_LEXICON: LazyLock<ConceptLexicon> = LazyLock::new(|| {
    let needles = |phrases: &[&str]| phrases.iter().filter_map(|p| phrase_needle(p)).collect();
    ConceptLexicon {
        impact: IMPACT_CUES
            .iter()
            .map(|(kind, phrases)| (*kind, needles(phrases)))
            .collect(),
        keywords: CATEGORY_KEYWORDS
            .iter()
            .map(|(slug, keywords)| {
                let weighted = keywords
                    .iter()
                    .filter_map(|(p, w)| Some((Needle::new(p)?, *w)))
                    .collect();
                (*slug, weighted)
            })
            .collect(),
        skills: SynonymTable::builtin()
            .terms()
            .filter_map(|(term, skill)| Some((Needle::new(term)?, skill.to_owned())))
            .collect(),
    }
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicon_phrases_are_found_in_any_inflection() {
        let skills = |text: &str| -> Vec<String> {
            concepts(text)
                .into_iter()
                .map(|(concept, _)| concept)
                .filter(|concept| concept.starts_with("s:"))
                .collect()
        };
        assert_eq!(
            skills("Both of our databases stopped answering"),
            ["s:database"]
        );
        assert_eq!(skills("The database stopped answering"), ["s:database"]);
        assert!(skills("The weather stopped us").is_empty());
    }
}
