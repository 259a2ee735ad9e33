//! The small HTML pages that links in emails answer (rating, unsubscribe).

use axum::http::StatusCode;
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};

/// A page around `body`, which must be our own markup: callers never put a caller's text in it.
pub fn html(status: StatusCode, title: &str, body: &str) -> Response {
    let body = format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title}</title></head>\
         <body style=\"font-family: sans-serif; max-width: 640px;\">{body}</body></html>"
    );
    (
        status,
        [
            (CONTENT_TYPE, "text/html; charset=utf-8"),
            (CACHE_CONTROL, "no-store"),
        ],
        body,
    )
        .into_response()
}

/// A headline and a sentence.
pub fn message(status: StatusCode, headline: &str, text: &str) -> Response {
    html(
        status,
        headline,
        &format!("<h2>{headline}</h2><p>{text}</p>"),
    )
}
