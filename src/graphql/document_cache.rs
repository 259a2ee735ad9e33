//! Parsed and checked documents by their text. SPAs send the same few queries over and over;
//! parsing (a recursive-descent pest parser) and the armor's walk are then the same work
//! each time, so a bounded LRU keeps their result. Only documents that passed are kept, and
//! only small ones, so a client sending endless distinct or huge queries costs the cache
//! nothing but evictions. Each entry also remembers whether its text has passed
//! async-graphql's full validation ([`Validated`]), which then need not run again.

use std::num::NonZeroUsize;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use async_graphql::parser::types::ExecutableDocument;
use lru::LruCache;

/// Longest query text worth keeping; what clients repeat is far shorter.
const MAX_CACHED_QUERY_BYTES: usize = 16 * 1024;

struct Entry {
    document: ExecutableDocument,
    validated: Validated,
}

type Documents = LruCache<Box<str>, Entry>;

/// Whether one cached text passed every validation rule of its schema. The rules that
/// depend on nothing but the text and the schema give the same answer every time, so once
/// set the mark stays for as long as the entry does.
#[derive(Clone, Default)]
pub struct Validated(Arc<AtomicBool>);

impl Validated {
    pub fn is_set(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }

    pub fn set(&self) {
        self.0.store(true, Ordering::Relaxed);
    }
}

/// Shared by every request to one schema; cloning shares the same cache.
#[derive(Clone)]
pub struct DocumentCache(Option<Arc<Mutex<Documents>>>);

impl DocumentCache {
    /// Holds up to `capacity` documents; 0 turns the cache off.
    pub fn new(capacity: usize) -> Self {
        Self(
            NonZeroUsize::new(capacity)
                .map(|capacity| Arc::new(Mutex::new(LruCache::new(capacity)))),
        )
    }

    pub fn get(&self, query: &str) -> Option<(ExecutableDocument, Validated)> {
        let cache = self.0.as_ref()?;
        let mut cache = cache.lock().ok()?;
        cache
            .get(query)
            .map(|entry| (entry.document.clone(), entry.validated.clone()))
    }

    /// Keeps `document` under its text; the mark returned is the entry's (`None` when the
    /// text is not kept).
    pub fn insert(&self, query: &str, document: &ExecutableDocument) -> Option<Validated> {
        if query.len() > MAX_CACHED_QUERY_BYTES {
            return None;
        }
        let mut cache = self.0.as_ref()?.lock().ok()?;
        let validated = Validated::default();
        cache.put(
            query.into(),
            Entry {
                document: document.clone(),
                validated: validated.clone(),
            },
        );
        Some(validated)
    }
}
