use async_graphql::{Context, ID, InputObject, InputType, Json, Name, Object, SimpleObject, Value};
use chrono::{DateTime, Utc};

use crate::db::models::saved_view::SavedView;
use crate::domain::{DomainError, DomainResult};
use crate::graphql::error::GqlResult;
use crate::graphql::types::inputs::{
    OrderDirection, TicketFilterInput, TicketOrder, TicketOrderField,
};
use crate::graphql::types::ticket::load_user;
use crate::graphql::types::user::UserObject;

/// A named ticket filter and order. Personal, or shared by an admin with all staff.
pub struct SavedViewObject(pub SavedView);

#[Object(name = "SavedView")]
impl SavedViewObject {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }

    async fn name(&self) -> &str {
        &self.0.name
    }

    /// The `tickets` filter, as given (pass it back as a `TicketFilterInput`).
    async fn filter(&self) -> Json<&serde_json::Value> {
        Json(&self.0.filter)
    }

    async fn order_field(&self) -> GqlResult<TicketOrderField> {
        Ok(stored_order(&self.0)?.field)
    }

    async fn order_direction(&self) -> GqlResult<OrderDirection> {
        Ok(stored_order(&self.0)?.direction)
    }

    /// Shown to all staff (admins share and edit these).
    async fn shared(&self) -> bool {
        self.0.shared
    }

    async fn owner(&self, ctx: &Context<'_>) -> GqlResult<Option<UserObject>> {
        load_user(ctx, Some(self.0.owner_id)).await
    }

    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }

    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }
}

/// How many tickets a view shows the caller now.
#[derive(SimpleObject)]
pub struct ViewCount {
    pub view: SavedViewObject,
    pub count: i64,
}

#[derive(InputObject)]
pub struct CreateViewInput {
    /// 1–80 characters, unique among your views.
    pub name: String,
    pub filter: Option<TicketFilterInput>,
    pub order_by: Option<TicketOrder>,
    /// Admins only: show the view to all staff.
    #[graphql(default)]
    pub shared: bool,
}

#[derive(InputObject)]
pub struct UpdateViewInput {
    pub name: Option<String>,
    /// Replaces the whole filter.
    pub filter: Option<TicketFilterInput>,
    pub order_by: Option<TicketOrder>,
    /// Admins only.
    pub shared: Option<bool>,
}

/// The filter input as stored: the fields that were given.
pub fn filter_json(filter: &TicketFilterInput) -> serde_json::Value {
    let mut json = filter.to_value().into_json().unwrap_or_default();
    if let Some(fields) = json.as_object_mut() {
        fields.retain(|_, value| !value.is_null());
    }
    json
}

/// The stored filter as the input it was saved from.
pub fn stored_filter(view: &SavedView) -> DomainResult<TicketFilterInput> {
    Value::from_json(view.filter.clone())
        .ok()
        .and_then(|value| TicketFilterInput::parse(Some(value)).ok())
        .ok_or_else(|| {
            DomainError::invalid(
                "filter",
                format!(
                    "the filter of view {:?} no longer reads as a ticket filter",
                    view.name
                ),
            )
        })
}

pub fn order_names(order: &TicketOrder) -> (String, String) {
    (
        order.field.to_value().to_string(),
        order.direction.to_value().to_string(),
    )
}

pub fn stored_order(view: &SavedView) -> DomainResult<TicketOrder> {
    let field = TicketOrderField::parse(Some(Value::Enum(Name::new(&view.order_field))));
    let direction = OrderDirection::parse(Some(Value::Enum(Name::new(&view.order_direction))));
    match (field, direction) {
        (Ok(field), Ok(direction)) => Ok(TicketOrder { field, direction }),
        _ => Err(DomainError::invalid(
            "orderBy",
            "the view's order is unknown",
        )),
    }
}
