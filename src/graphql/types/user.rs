use async_graphql::{Context, ID, Object};
use chrono::{DateTime, Utc};

use crate::db::models::user::User;
use crate::domain::DomainError;
use crate::domain::roles::Role;
use crate::graphql::context::request_ctx;
use crate::graphql::error::GqlResult;

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
        let viewer = &request_ctx(ctx)?.viewer;
        if self.is_caller || viewer.is_staff() || viewer.user_id() == Some(self.user.id) {
            Ok(Some(value))
        } else {
            Err(DomainError::Forbidden.into())
        }
    }
}

#[Object(name = "User")]
impl UserObject {
    async fn id(&self) -> ID {
        ID(self.user.id.to_string())
    }

    async fn name(&self) -> &str {
        &self.user.name
    }

    /// Visible to the user themselves and to staff.
    async fn email(&self, ctx: &Context<'_>) -> GqlResult<Option<&str>> {
        self.private(ctx, self.user.email.as_str())
    }

    /// Visible to the user themselves and to staff.
    async fn role(&self, ctx: &Context<'_>) -> GqlResult<Option<Role>> {
        self.private(ctx, self.user.role)
    }

    /// Normalized (trimmed, lowercase, unique) skills used for ticket assignment. Visible to
    /// the user themselves and to staff.
    async fn skills(&self, ctx: &Context<'_>) -> GqlResult<Option<&[String]>> {
        self.private(ctx, self.user.skills.as_slice())
    }

    /// Visible to the user themselves and to staff.
    async fn active(&self, ctx: &Context<'_>) -> GqlResult<Option<bool>> {
        self.private(ctx, self.user.active)
    }

    /// Visible to the user themselves and to staff.
    async fn created_at(&self, ctx: &Context<'_>) -> GqlResult<Option<DateTime<Utc>>> {
        self.private(ctx, self.user.created_at)
    }
}

#[derive(async_graphql::SimpleObject)]
pub struct UserPage {
    pub nodes: Vec<UserObject>,
    pub total_count: i64,
}
