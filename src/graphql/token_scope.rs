//! Read-only API tokens run queries and subscriptions, never mutations: the whole document is
//! refused before validation when it holds one.

use std::sync::Arc;

use async_graphql::extensions::{Extension, ExtensionContext, ExtensionFactory, NextParseQuery};
use async_graphql::parser::types::{ExecutableDocument, OperationType};
use async_graphql::{ServerResult, Variables};

use crate::graphql::error::{code, coded_error};
use crate::services::RequestContext;

pub struct TokenScopeGate;

impl ExtensionFactory for TokenScopeGate {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(TokenScopeGate)
    }
}

#[async_graphql::async_trait::async_trait]
impl Extension for TokenScopeGate {
    async fn parse_query(
        &self,
        ctx: &ExtensionContext<'_>,
        query: &str,
        variables: &Variables,
        next: NextParseQuery<'_>,
    ) -> ServerResult<ExecutableDocument> {
        let document = next.run(ctx, query, variables).await?;
        let read_only = ctx
            .data_opt::<RequestContext>()
            .and_then(|request| request.viewer.principal().ok())
            .is_some_and(|principal| principal.read_only());
        let mutates = document
            .operations
            .iter()
            .any(|(_, operation)| operation.node.ty == OperationType::Mutation);
        if read_only && mutates {
            return Err(coded_error(
                code::FORBIDDEN,
                "this API token is read-only: it cannot run mutations",
            ));
        }
        Ok(document)
    }
}
