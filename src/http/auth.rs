//! Turning a request's credentials into a [`Viewer`].

use std::net::{IpAddr, SocketAddr};

use axum::http::HeaderMap;
use axum::http::header::{AUTHORIZATION, ORIGIN};

use crate::app::AppState;
use crate::auth::Viewer;
use crate::config::ServerConfig;
use crate::http::cookies;

/// Where a request's access token came from: cookies need origin checks (CSRF), bearer
/// tokens do not.
enum Credential {
    Bearer(String),
    Cookie(String),
    None,
}

pub fn bearer(value: &str) -> Option<String> {
    let (scheme, token) = value.trim().split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim().to_owned())
        .filter(|token| !token.is_empty())
}

fn credential(headers: &HeaderMap) -> Credential {
    if let Some(token) = headers
        .get(AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(bearer)
    {
        return Credential::Bearer(token);
    }
    match cookies::access_token(headers) {
        Some(token) => Credential::Cookie(token),
        None => Credential::None,
    }
}

/// A token that is malformed, expired, revoked or whose user is inactive yields an anonymous
/// viewer; operations that need a user then answer UNAUTHENTICATED.
pub async fn viewer_for_token(state: &AppState, token: &str) -> anyhow::Result<Viewer> {
    let Some(claims) = state.jwt.verify(token) else {
        return Ok(Viewer::Anonymous);
    };
    let principal = state.principals.resolve(&state.pool, claims.sid).await?;
    Ok(match principal {
        Some(principal) if principal.user_id == claims.sub => Viewer::User(principal),
        _ => Viewer::Anonymous,
    })
}

/// Why a request's credentials give no viewer.
pub enum ViewerError {
    /// A cookie-authenticated request from an origin that may not use the cookie (CSRF).
    ForeignOrigin,
    Internal(anyhow::Error),
}

/// The caller of an HTTP request: the bearer token, else the access cookie when the request's
/// origin may use it, else anonymous.
pub async fn request_viewer(state: &AppState, headers: &HeaderMap) -> Result<Viewer, ViewerError> {
    let token = match credential(headers) {
        Credential::Bearer(token) => token,
        Credential::Cookie(token) if origin_allowed(&state.config, headers) => token,
        Credential::Cookie(_) => return Err(ViewerError::ForeignOrigin),
        Credential::None => return Ok(Viewer::Anonymous),
    };
    viewer_for_token(state, &token)
        .await
        .map_err(ViewerError::Internal)
}

/// Requests without an `Origin` header do not come from a browser page and are allowed.
pub fn origin_allowed(config: &ServerConfig, headers: &HeaderMap) -> bool {
    match headers.get(ORIGIN).and_then(|value| value.to_str().ok()) {
        None => true,
        Some(origin) => config
            .allowed_origins
            .iter()
            .any(|allowed| allowed.trim_end_matches('/').eq_ignore_ascii_case(origin)),
    }
}

pub fn client_ip(config: &ServerConfig, headers: &HeaderMap, peer: SocketAddr) -> IpAddr {
    if config.trust_forwarded_for
        && let Some(ip) = headers
            .get("x-forwarded-for")
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.split(',').next())
            .and_then(|first| first.trim().parse().ok())
    {
        return ip;
    }
    peer.ip()
}
