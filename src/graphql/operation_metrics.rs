//! Per-operation measurements: a count and a latency by operation type and name, errors by
//! `extensions.code`, and a log line for operations slower than `DESKQL_SLOW_OP_MS` (with
//! the request id and operation name, never the variables).

use std::sync::{Arc, Mutex};
use std::time::Instant;

use async_graphql::extensions::{
    Extension, ExtensionContext, ExtensionFactory, NextExecute, NextParseQuery, NextRequest,
};
use async_graphql::parser::types::{DocumentOperations, ExecutableDocument, OperationType};
use async_graphql::{Response, ServerResult, Variables};

use crate::graphql::error::effective_code;
use crate::services::RequestContext;

pub struct OperationMetrics;

impl ExtensionFactory for OperationMetrics {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(Measured::default())
    }
}

/// What the request turned out to run, filled in as it is parsed and executed.
#[derive(Default)]
struct Measured {
    operation: Mutex<Operation>,
}

#[derive(Default)]
struct Operation {
    /// The document's operations: name and type.
    declared: Vec<(Option<String>, OperationType)>,
    /// The name the request asked to run.
    requested: Option<String>,
}

impl Operation {
    /// The type and (declared) name of the operation that ran.
    fn identify(&self) -> (&'static str, Option<&str>) {
        let chosen = match &self.requested {
            Some(wanted) => self
                .declared
                .iter()
                .find(|(name, _)| name.as_deref() == Some(wanted)),
            None if self.declared.len() == 1 => self.declared.first(),
            None => None,
        };
        match chosen {
            Some((name, kind)) => (kind_label(*kind), name.as_deref()),
            None => ("unknown", None),
        }
    }
}

fn kind_label(kind: OperationType) -> &'static str {
    match kind {
        OperationType::Query => "query",
        OperationType::Mutation => "mutation",
        OperationType::Subscription => "subscription",
    }
}

#[async_graphql::async_trait::async_trait]
impl Extension for Measured {
    async fn request(&self, ctx: &ExtensionContext<'_>, next: NextRequest<'_>) -> Response {
        let started = Instant::now();
        let response = next.run(ctx).await;
        let elapsed = started.elapsed();
        let (kind, name) = match self.operation.lock() {
            Ok(operation) => {
                let (kind, name) = operation.identify();
                (kind, name.map(str::to_owned))
            }
            Err(_) => ("unknown", None),
        };
        let context = ctx.data_opt::<RequestContext>();
        if let Some(context) = context
            && elapsed >= context.state.config.slow_operation()
        {
            tracing::warn!(
                request_id = context.request_id.as_deref().unwrap_or_default(),
                operation = name.as_deref().unwrap_or("anonymous"),
                kind,
                elapsed_ms = elapsed.as_millis() as u64,
                "slow operation"
            );
        }
        if crate::metrics::enabled() {
            for error in &response.errors {
                crate::metrics::error(effective_code(error).to_owned());
            }
            crate::metrics::operation(
                kind,
                crate::metrics::operation_label(name.as_deref()),
                elapsed,
            );
        }
        response
    }

    async fn parse_query(
        &self,
        ctx: &ExtensionContext<'_>,
        query: &str,
        variables: &Variables,
        next: NextParseQuery<'_>,
    ) -> ServerResult<ExecutableDocument> {
        let document = next.run(ctx, query, variables).await?;
        let declared = match &document.operations {
            DocumentOperations::Single(operation) => vec![(None, operation.node.ty)],
            DocumentOperations::Multiple(operations) => operations
                .iter()
                .map(|(name, operation)| (Some(name.to_string()), operation.node.ty))
                .collect(),
        };
        if let Ok(mut operation) = self.operation.lock() {
            operation.declared = declared;
        }
        Ok(document)
    }

    async fn execute(
        &self,
        ctx: &ExtensionContext<'_>,
        operation_name: Option<&str>,
        next: NextExecute<'_>,
    ) -> Response {
        if let Ok(mut operation) = self.operation.lock() {
            operation.requested = operation_name.map(str::to_owned);
        }
        next.run(ctx, operation_name).await
    }
}
