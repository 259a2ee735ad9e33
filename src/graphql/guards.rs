use async_graphql::{Context, Guard};

use crate::domain::DomainError;
use crate::domain::roles::Role;
use crate::graphql::context::request_ctx;

/// Admits callers whose current role is at least `min` (USER < MODERATOR < ADMIN).
pub struct RoleGuard {
    min: Role,
}

impl RoleGuard {
    pub fn staff() -> Self {
        Self {
            min: Role::Moderator,
        }
    }

    pub fn admin() -> Self {
        Self { min: Role::Admin }
    }
}

fn rank(role: Role) -> u8 {
    match role {
        Role::User => 0,
        Role::Moderator => 1,
        Role::Admin => 2,
    }
}

impl Guard for RoleGuard {
    async fn check(&self, ctx: &Context<'_>) -> async_graphql::Result<()> {
        let principal = request_ctx(ctx)?.viewer.principal()?;
        if rank(principal.role) >= rank(self.min) {
            Ok(())
        } else {
            Err(DomainError::Forbidden.into())
        }
    }
}
