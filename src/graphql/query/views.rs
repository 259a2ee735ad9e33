use async_graphql::{Context, ID, Object};

use crate::graphql::context::{parse_uuid, request_ctx};
use crate::graphql::error::GqlResult;
use crate::graphql::types::ticket_connection::{self, PageArgs, TicketConnection, to_filter};
use crate::graphql::types::view::{SavedViewObject, ViewCount, stored_filter, stored_order};
use crate::services::views;

#[derive(Default)]
pub struct ViewQuery;

#[Object]
impl ViewQuery {
    /// Your saved views and, for staff, the shared ones (shared first, then by name).
    async fn views(&self, ctx: &Context<'_>) -> GqlResult<Vec<SavedViewObject>> {
        let views = views::list(request_ctx(ctx)?).await?;
        Ok(views.into_iter().map(SavedViewObject).collect())
    }

    /// The tickets a view shows you now, in its order (a connection like `tickets`).
    async fn tickets_in_view(
        &self,
        ctx: &Context<'_>,
        id: ID,
        first: Option<i32>,
        after: Option<String>,
    ) -> GqlResult<TicketConnection> {
        let view = views::get(request_ctx(ctx)?, parse_uuid("id", &id)?).await?;
        let filter = stored_filter(&view)?;
        let order = stored_order(&view)?;
        let args = PageArgs {
            after,
            before: None,
            first,
            last: None,
        };
        ticket_connection::resolve(ctx, Some(filter), Some(order), args).await
    }

    /// How many tickets each of your views (and, for staff, each shared view) shows you now,
    /// counted in one SQL statement.
    async fn view_counts(&self, ctx: &Context<'_>) -> GqlResult<Vec<ViewCount>> {
        let request = request_ctx(ctx)?;
        let views = views::list(request).await?;
        let mut filters = Vec::with_capacity(views.len());
        for view in &views {
            filters.push(to_filter(request, stored_filter(view)?).await?);
        }
        let counts = views::counts(request, filters).await?;
        Ok(views
            .into_iter()
            .zip(counts)
            .map(|(view, count)| ViewCount {
                view: SavedViewObject(view),
                count,
            })
            .collect())
    }
}
