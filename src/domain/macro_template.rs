//! Macro bodies: Markdown with `{{placeholders}}`. Unknown placeholders are refused when a
//! macro is saved; values are Markdown-escaped when it is rendered, so a requester named
//! `[click](https://evil.example)` shows as that text, not as a link.

use crate::domain::{DomainError, DomainResult};

pub const PLACEHOLDERS: [&str; 4] = [
    "requester.name",
    "ticket.number",
    "ticket.title",
    "agent.name",
];

/// What the placeholders stand for on one ticket.
pub struct TemplateValues<'a> {
    pub requester_name: &'a str,
    pub ticket_number: &'a str,
    pub ticket_title: &'a str,
    pub agent_name: &'a str,
}

impl TemplateValues<'_> {
    fn get(&self, name: &str) -> Option<&str> {
        match name {
            "requester.name" => Some(self.requester_name),
            "ticket.number" => Some(self.ticket_number),
            "ticket.title" => Some(self.ticket_title),
            "agent.name" => Some(self.agent_name),
            _ => None,
        }
    }
}

/// A piece of a template: literal text or a placeholder's name (trimmed).
enum Piece<'a> {
    Text(&'a str),
    Placeholder(&'a str),
}

fn pieces(template: &str) -> Vec<Piece<'_>> {
    let mut pieces = Vec::new();
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        let Some(length) = rest[start + 2..].find("}}") else {
            break;
        };
        pieces.push(Piece::Text(&rest[..start]));
        pieces.push(Piece::Placeholder(
            rest[start + 2..start + 2 + length].trim(),
        ));
        rest = &rest[start + 2 + length + 2..];
    }
    pieces.push(Piece::Text(rest));
    pieces
}

/// Refuses a template naming a placeholder we do not know.
pub fn check(field: &str, template: &str) -> DomainResult<()> {
    for piece in pieces(template) {
        if let Piece::Placeholder(name) = piece
            && !PLACEHOLDERS.contains(&name)
        {
            return Err(DomainError::invalid(
                field,
                format!(
                    "unknown placeholder {{{{{name}}}}}; known: {}",
                    PLACEHOLDERS
                        .iter()
                        .map(|p| format!("{{{{{p}}}}}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            ));
        }
    }
    Ok(())
}

/// Fills the placeholders with escaped values (a checked template has no unknown ones; any
/// left are kept as written).
pub fn render(template: &str, values: &TemplateValues<'_>) -> String {
    let mut out = String::with_capacity(template.len() + 64);
    for piece in pieces(template) {
        match piece {
            Piece::Text(text) => out.push_str(text),
            Piece::Placeholder(name) => match values.get(name) {
                Some(value) => out.push_str(&escape_markdown(value)),
                None => {
                    out.push_str("{{");
                    out.push_str(name);
                    out.push_str("}}");
                }
            },
        }
    }
    out
}

/// Backslash-escapes every ASCII punctuation character (CommonMark lets any of them be
/// escaped) and flattens line breaks, so a value is always plain inline text.
pub fn escape_markdown(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 8);
    for c in value.chars() {
        match c {
            '\n' | '\r' => out.push(' '),
            c if c.is_ascii_punctuation() => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::markdown::to_safe_html;

    const VALUES: TemplateValues<'static> = TemplateValues {
        requester_name: "[click](https://evil.example)",
        ticket_number: "TKT-2026-0042",
        ticket_title: "Export *fails*",
        agent_name: "Ana",
    };

    #[test]
    fn placeholders_are_checked_and_filled() {
        assert!(check("body", "Hi {{ requester.name }}, see {{ticket.number}}.").is_ok());
        assert!(check("body", "Hi {{requester.email}}").is_err());
        assert!(check("body", "A lone {{ brace").is_ok());
        let text = render(
            "Hi {{requester.name}} — {{ticket.number}} by {{agent.name}}",
            &VALUES,
        );
        assert_eq!(
            text,
            "Hi \\[click\\]\\(https\\:\\/\\/evil\\.example\\) — TKT\\-2026\\-0042 by Ana"
        );
    }

    #[test]
    fn values_cannot_inject_markup() {
        let html = to_safe_html(&render(
            "Dear {{requester.name}}, about {{ticket.title}}",
            &VALUES,
        ));
        assert!(!html.contains("<a"), "{html}");
        assert!(!html.contains("<em>"), "{html}");
        assert!(html.contains("[click](https://evil.example)"), "{html}");
    }
}
