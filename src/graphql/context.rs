use async_graphql::{Context, ID};
use uuid::Uuid;

use crate::domain::DomainError;
use crate::services::RequestContext;

/// The caller's context, put into every request's data by the HTTP layer.
pub fn request_ctx<'a>(ctx: &'a Context<'_>) -> async_graphql::Result<&'a RequestContext> {
    ctx.data::<RequestContext>()
}

/// Parses a GraphQL `ID` holding a UUID.
pub fn parse_uuid(field: &str, id: &ID) -> Result<Uuid, DomainError> {
    id.parse()
        .map_err(|_| DomainError::invalid(field, format!("{field} is not a valid id")))
}
