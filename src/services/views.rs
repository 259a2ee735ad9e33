//! Saved views: users name a ticket filter and order; admins share views with all staff.
//! The filter is kept as the API's filter input (JSON), which the GraphQL layer validates on
//! save and turns into a query on every use.

use diesel_async::AsyncConnection;
use uuid::Uuid;

use crate::db::models::saved_view::{self, NewSavedView, SavedView, SavedViewChanges};
use crate::db::models::ticket_list::{self, TicketFilter};
use crate::domain::validation;
use crate::domain::{DomainError, DomainResult};
use crate::services::tickets::scope_filter;
use crate::services::{RequestContext, name_taken_or};

/// Views one user may own.
pub const MAX_VIEWS_PER_USER: i64 = 50;
const NAME_CHARS: (usize, usize) = (1, 80);

pub struct ViewDraft {
    pub name: String,
    pub filter: serde_json::Value,
    pub order_field: String,
    pub order_direction: String,
    pub shared: bool,
}

/// The viewer's views, plus the shared ones for staff.
pub async fn list(ctx: &RequestContext) -> DomainResult<Vec<SavedView>> {
    let principal = ctx.viewer.principal()?;
    let mut conn = ctx.state.pool.get().await?;
    Ok(SavedView::visible_to(&mut conn, principal.user_id, principal.role.is_staff()).await?)
}

/// A view the viewer may use: their own, or a shared one if they are staff. Anything else
/// looks missing.
pub async fn get(ctx: &RequestContext, id: Uuid) -> DomainResult<SavedView> {
    let principal = ctx.viewer.principal()?;
    let mut conn = ctx.state.pool.get().await?;
    SavedView::find(&mut conn, id)
        .await?
        .filter(|view| {
            view.owner_id == principal.user_id || (view.shared && principal.role.is_staff())
        })
        .ok_or(DomainError::NotFound("view"))
}

pub async fn create(ctx: &RequestContext, draft: ViewDraft) -> DomainResult<SavedView> {
    let principal = ctx.viewer.principal()?;
    if draft.shared {
        ctx.viewer.require_admin()?;
    }
    let name = validation::text_in_range("name", &draft.name, NAME_CHARS)?;
    let mut conn = ctx.state.pool.get().await?;
    conn.transaction(async |conn| {
        saved_view::lock_owner(conn, principal.user_id).await?;
        if SavedView::count_owned(conn, principal.user_id).await? >= MAX_VIEWS_PER_USER {
            return Err(DomainError::invalid(
                "name",
                format!("at most {MAX_VIEWS_PER_USER} saved views per user"),
            ));
        }
        NewSavedView {
            owner_id: principal.user_id,
            name: &name,
            filter: &draft.filter,
            order_field: &draft.order_field,
            order_direction: &draft.order_direction,
            shared: draft.shared,
        }
        .insert(conn)
        .await
        .map_err(|err| name_taken_or(err, "view", &name))
    })
    .await
}

/// Owners edit their views; shared views are the admins'. `changes.shared` needs an admin.
pub async fn update(
    ctx: &RequestContext,
    id: Uuid,
    mut changes: SavedViewChanges,
) -> DomainResult<SavedView> {
    let view = editable(ctx, id).await?;
    if changes.shared.is_some_and(|shared| shared != view.shared) {
        ctx.viewer.require_admin()?;
    }
    if let Some(name) = &changes.name {
        changes.name = Some(validation::text_in_range("name", name, NAME_CHARS)?);
    }
    let mut conn = ctx.state.pool.get().await?;
    SavedView::update(&mut conn, id, &changes)
        .await
        .map_err(|err| name_taken_or(err, "view", changes.name.as_deref().unwrap_or(&view.name)))
}

pub async fn delete(ctx: &RequestContext, id: Uuid) -> DomainResult<()> {
    editable(ctx, id).await?;
    let mut conn = ctx.state.pool.get().await?;
    SavedView::delete(&mut conn, id).await?;
    Ok(())
}

/// Counts each filter's tickets as the viewer sees them, in one statement.
pub async fn counts(ctx: &RequestContext, filters: Vec<TicketFilter>) -> DomainResult<Vec<i64>> {
    let scoped = filters
        .into_iter()
        .map(|filter| scope_filter(ctx, filter))
        .collect::<DomainResult<Vec<_>>>()?;
    let mut conn = ctx.state.pool.get().await?;
    Ok(ticket_list::counts(&mut conn, &scoped).await?)
}

async fn editable(ctx: &RequestContext, id: Uuid) -> DomainResult<SavedView> {
    let principal = ctx.viewer.principal()?;
    let view = get(ctx, id).await?;
    if view.owner_id == principal.user_id && !view.shared {
        return Ok(view);
    }
    ctx.viewer.require_admin()?;
    Ok(view)
}
