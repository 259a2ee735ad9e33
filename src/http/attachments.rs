//! `GET /attachments/{id}`: downloads for whoever may see the ticket (signed in by bearer
//! token or cookie, or a guest with `?tracking_token=`). Files are always served as
//! downloads with sniffing off, so an uploaded file can never run as a page of this origin.

use axum::body::Body;
use axum::extract::{Path, Query, State};
use axum::http::header::{
    CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_LENGTH, CONTENT_SECURITY_POLICY, CONTENT_TYPE,
    X_CONTENT_TYPE_OPTIONS,
};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use crate::auth::Viewer;
use crate::domain::DomainError;
use crate::http::HttpState;
use crate::http::auth::{ViewerError, request_viewer};
use crate::services::RequestContext;
use crate::services::attachments::{self, Downloader};

#[derive(Deserialize)]
pub struct DownloadParams {
    tracking_token: Option<String>,
}

fn plain(status: StatusCode, message: &str) -> Response {
    (
        status,
        [(CONTENT_TYPE, "text/plain; charset=utf-8")],
        message.to_owned(),
    )
        .into_response()
}

pub async fn download(
    State(state): State<HttpState>,
    Path(id): Path<String>,
    Query(params): Query<DownloadParams>,
    headers: HeaderMap,
) -> Response {
    let app = &state.app;
    let Ok(id) = id.parse() else {
        return plain(StatusCode::NOT_FOUND, "attachment not found");
    };
    let viewer = match request_viewer(app, &headers).await {
        Ok(viewer) => viewer,
        // A foreign page cannot use the cookie; it downloads as nobody (and finds nothing).
        Err(ViewerError::ForeignOrigin) => Viewer::Anonymous,
        Err(ViewerError::Internal(err)) => {
            tracing::error!(error = ?err, "cannot resolve the caller's session");
            return plain(StatusCode::INTERNAL_SERVER_ERROR, "internal server error");
        }
    };
    let ctx = RequestContext {
        state: app.clone(),
        viewer,
        client_ip: None,
        request_id: None,
    };
    let downloader = match (&params.tracking_token, &viewer) {
        (Some(token), Viewer::Anonymous) => Downloader::Guest { token },
        _ => Downloader::Viewer(&viewer),
    };
    match attachments::open(&ctx, downloader, id).await {
        Ok((attachment, bytes)) => {
            let mut response = Body::from_stream(bytes).into_response();
            let headers = response.headers_mut();
            let content_type = HeaderValue::from_str(&attachment.content_type)
                .unwrap_or(HeaderValue::from_static("application/octet-stream"));
            headers.insert(CONTENT_TYPE, content_type);
            headers.insert(CONTENT_LENGTH, HeaderValue::from(attachment.size_bytes));
            if let Ok(disposition) = HeaderValue::from_str(&disposition(&attachment.file_name)) {
                headers.insert(CONTENT_DISPOSITION, disposition);
            }
            headers.insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
            headers.insert(
                CONTENT_SECURITY_POLICY,
                HeaderValue::from_static("default-src 'none'; sandbox"),
            );
            headers.insert(CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
            response
        }
        Err(DomainError::NotFound(_)) => plain(StatusCode::NOT_FOUND, "attachment not found"),
        Err(err) => {
            tracing::error!(error = ?err, "attachment download failed");
            plain(StatusCode::INTERNAL_SERVER_ERROR, "internal server error")
        }
    }
}

/// `attachment; filename="report.pdf"; filename*=UTF-8''report.pdf`: an ASCII fallback for
/// old clients and the exact (percent-encoded) name for the rest.
fn disposition(file_name: &str) -> String {
    let ascii: String = file_name
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() || c == ' ' {
                c
            } else {
                '_'
            }
        })
        .filter(|c| *c != '"' && *c != '\\')
        .collect();
    let encoded: String = file_name
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")
}

#[cfg(test)]
mod tests {
    use super::disposition;

    #[test]
    fn dispositions_quote_safely() {
        assert_eq!(
            disposition("report 1.pdf"),
            "attachment; filename=\"report 1.pdf\"; filename*=UTF-8''report%201.pdf"
        );
        assert_eq!(
            disposition("café.txt"),
            "attachment; filename=\"caf_.txt\"; filename*=UTF-8''caf%C3%A9.txt"
        );
    }
}
