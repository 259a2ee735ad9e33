//! Parsed and checked documents by their text. SPAs send the same few queries over and over;
//! parsing (a recursive-descent pest parser) and the armor's walk are then the same work
//! each time, so a bounded LRU keeps their result. Only documents that passed are kept, and
//! only small ones, so a client sending endless distinct or huge queries costs the cache
//! nothing but evictions.

use std::num::NonZeroUsize;
use std::sync::{Arc, Mutex};

use async_graphql::parser::types::ExecutableDocument;
use lru::LruCache;

/// Longest query text worth keeping; what clients repeat is far shorter.
const MAX_CACHED_QUERY_BYTES: usize = 16 * 1024;

type Documents = LruCache<Box<str>, ExecutableDocument>;

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

    pub fn get(&self, query: &str) -> Option<ExecutableDocument> {
        let cache = self.0.as_ref()?;
        let mut cache = cache.lock().ok()?;
        cache.get(query).cloned()
    }

    pub fn insert(&self, query: &str, document: &ExecutableDocument) {
        if query.len() > MAX_CACHED_QUERY_BYTES {
            return;
        }
        if let Some(mut cache) = self.0.as_ref().and_then(|cache| cache.lock().ok()) {
            cache.put(query.into(), document.clone());
        }
    }
}
