//! Turning a request's credentials into a [`Viewer`].

use std::net::{IpAddr, Ipv6Addr, SocketAddr};

use axum::http::HeaderMap;
use axum::http::header::{AUTHORIZATION, HOST, ORIGIN};

use crate::app::AppState;
use crate::auth::Viewer;
use crate::auth::cookies;
use crate::config::ServerConfig;
use crate::services::api_tokens;

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

pub fn has_bearer(headers: &HeaderMap) -> bool {
    matches!(credential(headers), Credential::Bearer(_))
}

pub fn has_cookie(headers: &HeaderMap) -> bool {
    cookies::access_token(headers).is_some()
}

/// A token that is malformed, expired, revoked or whose user is inactive yields an anonymous
/// viewer; operations that need a user then answer UNAUTHENTICATED.
pub async fn viewer_for_token(state: &AppState, token: &str) -> anyhow::Result<Viewer> {
    if token.starts_with(api_tokens::TOKEN_PREFIX) {
        let Some(session_id) = api_tokens::session_for(state, token).await? else {
            return Ok(Viewer::Anonymous);
        };
        let principal = state.principals.resolve(&state.pool, session_id).await?;
        return Ok(principal.map_or(Viewer::Anonymous, Viewer::User));
    }
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

/// Requests without an `Origin` header do not come from a browser page and are allowed, and
/// so are pages served by deskql itself (GraphiQL): their origin is the host they asked.
pub fn origin_allowed(config: &ServerConfig, headers: &HeaderMap) -> bool {
    let Some(origin) = headers.get(ORIGIN).and_then(|value| value.to_str().ok()) else {
        return true;
    };
    let same_origin = headers
        .get(HOST)
        .and_then(|host| host.to_str().ok())
        .zip(origin.split_once("://").map(|(_, authority)| authority))
        .is_some_and(|(host, authority)| host.eq_ignore_ascii_case(authority));
    same_origin
        || config
            .allowed_origins
            .iter()
            .any(|allowed| allowed.trim_end_matches('/').eq_ignore_ascii_case(origin))
}

/// The client's address as limits count it. Behind trusted proxies
/// (`DESKQL_TRUST_FORWARDED_FOR`), `X-Forwarded-For` is walked from the right, past every
/// trusted hop, to the first address a trusted proxy vouched for: entries to its left were
/// written by the client and prove nothing. IPv6 clients are counted per /64, the block one
/// subscriber usually holds.
pub fn client_ip(config: &ServerConfig, headers: &HeaderMap, peer: SocketAddr) -> IpAddr {
    per_subscriber(forwarded_client(config, headers, peer.ip().to_canonical()))
}

fn forwarded_client(config: &ServerConfig, headers: &HeaderMap, peer: IpAddr) -> IpAddr {
    let trusted = |ip: &IpAddr| config.trusted_proxies.iter().any(|net| net.contains(ip));
    if !config.trust_forwarded_for || !trusted(&peer) {
        return peer;
    }
    let hops = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .map(str::trim);
    let mut client = peer;
    for hop in hops.collect::<Vec<_>>().into_iter().rev() {
        let Ok(ip) = hop.parse::<IpAddr>() else {
            // Garbage can only come from the untrusted part: the last vouched-for hop stands.
            return client;
        };
        client = ip.to_canonical();
        if !trusted(&client) {
            return client;
        }
    }
    client
}

fn per_subscriber(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => {
            let prefix = u128::from(v6) & !((1u128 << 64) - 1);
            IpAddr::V6(Ipv6Addr::from(prefix))
        }
        v4 => v4,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(trusted: &str) -> ServerConfig {
        let mut config = ServerConfig::from_env().expect("config");
        config.trust_forwarded_for = true;
        config.trusted_proxies = trusted
            .split(',')
            .map(|n| n.parse().expect("cidr"))
            .collect();
        config
    }

    fn headers(xff: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert("x-forwarded-for", xff.parse().expect("header"));
        headers
    }

    #[test]
    fn the_rightmost_untrusted_hop_is_the_client() {
        let proxy: SocketAddr = "10.0.0.2:443".parse().expect("addr");
        let config = config("10.0.0.0/8");
        let ip = |xff| client_ip(&config, &headers(xff), proxy).to_string();
        assert_eq!(ip("1.1.1.1, 203.0.113.9"), "203.0.113.9");
        assert_eq!(ip("1.1.1.1, 203.0.113.9, 10.0.0.7"), "203.0.113.9");
        assert_eq!(ip("nonsense, 203.0.113.9"), "203.0.113.9");
        assert_eq!(ip("10.0.0.9"), "10.0.0.9");
        assert_eq!(ip("2001:db8:1:2:aaaa::1"), "2001:db8:1:2::");
        // A peer that is not a trusted proxy cannot speak for anyone else.
        let direct: SocketAddr = "198.51.100.4:5000".parse().expect("addr");
        assert_eq!(
            client_ip(&config, &headers("1.1.1.1"), direct).to_string(),
            "198.51.100.4"
        );
    }
}
