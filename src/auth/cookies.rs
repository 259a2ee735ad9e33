//! The access-token cookie: how it is set, cleared and read back from a request.

use axum::http::HeaderMap;
use cookie::{Cookie, SameSite};

use crate::config::ServerConfig;

pub const ACCESS_COOKIE: &str = "deskql_access";

pub fn access_cookie(config: &ServerConfig, token: &str) -> String {
    Cookie::build((ACCESS_COOKIE, token.to_owned()))
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(config.cookie_secure)
        .path("/")
        .max_age(cookie::time::Duration::seconds(
            config.access_token_ttl_secs as i64,
        ))
        .build()
        .to_string()
}

pub fn expired_access_cookie(config: &ServerConfig) -> String {
    Cookie::build((ACCESS_COOKIE, ""))
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(config.cookie_secure)
        .path("/")
        .max_age(cookie::time::Duration::ZERO)
        .build()
        .to_string()
}

/// The access token from the `Cookie` header, if any.
pub fn access_token(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| Cookie::parse(pair.trim().to_owned()).ok())
        .find(|cookie| cookie.name() == ACCESS_COOKIE)
        .map(|cookie| cookie.value().to_owned())
        .filter(|token| !token.is_empty())
}
