//! Per-instance cache of session principals. Role changes, deactivation and logout NOTIFY
//! every instance (see `events::listener`), which evicts the affected entries, so a demoted
//! user loses rights on their very next request without a database read on every request.

use std::collections::HashMap;
use std::sync::RwLock;
use std::sync::atomic::{AtomicU64, Ordering};

use chrono::Utc;
use uuid::Uuid;

use crate::auth::Principal;
use crate::db::DbPool;
use crate::db::models::session::{self, SessionPrincipal};

/// Bound on cached sessions; past it the cache starts over rather than grow without limit.
const MAX_ENTRIES: usize = 100_000;

pub const AUTH_CHANNEL: &str = "deskql_auth";

#[derive(Default)]
pub struct PrincipalCache {
    entries: RwLock<HashMap<Uuid, SessionPrincipal>>,
    /// Bumped on every invalidation; a load that started before a bump is not cached, so a
    /// read racing a demotion cannot re-insert the old role.
    generation: AtomicU64,
}

/// What a NOTIFY on [`AUTH_CHANNEL`] carries.
pub enum Invalidation {
    User(Uuid),
    Session(Uuid),
}

impl Invalidation {
    pub fn payload(&self) -> String {
        match self {
            Invalidation::User(id) => format!("user:{id}"),
            Invalidation::Session(id) => format!("session:{id}"),
        }
    }

    pub fn parse(payload: &str) -> Option<Self> {
        let (kind, id) = payload.split_once(':')?;
        let id = id.parse().ok()?;
        match kind {
            "user" => Some(Invalidation::User(id)),
            "session" => Some(Invalidation::Session(id)),
            _ => None,
        }
    }
}

impl PrincipalCache {
    /// The principal behind `session_id` if the session is live and its user active.
    pub async fn resolve(
        &self,
        pool: &DbPool,
        session_id: Uuid,
    ) -> anyhow::Result<Option<Principal>> {
        let cached = self
            .entries
            .read()
            .map_err(|_| anyhow::anyhow!("principal cache poisoned"))?
            .get(&session_id)
            .cloned();
        let entry = match cached {
            Some(entry) => Some(entry),
            None => {
                let generation = self.generation.load(Ordering::Acquire);
                let mut conn = pool.get().await?;
                let loaded = session::principal(&mut conn, session_id).await?;
                if let Some(entry) = &loaded {
                    let mut entries = self
                        .entries
                        .write()
                        .map_err(|_| anyhow::anyhow!("principal cache poisoned"))?;
                    if self.generation.load(Ordering::Acquire) == generation {
                        if entries.len() >= MAX_ENTRIES {
                            entries.clear();
                        }
                        entries.insert(session_id, entry.clone());
                    }
                }
                loaded
            }
        };
        Ok(entry.and_then(|entry| {
            let live = entry.active && entry.revoked_at.is_none() && entry.expires_at > Utc::now();
            live.then_some(Principal {
                user_id: entry.user_id,
                session_id: entry.session_id,
                role: entry.role,
                token_scope: entry.token_scope,
            })
        }))
    }

    pub fn invalidate(&self, invalidation: &Invalidation) {
        self.generation.fetch_add(1, Ordering::AcqRel);
        if let Ok(mut entries) = self.entries.write() {
            match invalidation {
                Invalidation::Session(id) => {
                    entries.remove(id);
                }
                Invalidation::User(id) => entries.retain(|_, entry| entry.user_id != *id),
            }
        }
    }

    /// Forget everything: used when the LISTEN connection was lost and notifications may
    /// have been missed.
    pub fn clear(&self) {
        self.generation.fetch_add(1, Ordering::AcqRel);
        if let Ok(mut entries) = self.entries.write() {
            entries.clear();
        }
    }
}
