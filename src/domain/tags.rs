//! Ticket tags: staff labels normalised to slugs, so "Billing Issue", "billing_issue" and
//! "billing-issue" are one tag.

use crate::domain::{DomainError, DomainResult};

pub const TAG_MAX_CHARS: usize = 40;
/// Tags one ticket may carry.
pub const MAX_TAGS_PER_TICKET: usize = 20;

/// Lower-cases and joins the words of `raw` with '-': letters and digits are kept, anything
/// else separates words. Refuses a tag with no letter or digit, or one that is too long.
pub fn normalize_tag(field: &str, raw: &str) -> DomainResult<String> {
    let mut slug = String::with_capacity(raw.len());
    for word in raw
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.extend(word.chars().flat_map(char::to_lowercase));
    }
    if slug.is_empty() {
        return Err(DomainError::invalid(
            field,
            format!("{raw:?} has no letter or digit to make a tag of"),
        ));
    }
    if slug.chars().count() > TAG_MAX_CHARS {
        return Err(DomainError::invalid(
            field,
            format!("a tag is at most {TAG_MAX_CHARS} characters"),
        ));
    }
    Ok(slug)
}

/// Normalises a list of tags, keeping the first occurrence of each; at least one, at most
/// [`MAX_TAGS_PER_TICKET`].
pub fn normalize_tags(field: &str, raw: &[String]) -> DomainResult<Vec<String>> {
    if raw.is_empty() {
        return Err(DomainError::invalid(field, "name at least one tag"));
    }
    if raw.len() > MAX_TAGS_PER_TICKET {
        return Err(DomainError::invalid(
            field,
            format!("at most {MAX_TAGS_PER_TICKET} tags at once"),
        ));
    }
    let mut tags: Vec<String> = Vec::with_capacity(raw.len());
    for tag in raw {
        let tag = normalize_tag(field, tag)?;
        if !tags.contains(&tag) {
            tags.push(tag);
        }
    }
    Ok(tags)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_become_slugs() {
        for (raw, slug) in [
            ("Billing Issue", "billing-issue"),
            ("billing_issue", "billing-issue"),
            ("  --VIP--  ", "vip"),
            ("Straße 2FA", "straße-2fa"),
            ("v2.1", "v2-1"),
        ] {
            assert_eq!(
                normalize_tag("tags", raw).ok().as_deref(),
                Some(slug),
                "{raw}"
            );
        }
        assert!(normalize_tag("tags", " -- ").is_err());
        assert!(normalize_tag("tags", &"x".repeat(41)).is_err());
    }

    #[test]
    fn lists_are_deduplicated_and_bounded() {
        let raw = ["VIP".to_owned(), "vip".to_owned(), "Refund".to_owned()];
        assert_eq!(
            normalize_tags("tags", &raw).ok(),
            Some(vec!["vip".to_owned(), "refund".to_owned()])
        );
        assert!(normalize_tags("tags", &[]).is_err());
        let many: Vec<String> = (0..21).map(|n| format!("t{n}")).collect();
        assert!(normalize_tags("tags", &many).is_err());
    }
}
