//! One face of the API: the schema and what stands before it. The armor, the read-only token
//! check and the measurements run here rather than as async-graphql extensions: once a schema
//! has any extension, every field of every response is resolved through the extension chain
//! (a type lookup and a boxed future per extension, per field), which cost list queries a
//! large share of their throughput.
//!
//! Each face keeps its schema twice, identical but for validation: a text seen for the first
//! time runs through every rule; once it has passed them, later requests with the same text
//! run on the twin that checks only what can differ between requests (fragment cycles,
//! uploads, complexity and depth), after [`variable_check`] has judged their variables.

use std::sync::Arc;
use std::time::Instant;

use async_graphql::parser::types::{ExecutableDocument, OperationDefinition};
use async_graphql::{Data, Name, Request, Response, ServerResult};
use futures::StreamExt;
use futures::stream::BoxStream;

use crate::graphql::DeskSchema;
use crate::graphql::armor::{Admitted, Armor};
use crate::graphql::document_cache::Validated;
use crate::graphql::operation_metrics::{Observer, Operation};
use crate::graphql::{token_scope, variable_check};
use crate::services::RequestContext;

#[derive(Clone)]
pub struct Endpoint {
    schema: DeskSchema,
    /// The same schema in `ValidationMode::Fast`, for texts that passed every rule before.
    validated_schema: DeskSchema,
    armor: Armor,
}

/// What validation a request still needs.
enum Validation {
    /// Its text passed every rule before, and its variables certainly fit.
    Done,
    /// Every rule runs; when they pass, `mark` (the text's cache entry) records it.
    Full { mark: Option<Validated> },
}

impl Endpoint {
    pub fn new(schema: DeskSchema, validated_schema: DeskSchema, armor: Armor) -> Self {
        Self {
            schema,
            validated_schema,
            armor,
        }
    }

    /// Runs one query or mutation as `context`'s caller, and measures it.
    pub async fn execute(&self, mut request: Request, context: RequestContext) -> Response {
        let started = Instant::now();
        let observer = Observer::new(&context);
        let (operation, response) = match self.admit(&mut request, &context) {
            Ok((operation, Validation::Done)) => (
                operation,
                self.validated_schema.execute(request.data(context)).await,
            ),
            Ok((operation, Validation::Full { mark })) => {
                let response = self.schema.execute(request.data(context)).await;
                if let Some(mark) = mark
                    && passed_validation(&response)
                {
                    mark.set();
                }
                (operation, response)
            }
            Err(error) => (Operation::unknown(), Response::from_errors(vec![error])),
        };
        observer.record(&operation, started.elapsed(), &response);
        response
    }

    /// Starts a subscription (or runs any operation as a stream) as `context`'s caller. A
    /// stream is set up once for its whole life, so it always runs every rule.
    pub fn execute_stream(
        &self,
        mut request: Request,
        context: RequestContext,
        session_data: Arc<Data>,
    ) -> BoxStream<'static, Response> {
        match self.admit(&mut request, &context) {
            Ok(_) => self
                .schema
                .execute_stream_with_session_data(request.data(context), session_data)
                .boxed(),
            Err(error) => {
                futures::stream::once(async move { Response::from_errors(vec![error]) }).boxed()
            }
        }
    }

    /// Parses and checks the document, hands it to the request so async-graphql does not
    /// parse it again, names the operation it will run and says what validation is left.
    /// async-graphql still walks the handed document for its own recursion check, which
    /// expands fragments without memoizing; the armor has bounded the expanded size first,
    /// so that walk stays small however many spreads a fragment bomb stacks.
    fn admit(
        &self,
        request: &mut Request,
        context: &RequestContext,
    ) -> ServerResult<(Operation, Validation)> {
        let Admitted {
            document,
            validated,
        } = self.armor.document(&request.query, &request.variables)?;
        token_scope::check(&document, context)?;
        let selected = selected_operation(&document, request.operation_name.as_deref());
        let operation = selected.map_or_else(Operation::unknown, |(name, definition)| {
            Operation::of(name, definition)
        });
        let validation = match validated {
            Some(mark) if !mark.is_set() => Validation::Full { mark: Some(mark) },
            Some(_)
                if selected.is_some_and(|(_, definition)| {
                    variable_check::certainly_fit(definition, &request.variables)
                }) =>
            {
                Validation::Done
            }
            _ => Validation::Full { mark: None },
        };
        request.set_parsed_query(document);
        Ok((operation, validation))
    }
}

/// The operation a request runs, as async-graphql selects it: the one `requested` names, or
/// else the document's only one (`None` when there is no such operation; async-graphql then
/// answers with the error).
fn selected_operation<'a>(
    document: &'a ExecutableDocument,
    requested: Option<&str>,
) -> Option<(Option<&'a Name>, &'a OperationDefinition)> {
    let mut operations = document.operations.iter();
    let chosen = match requested {
        Some(wanted) => operations.find(|(name, _)| name.is_some_and(|n| n.as_str() == wanted)),
        None => operations
            .next()
            .filter(|_| document.operations.iter().count() == 1),
    };
    chosen.map(|(name, operation)| (name, &operation.node))
}

/// Whether the rules passed: every error of the response, if any, comes from a resolver
/// (and so has a path). Errors of validation, of the complexity and depth limits (which
/// hide the rules' verdict) and of choosing the operation have none.
fn passed_validation(response: &Response) -> bool {
    response.errors.iter().all(|error| !error.path.is_empty())
}

#[cfg(test)]
mod tests {
    use async_graphql::parser::parse_query;

    use super::*;

    fn selected_name(document: &ExecutableDocument, requested: Option<&str>) -> Option<String> {
        selected_operation(document, requested)
            .map(|(name, _)| name.map_or_else(|| "anonymous".to_owned(), |n| n.to_string()))
    }

    #[test]
    fn the_operation_selected_is_the_one_async_graphql_runs() {
        let two = parse_query("query A($x: Int) { a: __typename } query B { b: __typename }")
            .expect("parses");
        assert_eq!(selected_name(&two, Some("A")).as_deref(), Some("A"));
        assert_eq!(selected_name(&two, Some("B")).as_deref(), Some("B"));
        assert_eq!(selected_name(&two, None), None);
        assert_eq!(selected_name(&two, Some("C")), None);
        let anonymous = parse_query("{ __typename }").expect("parses");
        assert_eq!(
            selected_name(&anonymous, None).as_deref(),
            Some("anonymous")
        );
        assert_eq!(selected_name(&anonymous, Some("A")), None);
    }
}
