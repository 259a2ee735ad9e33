//! Words reduced to their stems, in the ticket's language, so that the model reads
//! "crashes", "crashed" and "crashing" as one word: a writer the corpus never saw inflects
//! the same problem differently.

use std::sync::LazyLock;

use rust_stemmers::{Algorithm, Stemmer};
use whatlang::{Detector, Lang};

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

/// The English stemmer: the lexicons' phrases are matched through English stems.
pub fn english() -> &'static Stemmer {
    &STEMMERS.english
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stems_of(title: &str, description: &str) -> Vec<String> {
        let stemmer = for_text(title, description);
        description
            .split_whitespace()
            .map(|word| stemmer.stem(word).into_owned())
            .collect()
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
}
