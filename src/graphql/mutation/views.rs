use async_graphql::{Context, ID, Object};

use crate::db::models::saved_view::SavedViewChanges;
use crate::graphql::context::{parse_uuid, request_ctx};
use crate::graphql::error::GqlResult;
use crate::graphql::types::ticket_connection::to_filter;
use crate::graphql::types::view::{
    CreateViewInput, SavedViewObject, UpdateViewInput, filter_json, order_names,
};
use crate::services::tickets::scope_filter;
use crate::services::views::{self, ViewDraft};

#[derive(Default)]
pub struct ViewMutation;

#[Object]
impl ViewMutation {
    /// Saves a named filter and order (at most 50 per user). The filter is checked now
    /// (BAD_USER_INPUT, as `tickets` would answer); a name you already use is a
    /// CONFLICT. Only admins may share a view.
    async fn create_view(
        &self,
        ctx: &Context<'_>,
        input: CreateViewInput,
    ) -> GqlResult<SavedViewObject> {
        let request = request_ctx(ctx)?;
        let filter = input.filter.unwrap_or_default();
        let json = filter_json(&filter);
        scope_filter(request, to_filter(request, filter).await?)?;
        let (order_field, order_direction) = order_names(&input.order_by.unwrap_or_default());
        let draft = ViewDraft {
            name: input.name,
            filter: json,
            order_field,
            order_direction,
            shared: input.shared,
        };
        Ok(SavedViewObject(views::create(request, draft).await?))
    }

    /// Edits your view (shared views: admins).
    async fn update_view(
        &self,
        ctx: &Context<'_>,
        id: ID,
        input: UpdateViewInput,
    ) -> GqlResult<SavedViewObject> {
        let request = request_ctx(ctx)?;
        let id = parse_uuid("id", &id)?;
        let filter = match input.filter {
            Some(filter) => {
                let json = filter_json(&filter);
                scope_filter(request, to_filter(request, filter).await?)?;
                Some(json)
            }
            None => None,
        };
        let (order_field, order_direction) = match input.order_by.as_ref().map(order_names) {
            Some((field, direction)) => (Some(field), Some(direction)),
            None => (None, None),
        };
        let changes = SavedViewChanges {
            name: input.name,
            filter,
            order_field,
            order_direction,
            shared: input.shared,
        };
        Ok(SavedViewObject(views::update(request, id, changes).await?))
    }

    /// Deletes your view (shared views: admins). Answers true.
    async fn delete_view(&self, ctx: &Context<'_>, id: ID) -> GqlResult<bool> {
        views::delete(request_ctx(ctx)?, parse_uuid("id", &id)?).await?;
        Ok(true)
    }
}
