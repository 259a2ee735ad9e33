//! Input rules shared by every way a ticket or account enters the system.

use email_address::EmailAddress;

use crate::domain::{DomainError, DomainResult};

pub const TITLE_CHARS: (usize, usize) = (5, 200);
pub const DESCRIPTION_CHARS: (usize, usize) = (10, 5000);
pub const HELPFUL_NOTES_MAX_CHARS: usize = 2000;
pub const PASSWORD_CHARS: (usize, usize) = (8, 1024);
pub const NAME_CHARS: (usize, usize) = (1, 100);
pub const PAGE_URL_MAX_CHARS: usize = 2048;
pub const BROWSER_INFO_MAX_CHARS: usize = 1000;

/// Trims and checks a text's length in characters (not bytes).
pub fn text_in_range(field: &str, value: &str, (min, max): (usize, usize)) -> DomainResult<String> {
    let trimmed = value.trim();
    let chars = trimmed.chars().count();
    if chars < min || chars > max {
        return Err(DomainError::invalid(
            field,
            format!("{field} must be {min} to {max} characters long (got {chars})"),
        ));
    }
    Ok(trimmed.to_owned())
}

pub fn optional_text(field: &str, value: Option<&str>, max: usize) -> DomainResult<Option<String>> {
    match value.map(str::trim) {
        None | Some("") => Ok(None),
        Some(text) => text_in_range(field, text, (1, max)).map(Some),
    }
}

/// A syntactically valid address, normalised to lowercase (emails are unique case-insensitively).
pub fn email(field: &str, value: &str) -> DomainResult<String> {
    let trimmed = value.trim();
    if trimmed.len() > 254 || !EmailAddress::is_valid(trimmed) || !trimmed.contains('.') {
        return Err(DomainError::invalid(
            field,
            format!("{field} is not a valid email address"),
        ));
    }
    Ok(trimmed.to_lowercase())
}

pub fn password(field: &str, value: &str) -> DomainResult<()> {
    let chars = value.chars().count();
    let (min, max) = PASSWORD_CHARS;
    if chars < min || chars > max {
        return Err(DomainError::invalid(
            field,
            format!("{field} must be {min} to {max} characters long"),
        ));
    }
    Ok(())
}

/// A page size between 1 and `max`, as a query limit.
pub fn page_size(field: &str, value: i32, max: i64) -> DomainResult<i64> {
    let value = i64::from(value);
    if !(1..=max).contains(&value) {
        return Err(DomainError::invalid(
            field,
            format!("{field} must be between 1 and {max}"),
        ));
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_characters_not_bytes() {
        assert!(text_in_range("title", "ééééé", TITLE_CHARS).is_ok());
        assert!(text_in_range("title", "  abc  ", TITLE_CHARS).is_err());
    }

    #[test]
    fn validates_and_lowercases_email() {
        assert_eq!(
            email("email", " Ann@Example.COM ").expect("valid"),
            "ann@example.com"
        );
        assert!(email("email", "not-an-email").is_err());
        assert!(email("email", "a@localhost").is_err());
    }
}
