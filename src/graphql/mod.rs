//! The GraphQL API: schema, types, guards, loaders and the mapping of errors to codes.

pub mod armor;
pub mod context;
mod document_cache;
pub mod endpoint;
pub mod error;
pub mod executor;
pub mod guards;
pub mod loaders;
pub mod mutation;
mod operation_metrics;
mod plain_fields;
pub mod query;
pub mod subscription;
mod token_scope;
pub mod types;
pub mod uploads;
mod variable_check;

use async_graphql::{Schema, ValidationMode};

use crate::graphql::armor::Armor;
use crate::graphql::document_cache::DocumentCache;
use crate::graphql::endpoint::Endpoint;
use crate::graphql::mutation::Mutation;
use crate::graphql::query::Query;
use crate::graphql::subscription::Subscription;

pub type DeskSchema = Schema<Query, Mutation, Subscription>;

pub use armor::MAX_DEPTH;
pub const MAX_COMPLEXITY: usize = 10_000;

/// The schema in its two faces: with introspection, and without it (nor "did you mean"
/// suggestions, which leak field names just the same). The caller's rights pick one.
#[derive(Clone)]
pub struct Schemas {
    pub open: Endpoint,
    pub closed: Endpoint,
}

impl Schemas {
    /// Each face keeps up to `cached_documents` parsed documents (0: none).
    pub fn build(cached_documents: usize) -> Self {
        let schema = |introspection: bool, validation: ValidationMode| {
            let builder = schema_builder().validation_mode(validation);
            if introspection {
                builder.finish()
            } else {
                builder
                    .disable_introspection()
                    .disable_suggestions()
                    .finish()
            }
        };
        let face = |introspection: bool| {
            Endpoint::new(
                schema(introspection, ValidationMode::Strict),
                schema(introspection, ValidationMode::Fast),
                Armor {
                    introspection,
                    documents: DocumentCache::new(cached_documents),
                },
            )
        };
        Self {
            open: face(true),
            closed: face(false),
        }
    }

    pub fn pick(&self, introspection: bool) -> &Endpoint {
        if introspection {
            &self.open
        } else {
            &self.closed
        }
    }
}

fn schema_builder() -> async_graphql::SchemaBuilder<Query, Mutation, Subscription> {
    // Depth is limited by the armor (which exempts introspection), not by async-graphql; the
    // armor and the rest of the gate run in `Endpoint`, not as extensions.
    Schema::build(Query::default(), Mutation::default(), Subscription)
        .limit_complexity(MAX_COMPLEXITY)
}

/// The SDL committed as `schema.graphql`.
pub fn sdl() -> String {
    schema_builder().finish().sdl()
}
