//! The GraphQL API: schema, types, guards, loaders and the mapping of errors to codes.

pub mod armor;
pub mod context;
pub mod error;
pub mod executor;
pub mod guards;
pub mod loaders;
pub mod mutation;
mod operation_metrics;
pub mod query;
pub mod subscription;
mod token_scope;
pub mod types;
pub mod uploads;

use async_graphql::Schema;

use crate::graphql::armor::Armor;
use crate::graphql::mutation::Mutation;
use crate::graphql::operation_metrics::OperationMetrics;
use crate::graphql::query::Query;
use crate::graphql::subscription::Subscription;
use crate::graphql::token_scope::TokenScopeGate;

pub type DeskSchema = Schema<Query, Mutation, Subscription>;

pub use armor::MAX_DEPTH;
pub const MAX_COMPLEXITY: usize = 10_000;

/// The schema in its two faces: with introspection, and without it (nor "did you mean"
/// suggestions, which leak field names just the same). The caller's rights pick one.
#[derive(Clone)]
pub struct Schemas {
    pub open: DeskSchema,
    pub closed: DeskSchema,
}

impl Schemas {
    pub fn build() -> Self {
        Self {
            open: schema_builder(true).finish(),
            closed: schema_builder(false)
                .disable_introspection()
                .disable_suggestions()
                .finish(),
        }
    }

    pub fn pick(&self, introspection: bool) -> &DeskSchema {
        if introspection {
            &self.open
        } else {
            &self.closed
        }
    }
}

fn schema_builder(
    introspection: bool,
) -> async_graphql::SchemaBuilder<Query, Mutation, Subscription> {
    // Depth is limited by `Armor` (which exempts introspection), not by async-graphql.
    Schema::build(Query::default(), Mutation::default(), Subscription)
        .limit_complexity(MAX_COMPLEXITY)
        // Before the armor, whose parse is the innermost step.
        .extension(OperationMetrics)
        .extension(TokenScopeGate)
        .extension(Armor { introspection })
}

/// The SDL committed as `schema.graphql`.
pub fn sdl() -> String {
    schema_builder(true).finish().sdl()
}
