//! Plain-text helpers shared by the analyzers and by the bounds applied to LLM output.

/// Strips HTML tags and control characters (newlines survive), trims, and cuts to at most
/// `max_chars` characters at a word boundary, ending with "…" when cut.
pub fn plain(input: &str, max_chars: usize) -> String {
    let mut out = String::with_capacity(input.len());
    let mut chars = input.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '<'
            && chars
                .peek()
                .is_some_and(|n| n.is_ascii_alphabetic() || *n == '/' || *n == '!')
        {
            for skipped in chars.by_ref() {
                if skipped == '>' {
                    break;
                }
            }
            continue;
        }
        if c == '\n' || !c.is_control() {
            out.push(c);
        }
    }
    truncate_words(out.trim(), max_chars)
}

/// Cuts `text` to at most `max_chars` characters, at the last space when there is one.
pub fn truncate_words(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max_chars.saturating_sub(1)).collect();
    let cut = match cut.rfind(char::is_whitespace) {
        Some(space) if space > cut.len() / 2 => &cut[..space],
        _ => cut.as_str(),
    };
    format!("{}…", cut.trim_end())
}

/// Collapses every run of whitespace into one space.
pub fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Lowercase words separated by single spaces with a space at both ends, so a phrase can be
/// found with `contains(" phrase ")` without matching inside other words. Apostrophes split
/// words ("can't" → "can t"), in the text and in the phrases alike.
pub fn word_padded(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push(' ');
    let mut last_space = true;
    for c in text.chars() {
        if c.is_alphanumeric() || c == '+' || c == '#' {
            out.extend(c.to_lowercase());
            last_space = false;
        } else if !last_space {
            out.push(' ');
            last_space = true;
        }
    }
    if !last_space {
        out.push(' ');
    }
    out
}

/// Whether `phrase` (any case and punctuation) occurs as whole words in `padded` (made by
/// [`word_padded`]).
pub fn has_phrase(padded: &str, phrase: &str) -> bool {
    phrase_needle(phrase).is_some_and(|needle| padded.contains(&needle))
}

/// What [`has_phrase`] looks for in a padded text, to make once for a phrase looked for in
/// many texts; `None` for a phrase without words, which matches nothing.
pub fn phrase_needle(phrase: &str) -> Option<String> {
    let needle = word_padded(phrase);
    (!needle.trim().is_empty()).then_some(needle)
}

/// Splits text into sentences at `.`, `!`, `?` and line breaks, trimmed, empty ones dropped.
pub fn sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\n' {
            push_sentence(&mut out, &mut current);
            continue;
        }
        current.push(c);
        let ends =
            matches!(c, '.' | '!' | '?') && chars.peek().is_none_or(|next| next.is_whitespace());
        if ends {
            while chars.peek().is_some_and(|n| matches!(n, '.' | '!' | '?')) {
                if let Some(n) = chars.next() {
                    current.push(n);
                }
            }
            push_sentence(&mut out, &mut current);
        }
    }
    push_sentence(&mut out, &mut current);
    out
}

fn push_sentence(out: &mut Vec<String>, current: &mut String) {
    let sentence = collapse_whitespace(current);
    if !sentence.is_empty() {
        out.push(sentence);
    }
    current.clear();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_strips_tags_and_truncates_at_words() {
        assert_eq!(plain("<p>Hello <b>world</b></p>", 100), "Hello world");
        assert_eq!(plain("a < b and c > d", 100), "a < b and c > d");
        assert_eq!(plain("one two three four", 10), "one two…");
    }

    #[test]
    fn phrases_match_whole_words_only() {
        let padded = word_padded("I can't log in to the Dashboard!");
        assert!(has_phrase(&padded, "can't log in"));
        assert!(has_phrase(&padded, "dashboard"));
        assert!(!has_phrase(&padded, "dash"));
    }

    #[test]
    fn sentences_split_on_terminators_and_lines() {
        assert_eq!(
            sentences("First one. Second?! Third\nFourth v1.2 ok"),
            vec!["First one.", "Second?!", "Third", "Fourth v1.2 ok"]
        );
    }
}
