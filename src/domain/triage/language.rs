//! The language a ticket is written in, as an ISO 639-1 code, when the text says so clearly.

use whatlang::Lang;

/// Below this many letters a guess is noise.
const MIN_LETTERS: usize = 20;

pub fn detect(title: &str, description: &str) -> Option<&'static str> {
    let text = format!("{title}. {description}");
    if text.chars().filter(|c| c.is_alphabetic()).count() < MIN_LETTERS {
        return None;
    }
    let info = whatlang::detect(&text)?;
    if !info.is_reliable() && info.confidence() < 0.1 {
        return None;
    }
    iso_639_1(info.lang())
}

fn iso_639_1(lang: Lang) -> Option<&'static str> {
    Some(match lang {
        Lang::Eng => "en",
        Lang::Spa => "es",
        Lang::Deu => "de",
        Lang::Fra => "fr",
        Lang::Por => "pt",
        Lang::Ita => "it",
        Lang::Nld => "nl",
        Lang::Pol => "pl",
        Lang::Rus => "ru",
        Lang::Ukr => "uk",
        Lang::Tur => "tr",
        Lang::Swe => "sv",
        Lang::Dan => "da",
        Lang::Fin => "fi",
        Lang::Ces => "cs",
        Lang::Ron => "ro",
        Lang::Hun => "hu",
        Lang::Ell => "el",
        Lang::Jpn => "ja",
        Lang::Cmn => "zh",
        Lang::Kor => "ko",
        Lang::Ara => "ar",
        Lang::Heb => "he",
        Lang::Hin => "hi",
        Lang::Vie => "vi",
        Lang::Ind => "id",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::detect;

    #[test]
    fn common_languages_are_recognised() {
        let cases = [
            (
                "Cannot log in",
                "I reset my password twice and the login page still refuses it.",
                Some("en"),
            ),
            (
                "No puedo iniciar sesión",
                "Desde ayer no puedo entrar en mi cuenta, dice que la contraseña es incorrecta.",
                Some("es"),
            ),
            (
                "Anmeldung nicht möglich",
                "Seit gestern kann ich mich nicht mehr anmelden, das Passwort wird abgelehnt.",
                Some("de"),
            ),
            (
                "Impossible de me connecter",
                "Depuis hier je n'arrive plus à me connecter, le mot de passe est refusé.",
                Some("fr"),
            ),
            ("hi", "ok", None),
        ];
        for (title, description, expected) in cases {
            assert_eq!(detect(title, description), expected, "{title}");
        }
    }
}
