use std::borrow::Cow;

use async_graphql::parser::types::Field;
use async_graphql::registry::Registry;
use async_graphql::resolver_utils::enum_value;
use async_graphql::{
    Context, ContextSelectionSet, ID, Object, OutputType, Positioned, ScalarType, ServerResult,
    Value,
};
use chrono::{DateTime, Utc};

use crate::db::models::user::User;
use crate::domain::DomainError;
use crate::domain::roles::Role;
use crate::graphql::context::request_ctx;
use crate::graphql::error::GqlResult;
use crate::graphql::plain_fields::resolve_object;
use crate::services::RequestContext;

#[derive(Clone)]
pub struct UserObject {
    user: User,
    /// The request just proved to be this user (sign-up, login, refresh, email
    /// verification) although it came in without a session.
    is_caller: bool,
}

impl UserObject {
    pub fn new(user: User) -> Self {
        Self {
            user,
            is_caller: false,
        }
    }

    /// The account a request has just signed in as.
    pub fn signed_in(user: User) -> Self {
        Self {
            user,
            is_caller: true,
        }
    }

    /// What staff run the desk with (an account's address, role, skills, state) is for the
    /// person themselves and for staff; requesters see the other side's name only.
    fn private<T>(&self, ctx: &Context<'_>, value: T) -> GqlResult<Option<T>> {
        if self.shows_private_to(request_ctx(ctx)?) {
            Ok(Some(value))
        } else {
            Err(DomainError::Forbidden.into())
        }
    }

    fn shows_private_to(&self, request: &RequestContext) -> bool {
        let viewer = &request.viewer;
        self.is_caller || viewer.is_staff() || viewer.user_id() == Some(self.user.id)
    }
}

impl OutputType for UserObject {
    fn type_name() -> Cow<'static, str> {
        UserFields::type_name()
    }

    fn create_type_info(registry: &mut Registry) -> String {
        UserFields::create_type_info(registry)
    }

    async fn resolve(
        &self,
        ctx: &ContextSelectionSet<'_>,
        _field: &Positioned<Field>,
    ) -> ServerResult<Value> {
        let user = &self.user;
        let sees_private = ctx
            .data_opt::<RequestContext>()
            .is_some_and(|request| self.shows_private_to(request));
        resolve_object(ctx, &UserFields(self), |name| match name {
            "id" => Some(Value::String(user.id.to_string())),
            "name" => Some(Value::String(user.name.clone())),
            "email" if sees_private => Some(Value::String(user.email.clone())),
            "role" if sees_private => Some(enum_value(user.role)),
            "skills" if sees_private => Some(Value::List(
                user.skills.iter().cloned().map(Value::String).collect(),
            )),
            "active" if sees_private => Some(Value::Boolean(user.active)),
            "createdAt" if sees_private => Some(user.created_at.to_value()),
            _ => None,
        })
        .await
    }
}

/// `User`'s fields beyond those answered directly (and, for the schema, all of them).
struct UserFields<'a>(&'a UserObject);

#[Object(name = "User")]
impl UserFields<'_> {
    async fn id(&self) -> ID {
        ID(self.0.user.id.to_string())
    }

    async fn name(&self) -> &str {
        &self.0.user.name
    }

    /// Visible to the user themselves and to staff.
    async fn email(&self, ctx: &Context<'_>) -> GqlResult<Option<&str>> {
        self.0.private(ctx, self.0.user.email.as_str())
    }

    /// Visible to the user themselves and to staff.
    async fn role(&self, ctx: &Context<'_>) -> GqlResult<Option<Role>> {
        self.0.private(ctx, self.0.user.role)
    }

    /// Normalized (trimmed, lowercase, unique) skills used for ticket assignment. Visible to
    /// the user themselves and to staff.
    async fn skills(&self, ctx: &Context<'_>) -> GqlResult<Option<&[String]>> {
        self.0.private(ctx, self.0.user.skills.as_slice())
    }

    /// Visible to the user themselves and to staff.
    async fn active(&self, ctx: &Context<'_>) -> GqlResult<Option<bool>> {
        self.0.private(ctx, self.0.user.active)
    }

    /// Visible to the user themselves and to staff.
    async fn created_at(&self, ctx: &Context<'_>) -> GqlResult<Option<DateTime<Utc>>> {
        self.0.private(ctx, self.0.user.created_at)
    }
}

#[derive(async_graphql::SimpleObject)]
pub struct UserPage {
    pub nodes: Vec<UserObject>,
    pub total_count: i64,
}
