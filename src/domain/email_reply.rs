//! What a person wrote in an email reply, without the history their mail client quoted under
//! it or the signature they append to everything.

/// Lines that start the quoted original in common clients (Gmail, Apple Mail, Thunderbird:
/// "On … wrote:"; Outlook: a rule or an "Original Message" banner, or a From: header block).
fn starts_quoted_history(line: &str, next: Option<&str>) -> bool {
    let trimmed = line.trim();
    let lower = trimmed.to_ascii_lowercase();
    if lower.starts_with("on ") && lower.ends_with("wrote:") {
        return true;
    }
    // "On Tue, 3 Mar 2026 at 10:00, Ann <ann@example.com>" with "wrote:" wrapped onto the next line.
    if lower.starts_with("on ")
        && next.is_some_and(|n| n.trim().to_ascii_lowercase().ends_with("wrote:"))
        && lower.contains('@')
    {
        return true;
    }
    if lower.starts_with("-----original message-----")
        || lower.starts_with("----- original message -----")
        || lower.starts_with("-------- forwarded message")
        || (trimmed.len() >= 20 && trimmed.chars().all(|c| c == '_'))
    {
        return true;
    }
    // Outlook's header block: "From: …" directly followed by "Sent:" / "Date:".
    lower.starts_with("from:")
        && next.is_some_and(|n| {
            let n = n.trim().to_ascii_lowercase();
            n.starts_with("sent:") || n.starts_with("date:")
        })
}

/// Signature starts: the RFC 3676 delimiter "-- " and the mobile clients' boilerplate.
fn starts_signature(line: &str) -> bool {
    let lower = line.trim_end().to_ascii_lowercase();
    line.trim_end_matches(['\r', '\n']) == "-- "
        || lower == "--"
        || lower.starts_with("sent from my ")
        || lower.starts_with("get outlook for ")
}

/// The new text of a reply: everything above the quoted history or the signature, with
/// `>`-quoted lines dropped and surrounding blank lines trimmed.
pub fn reply_text(body: &str) -> String {
    let lines: Vec<&str> = body.lines().collect();
    let mut kept: Vec<&str> = Vec::new();
    for (index, line) in lines.iter().enumerate() {
        let next = lines.get(index + 1).copied();
        if starts_quoted_history(line, next) || starts_signature(line) {
            break;
        }
        if line.trim_start().starts_with('>') {
            continue;
        }
        kept.push(line.trim_end());
    }
    kept.join("\n").trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::reply_text;

    #[test]
    fn quoted_history_and_signatures_are_stripped() {
        let cases = [
            (
                "Thanks, that fixed it!\n\nOn Mon, 30 Nov 2026 at 10:02, deskql <support@example.com> wrote:\n> We reset your password.\n> Regards",
                "Thanks, that fixed it!",
            ),
            (
                "Still broken.\nOn Mon, 30 Nov 2026 at 10:02, Support Team <support@example.com>\nwrote:\n> old",
                "Still broken.",
            ),
            (
                "It works now.\n\n-- \nAnn Example\nACME Corp",
                "It works now.",
            ),
            ("Yes please.\n\nSent from my iPhone", "Yes please."),
            (
                "See attached.\r\n\r\n-----Original Message-----\r\nFrom: support\r\nold text",
                "See attached.",
            ),
            (
                "Done.\n\n________________________________\nFrom: deskql\nSent: Monday\nold",
                "Done.",
            ),
            (
                "Answer inline:\n> do you use VPN?\nyes, always\n> which OS?\nLinux",
                "Answer inline:\nyes, always\nLinux",
            ),
            (
                "From: the start of a sentence is fine\nwhen it is not a header block",
                "From: the start of a sentence is fine\nwhen it is not a header block",
            ),
        ];
        for (body, expected) in cases {
            assert_eq!(reply_text(body), expected, "{body:?}");
        }
    }
}
