//! What may be attached to a ticket: the type is decided by the file's bytes (never by the
//! name or the client's claimed type) against an allowlist, and names are made safe to show
//! and to offer as a download.

use async_graphql::Enum;

use crate::domain::{DomainError, DomainResult};

pub const FILE_NAME_MAX_CHARS: usize = 255;

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Enum,
    strum::Display,
    strum::EnumString,
    diesel::AsExpression,
    diesel::FromSqlRow,
)]
#[diesel(sql_type = diesel::sql_types::Text)]
#[strum(serialize_all = "SCREAMING_SNAKE_CASE")]
pub enum AttachmentKind {
    File,
    /// A screenshot of the page the requester was on, attached when filing.
    Screenshot,
}

/// Types recognised from magic bytes that we accept: images browsers render safely (no SVG,
/// which can carry script), PDF, office documents and zip archives.
const SNIFFED_ALLOWLIST: &[&str] = &[
    "image/png",
    "image/jpeg",
    "image/gif",
    "image/webp",
    "application/pdf",
    "application/zip",
    "application/msword",
    "application/vnd.ms-excel",
    "application/vnd.ms-powerpoint",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "application/vnd.oasis.opendocument.text",
    "application/vnd.oasis.opendocument.spreadsheet",
    "application/vnd.oasis.opendocument.presentation",
];

const SCREENSHOT_TYPES: &[&str] = &["image/png", "image/jpeg", "image/webp"];

/// The content type of an acceptable file, from its bytes; anything else is refused.
pub fn classify(field: &str, kind: AttachmentKind, bytes: &[u8]) -> DomainResult<&'static str> {
    if bytes.is_empty() {
        return Err(DomainError::invalid(field, "the file is empty"));
    }
    let content_type = match infer::get(bytes) {
        Some(found) => SNIFFED_ALLOWLIST
            .iter()
            .copied()
            .find(|allowed| *allowed == found.mime_type()),
        // Text has no magic number: accept UTF-8 without control bytes other than whitespace.
        None if is_plain_text(bytes) => Some("text/plain; charset=utf-8"),
        None => None,
    };
    let Some(content_type) = content_type else {
        return Err(DomainError::invalid(
            field,
            "this file type is not accepted; attach images (PNG, JPEG, GIF, WebP), PDF, text, \
             office documents or zip archives",
        ));
    };
    if kind == AttachmentKind::Screenshot && !SCREENSHOT_TYPES.contains(&content_type) {
        return Err(DomainError::invalid(
            field,
            "a screenshot must be a PNG, JPEG or WebP image",
        ));
    }
    Ok(content_type)
}

fn is_plain_text(bytes: &[u8]) -> bool {
    std::str::from_utf8(bytes).is_ok_and(|text| {
        text.chars()
            .all(|c| !c.is_control() || matches!(c, '\n' | '\r' | '\t'))
    })
}

/// A name safe for any file system and for a `Content-Disposition` header: no path parts,
/// reserved names or control characters, at most 255 characters.
pub fn clean_file_name(raw: &str) -> String {
    let base = raw.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = sanitize_filename::sanitize(base)
        .chars()
        .filter(|c| !c.is_control() && *c != '"')
        .take(FILE_NAME_MAX_CHARS)
        .collect();
    let cleaned = cleaned.trim().trim_start_matches('.').to_owned();
    if cleaned.is_empty() {
        "attachment".to_owned()
    } else {
        cleaned
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0";

    #[test]
    fn recognises_types_from_bytes_not_names() {
        assert_eq!(
            classify("f", AttachmentKind::File, PNG).expect("png"),
            "image/png"
        );
        assert_eq!(
            classify("f", AttachmentKind::File, b"%PDF-1.7\n...").expect("pdf"),
            "application/pdf"
        );
        assert_eq!(
            classify(
                "f",
                AttachmentKind::File,
                "line one\nzwei drei\n".as_bytes()
            )
            .expect("text"),
            "text/plain; charset=utf-8"
        );
    }

    #[test]
    fn refuses_executables_html_with_controls_and_non_image_screenshots() {
        assert!(classify("f", AttachmentKind::File, b"MZ\x90\0\x03\0\0\0\x04\0").is_err());
        assert!(classify("f", AttachmentKind::File, b"\x7fELF\x02\x01\x01\0").is_err());
        assert!(classify("f", AttachmentKind::File, b"bin\0ary").is_err());
        assert!(classify("f", AttachmentKind::File, b"").is_err());
        assert!(classify("s", AttachmentKind::Screenshot, b"%PDF-1.7\n").is_err());
        assert!(classify("s", AttachmentKind::Screenshot, PNG).is_ok());
    }

    #[test]
    fn file_names_lose_paths_and_dangerous_characters() {
        assert_eq!(clean_file_name("../../etc/passwd"), "passwd");
        assert_eq!(clean_file_name("C:\\Users\\me\\report.pdf"), "report.pdf");
        assert_eq!(clean_file_name("in\"voice\r\n.pdf"), "invoice.pdf");
        assert_eq!(clean_file_name(".."), "attachment");
        assert_eq!(clean_file_name(&"a".repeat(400)).chars().count(), 255);
    }
}
