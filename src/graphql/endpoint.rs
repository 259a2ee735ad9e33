//! One face of the API: the schema and what stands before it. The armor, the read-only token
//! check and the measurements run here rather than as async-graphql extensions: once a schema
//! has any extension, every field of every response is resolved through the extension chain
//! (a type lookup and a boxed future per extension, per field), which cost list queries a
//! large share of their throughput.

use std::sync::Arc;
use std::time::Instant;

use async_graphql::{Data, Request, Response, ServerResult};
use futures::StreamExt;
use futures::stream::BoxStream;

use crate::graphql::DeskSchema;
use crate::graphql::armor::Armor;
use crate::graphql::operation_metrics::{Observer, Operation};
use crate::graphql::token_scope;
use crate::services::RequestContext;

#[derive(Clone)]
pub struct Endpoint {
    schema: DeskSchema,
    armor: Armor,
}

impl Endpoint {
    pub fn new(schema: DeskSchema, armor: Armor) -> Self {
        Self { schema, armor }
    }

    /// Runs one query or mutation as `context`'s caller, and measures it.
    pub async fn execute(&self, mut request: Request, context: RequestContext) -> Response {
        let started = Instant::now();
        let observer = Observer::new(&context);
        let (operation, response) = match self.admit(&mut request, &context) {
            Ok(operation) => (operation, self.schema.execute(request.data(context)).await),
            Err(error) => (Operation::unknown(), Response::from_errors(vec![error])),
        };
        observer.record(&operation, started.elapsed(), &response);
        response
    }

    /// Starts a subscription (or runs any operation as a stream) as `context`'s caller.
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
    /// parse it again, and names the operation it will run. async-graphql still walks the
    /// handed document for its own recursion check, which expands fragments without
    /// memoizing; the armor has bounded the expanded size first, so that walk stays small
    /// however many spreads a fragment bomb stacks.
    fn admit(&self, request: &mut Request, context: &RequestContext) -> ServerResult<Operation> {
        let document = self.armor.document(&request.query, &request.variables)?;
        token_scope::check(&document, context)?;
        let operation = Operation::identify(&document, request.operation_name.as_deref());
        request.set_parsed_query(document);
        Ok(operation)
    }
}
