use async_graphql::{Context, ID, Object};
use chrono::{DateTime, Utc};

use crate::db::models::user::User;
use crate::domain::DomainError;
use crate::domain::roles::Role;
use crate::graphql::context::request_ctx;
use crate::graphql::error::GqlResult;

#[derive(Clone)]
pub struct UserObject(pub User);

impl UserObject {
    /// What staff run the desk with (an account's address, role, skills, state) is for the
    /// person themselves and for staff; requesters see the other side's name only.
    fn private<T>(&self, ctx: &Context<'_>, value: T) -> GqlResult<Option<T>> {
        let viewer = &request_ctx(ctx)?.viewer;
        if viewer.is_staff() || viewer.user_id() == Some(self.0.id) {
            Ok(Some(value))
        } else {
            Err(DomainError::Forbidden.into())
        }
    }
}

#[Object(name = "User")]
impl UserObject {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }

    async fn name(&self) -> &str {
        &self.0.name
    }

    /// Visible to the user themselves and to staff.
    async fn email(&self, ctx: &Context<'_>) -> GqlResult<Option<&str>> {
        self.private(ctx, self.0.email.as_str())
    }

    /// Visible to the user themselves and to staff.
    async fn role(&self, ctx: &Context<'_>) -> GqlResult<Option<Role>> {
        self.private(ctx, self.0.role)
    }

    /// Normalized (trimmed, lowercase, unique) skills used for ticket assignment. Visible to
    /// the user themselves and to staff.
    async fn skills(&self, ctx: &Context<'_>) -> GqlResult<Option<&[String]>> {
        self.private(ctx, self.0.skills.as_slice())
    }

    /// Visible to the user themselves and to staff.
    async fn active(&self, ctx: &Context<'_>) -> GqlResult<Option<bool>> {
        self.private(ctx, self.0.active)
    }

    /// Visible to the user themselves and to staff.
    async fn created_at(&self, ctx: &Context<'_>) -> GqlResult<Option<DateTime<Utc>>> {
        self.private(ctx, self.0.created_at)
    }
}

#[derive(async_graphql::SimpleObject)]
pub struct UserPage {
    pub nodes: Vec<UserObject>,
    pub total_count: i64,
}
