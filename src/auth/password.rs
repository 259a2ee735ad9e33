use std::sync::LazyLock;

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use tokio::sync::Semaphore;

/// Argon2id with m = 19 MiB, t = 2, p = 1 (OWASP's recommended minimum).
fn hasher() -> Argon2<'static> {
    let params = Params::new(19 * 1024, 2, 1, None).expect("constant Argon2 parameters are valid");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// Verified against when the email is unknown, so both failures cost the same time.
static DUMMY_HASH: LazyLock<String> =
    LazyLock::new(|| hash_blocking("deskql-dummy-password").unwrap_or_default());

fn hash_blocking(password: &str) -> anyhow::Result<String> {
    let salt = SaltString::generate(&mut OsRng);
    hasher()
        .hash_password(password.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|err| anyhow::anyhow!("password hashing failed: {err}"))
}

fn verify_blocking(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash)
        .map(|parsed| {
            hasher()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
        .unwrap_or(false)
}

/// Hashing takes tens of milliseconds of CPU and 19 MiB: it runs off the async workers, and
/// at most as many at once as `slots` has permits (the rest wait their turn).
pub async fn hash(slots: &Semaphore, password: String) -> anyhow::Result<String> {
    let _slot = slots.acquire().await?;
    tokio::task::spawn_blocking(move || hash_blocking(&password)).await?
}

/// Checks `password` against `hash`, or against a dummy hash when there is none (in a slot,
/// as [`hash`]).
pub async fn verify(
    slots: &Semaphore,
    password: String,
    hash: Option<String>,
) -> anyhow::Result<bool> {
    let _slot = slots.acquire().await?;
    Ok(tokio::task::spawn_blocking(move || match hash {
        Some(hash) => verify_blocking(&password, &hash),
        None => {
            verify_blocking(&password, &DUMMY_HASH);
            false
        }
    })
    .await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn round_trips_and_rejects_wrong_password() {
        let slots = Semaphore::new(1);
        let hash = hash(&slots, "correct horse".into()).await.expect("hash");
        assert!(hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
        assert!(
            verify(&slots, "correct horse".into(), Some(hash.clone()))
                .await
                .expect("verify")
        );
        assert!(
            !verify(&slots, "wrong horse".into(), Some(hash))
                .await
                .expect("verify")
        );
        assert!(
            !verify(&slots, "anything".into(), None)
                .await
                .expect("verify")
        );
    }
}
