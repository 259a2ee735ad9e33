//! Read-only API tokens run queries and subscriptions, never mutations: the whole document is
//! refused before validation when it holds one.

use async_graphql::ServerResult;
use async_graphql::parser::types::{ExecutableDocument, OperationType};

use crate::graphql::error::{code, coded_error};
use crate::services::RequestContext;

pub fn check(document: &ExecutableDocument, context: &RequestContext) -> ServerResult<()> {
    let read_only = context
        .viewer
        .principal()
        .is_ok_and(|principal| principal.read_only());
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
    Ok(())
}
