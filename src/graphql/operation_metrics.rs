//! Per-operation measurements: a count and a latency by operation type and name, errors by
//! `extensions.code`, and a log line for operations slower than `DESKQL_SLOW_OP_MS` (with
//! the request id and operation name, never the variables).

use std::time::Duration;

use async_graphql::parser::types::{OperationDefinition, OperationType};
use async_graphql::{Name, Response};

use crate::graphql::error::effective_code;
use crate::services::RequestContext;

/// The operation a request runs: its type and declared name.
pub struct Operation {
    kind: &'static str,
    name: Option<String>,
}

impl Operation {
    /// A request refused before its operation was known.
    pub fn unknown() -> Self {
        Self {
            kind: "unknown",
            name: None,
        }
    }

    /// The operation the endpoint selected (see `endpoint::selected_operation`).
    pub fn of(name: Option<&Name>, operation: &OperationDefinition) -> Self {
        Self {
            kind: kind_label(operation.ty),
            name: name.map(|name| name.to_string()),
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

/// Where one operation's measurements go once it has answered.
pub struct Observer {
    slow: Duration,
    request_id: Option<String>,
}

impl Observer {
    pub fn new(context: &RequestContext) -> Self {
        Self {
            slow: context.state.config.slow_operation(),
            request_id: context.request_id.clone(),
        }
    }

    pub fn record(&self, operation: &Operation, elapsed: Duration, response: &Response) {
        if elapsed >= self.slow {
            tracing::warn!(
                request_id = self.request_id.as_deref().unwrap_or_default(),
                operation = operation.name.as_deref().unwrap_or("anonymous"),
                kind = operation.kind,
                elapsed_ms = elapsed.as_millis() as u64,
                "slow operation"
            );
        }
        if crate::metrics::enabled() {
            for error in &response.errors {
                crate::metrics::error(effective_code(error).to_owned());
            }
            crate::metrics::operation(
                operation.kind,
                crate::metrics::operation_label(operation.name.as_deref()),
                elapsed,
            );
        }
    }
}
