//! The GraphQL API: schema, types, guards, loaders and the mapping of errors to codes.

pub mod context;
pub mod error;
pub mod guards;
pub mod loaders;
pub mod mutation;
pub mod query;
pub mod subscription;
pub mod types;
pub mod uploads;

use async_graphql::Schema;

use crate::graphql::mutation::Mutation;
use crate::graphql::query::Query;
use crate::graphql::subscription::Subscription;

pub type DeskSchema = Schema<Query, Mutation, Subscription>;

pub const MAX_DEPTH: usize = 10;
pub const MAX_COMPLEXITY: usize = 10_000;

pub fn build_schema() -> DeskSchema {
    Schema::build(Query::default(), Mutation::default(), Subscription)
        .limit_depth(MAX_DEPTH)
        .limit_complexity(MAX_COMPLEXITY)
        .finish()
}

/// The SDL committed as `schema.graphql`.
pub fn sdl() -> String {
    build_schema().sdl()
}
