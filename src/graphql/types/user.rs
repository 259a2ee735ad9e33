use async_graphql::{Context, ID, Object};
use chrono::{DateTime, Utc};

use crate::db::models::user::User;
use crate::domain::DomainError;
use crate::domain::roles::Role;
use crate::graphql::context::request_ctx;
use crate::graphql::error::GqlResult;

#[derive(Clone)]
pub struct UserObject(pub User);

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
        let viewer = &request_ctx(ctx)?.viewer;
        if viewer.is_staff() || viewer.user_id() == Some(self.0.id) {
            Ok(Some(&self.0.email))
        } else {
            Err(DomainError::Forbidden.into())
        }
    }

    async fn role(&self) -> Role {
        self.0.role
    }

    /// Normalized (trimmed, lowercase, unique) skills used for ticket assignment.
    async fn skills(&self) -> &[String] {
        &self.0.skills
    }

    async fn active(&self) -> bool {
        self.0.active
    }

    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
}

#[derive(async_graphql::SimpleObject)]
pub struct UserPage {
    pub nodes: Vec<UserObject>,
    pub total_count: i64,
}
