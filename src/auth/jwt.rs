use std::num::NonZeroUsize;
use std::sync::Mutex;
use std::time::Duration;

use chrono::Utc;
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use lru::LruCache;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// Seconds an access token is still honoured past its expiry (clock skew between instances).
const ACCESS_LEEWAY_SECS: i64 = 5;
/// Access tokens remembered once their signature checked out. A client sends the same token
/// with every request until it refreshes it, and checking the signature again (decoding the
/// header and claims, an HMAC) was a sixth of a small query's work.
const VERIFIED_TOKENS: NonZeroUsize = NonZeroUsize::new(4096).expect("non-zero");

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AccessClaims {
    pub sub: Uuid,
    /// The session (refresh-token family) the token belongs to; revoking it ends the token.
    pub sid: Uuid,
    pub iat: i64,
    pub exp: i64,
}

/// A one-click satisfaction link: it rates one resolution of one ticket and nothing else
/// (its own audience, so it is never an access token, nor an access token one of these).
#[derive(Debug, Serialize, Deserialize)]
struct RatingClaims {
    /// The ticket.
    sub: Uuid,
    /// The resolution rated: the ticket's `resolved_at`, in microseconds.
    res: i64,
    aud: String,
    exp: i64,
}

const RATING_AUDIENCE: &str = "deskql:rating";

/// A one-click unsubscribe link (`List-Unsubscribe`): it switches off one kind of email for
/// one address and does nothing else.
#[derive(Debug, Serialize, Deserialize)]
struct UnsubscribeClaims {
    /// The address.
    sub: String,
    /// The email kind.
    kind: String,
    aud: String,
    exp: i64,
}

const UNSUBSCRIBE_AUDIENCE: &str = "deskql:unsubscribe";
/// Mail clients may offer the link long after the email arrived.
const UNSUBSCRIBE_LINK_TTL: chrono::TimeDelta = chrono::TimeDelta::days(365);
/// How long the links in a resolution email keep working.
pub const RATING_LINK_TTL: chrono::TimeDelta = chrono::TimeDelta::days(30);

pub struct JwtKeys {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
    rating_validation: Validation,
    unsubscribe_validation: Validation,
    ttl: Duration,
    /// Tokens whose signature verified, by their exact text; their expiry is still checked
    /// on every use, and revocation is the session check's, after this.
    verified: Mutex<LruCache<Box<str>, AccessClaims>>,
}

impl JwtKeys {
    pub fn new(secret: &[u8], ttl: Duration) -> Self {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.leeway = ACCESS_LEEWAY_SECS.unsigned_abs();
        validation.set_required_spec_claims(&["exp", "sub"]);
        let mut rating_validation = Validation::new(Algorithm::HS256);
        rating_validation.set_required_spec_claims(&["exp", "sub", "aud"]);
        rating_validation.set_audience(&[RATING_AUDIENCE]);
        let mut unsubscribe_validation = Validation::new(Algorithm::HS256);
        unsubscribe_validation.set_required_spec_claims(&["exp", "sub", "aud"]);
        unsubscribe_validation.set_audience(&[UNSUBSCRIBE_AUDIENCE]);
        Self {
            encoding: EncodingKey::from_secret(secret),
            decoding: DecodingKey::from_secret(secret),
            validation,
            rating_validation,
            unsubscribe_validation,
            ttl,
            verified: Mutex::new(LruCache::new(VERIFIED_TOKENS)),
        }
    }

    /// A signed link token that switches off `kind` emails to `email`.
    pub fn issue_unsubscribe(&self, email: &str, kind: &str) -> anyhow::Result<String> {
        let claims = UnsubscribeClaims {
            sub: email.to_owned(),
            kind: kind.to_owned(),
            aud: UNSUBSCRIBE_AUDIENCE.to_owned(),
            exp: (Utc::now() + UNSUBSCRIBE_LINK_TTL).timestamp(),
        };
        Ok(jsonwebtoken::encode(
            &Header::new(Algorithm::HS256),
            &claims,
            &self.encoding,
        )?)
    }

    /// The address and email kind a well-signed, unexpired unsubscribe link names.
    pub fn verify_unsubscribe(&self, token: &str) -> Option<(String, String)> {
        jsonwebtoken::decode::<UnsubscribeClaims>(
            token,
            &self.decoding,
            &self.unsubscribe_validation,
        )
        .ok()
        .map(|data| (data.claims.sub, data.claims.kind))
    }

    /// A signed link token that rates the resolution of `ticket_id` at `resolved_at`.
    pub fn issue_rating(
        &self,
        ticket_id: Uuid,
        resolved_at: chrono::DateTime<Utc>,
    ) -> anyhow::Result<String> {
        let claims = RatingClaims {
            sub: ticket_id,
            res: resolved_at.timestamp_micros(),
            aud: RATING_AUDIENCE.to_owned(),
            exp: (Utc::now() + RATING_LINK_TTL).timestamp(),
        };
        Ok(jsonwebtoken::encode(
            &Header::new(Algorithm::HS256),
            &claims,
            &self.encoding,
        )?)
    }

    /// The ticket and resolution (in microseconds) a well-signed, unexpired rating link
    /// names.
    pub fn verify_rating(&self, token: &str) -> Option<(Uuid, i64)> {
        jsonwebtoken::decode::<RatingClaims>(token, &self.decoding, &self.rating_validation)
            .ok()
            .map(|data| (data.claims.sub, data.claims.res))
    }

    pub fn ttl(&self) -> Duration {
        self.ttl
    }

    pub fn issue(&self, user_id: Uuid, session_id: Uuid) -> anyhow::Result<String> {
        let now = Utc::now().timestamp();
        let claims = AccessClaims {
            sub: user_id,
            sid: session_id,
            iat: now,
            exp: now + self.ttl.as_secs() as i64,
        };
        Ok(jsonwebtoken::encode(
            &Header::new(Algorithm::HS256),
            &claims,
            &self.encoding,
        )?)
    }

    /// The claims of a well-signed, unexpired token.
    pub fn verify(&self, token: &str) -> Option<AccessClaims> {
        self.verify_at(token, Utc::now().timestamp())
    }

    fn verify_at(&self, token: &str, now: i64) -> Option<AccessClaims> {
        let remembered = self
            .verified
            .lock()
            .ok()
            .and_then(|mut verified| verified.get(token).cloned());
        if let Some(claims) = remembered {
            return (claims.exp >= now - ACCESS_LEEWAY_SECS).then_some(claims);
        }
        let claims = jsonwebtoken::decode::<AccessClaims>(token, &self.decoding, &self.validation)
            .ok()?
            .claims;
        if let Ok(mut verified) = self.verified.lock() {
            verified.put(token.into(), claims.clone());
        }
        Some(claims)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issued_tokens_verify_and_foreign_ones_do_not() {
        let keys = JwtKeys::new(b"0123456789abcdef0123456789abcdef", Duration::from_secs(60));
        let other = JwtKeys::new(b"fedcba9876543210fedcba9876543210", Duration::from_secs(60));
        let (user, session) = (Uuid::now_v7(), Uuid::now_v7());
        let token = keys.issue(user, session).expect("issue");
        let claims = keys.verify(&token).expect("valid");
        assert_eq!((claims.sub, claims.sid), (user, session));
        assert!(other.verify(&token).is_none());
        assert!(keys.verify("not.a.token").is_none());
        // Each kind of token is good for its own purpose only.
        assert!(keys.verify_rating(&token).is_none());
        let resolved = Utc::now();
        let rating = keys.issue_rating(user, resolved).expect("issue");
        assert_eq!(
            keys.verify_rating(&rating),
            Some((user, resolved.timestamp_micros()))
        );
        assert!(keys.verify(&rating).is_none());
    }

    #[test]
    fn a_remembered_token_still_expires() {
        let keys = JwtKeys::new(b"0123456789abcdef0123456789abcdef", Duration::from_secs(60));
        let token = keys.issue(Uuid::now_v7(), Uuid::now_v7()).expect("issue");
        let claims = keys.verify(&token).expect("valid");
        assert!(keys.verify(&token).is_some(), "remembered");
        assert!(
            keys.verify_at(&token, claims.exp + ACCESS_LEEWAY_SECS)
                .is_some()
        );
        assert!(
            keys.verify_at(&token, claims.exp + ACCESS_LEEWAY_SECS + 1)
                .is_none()
        );
        // A token that differs by one character is checked afresh, and refused.
        let mut forged = token.clone();
        let last = forged.pop().expect("non-empty");
        forged.push(if last == 'A' { 'B' } else { 'A' });
        assert!(keys.verify(&forged).is_none());
    }
}
