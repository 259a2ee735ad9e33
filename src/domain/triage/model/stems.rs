//! Words reduced to their stems, in the ticket's language, so that the model reads
//! "crashes", "crashed" and "crashing" as one word: a writer the corpus never saw inflects
//! the same problem differently.

use std::sync::LazyLock;

use rust_stemmers::{Algorithm, Stemmer};
use whatlang::{Detector, Lang};

use super::features::NEGATED;

struct Stemmers {
    /// Chooses among the languages there are stemmers for: asked to choose among all it
    /// knows, whatlang reads a short English ticket as French or Latin now and then, and
    /// a wrong stemmer cuts English words at random.
    detector: Detector,
    english: Stemmer,
    spanish: Stemmer,
    german: Stemmer,
    french: Stemmer,
}

static STEMMERS: LazyLock<Stemmers> = LazyLock::new(|| Stemmers {
    detector: Detector::with_allowlist(vec![Lang::Eng, Lang::Spa, Lang::Deu, Lang::Fra]),
    english: Stemmer::create(Algorithm::English),
    spanish: Stemmer::create(Algorithm::Spanish),
    german: Stemmer::create(Algorithm::German),
    french: Stemmer::create(Algorithm::French),
});

/// The stemmer for the language the text is written in when it is clearly Spanish, German
/// or French; English otherwise (the English stemmer only trims common endings).
pub fn for_text(title: &str, description: &str) -> &'static Stemmer {
    let stemmers = &*STEMMERS;
    let text = format!("{title}. {description}");
    let reliable = stemmers
        .detector
        .detect(&text)
        .filter(whatlang::Info::is_reliable);
    match reliable.map(|info| info.lang()) {
        Some(Lang::Spa) => &stemmers.spanish,
        Some(Lang::Deu) => &stemmers.german,
        Some(Lang::Fra) => &stemmers.french,
        _ => &stemmers.english,
    }
}

pub fn english() -> &'static Stemmer {
    &STEMMERS.english
}

/// Each word's stem; a negated word (`neg_crashing`) keeps its mark (`neg_crash`).
pub fn stemmed(stemmer: &Stemmer, words: Vec<String>) -> Vec<String> {
    words
        .into_iter()
        .map(|word| match word.strip_prefix(NEGATED) {
            Some(rest) => format!("{NEGATED}{}", stemmer.stem(rest)),
            None => stemmer.stem(&word).into_owned(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stems_of(title: &str, description: &str) -> Vec<String> {
        let words = description.split_whitespace().map(str::to_owned).collect();
        stemmed(for_text(title, description), words)
    }

    #[test]
    fn inflections_share_a_stem_in_the_language_of_the_ticket() {
        assert_eq!(
            stems_of("App crashes", "it keeps crashing when we upload invoices"),
            stems_of("App crashed", "it keeps crashed when we uploading invoice")
        );
        assert_eq!(
            stems_of(
                "Facturas duplicadas",
                "la aplicación duplica las facturas cuando los clientes pagan"
            ),
            stems_of(
                "Facturas duplicadas",
                "la aplicación duplicó las factura cuando los clientes pagaron"
            )
        );
    }

    #[test]
    fn a_negated_word_keeps_its_mark() {
        let stemmer = for_text("", "");
        assert_eq!(
            stemmed(
                stemmer,
                vec!["neg_crashing".to_owned(), "crashing".to_owned()]
            ),
            ["neg_crash", "crash"]
        );
    }
}
