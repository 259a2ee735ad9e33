//! Admin management of accounts: roles, skills, activation.

use chrono::Utc;
use diesel_async::AsyncConnection;
use uuid::Uuid;

use crate::auth::principals::Invalidation;
use crate::db::models::user::{User, UserChanges, UserFilter};
use crate::domain::roles::Role;
use crate::domain::skills::normalize_skills;
use crate::domain::validation::{self, NAME_CHARS};
use crate::domain::{DomainError, DomainResult};
use crate::services::notify::invalidate_auth;
use crate::services::{RequestContext, audit};

pub struct UserUpdate {
    pub role: Option<Role>,
    pub skills: Option<Vec<String>>,
    pub active: Option<bool>,
    pub name: Option<String>,
}

pub async fn me(ctx: &RequestContext) -> DomainResult<User> {
    let principal = ctx.viewer.principal()?;
    let mut conn = ctx.state.pool.get().await?;
    User::find(&mut conn, principal.user_id)
        .await?
        .ok_or(DomainError::Unauthenticated)
}

pub async fn list(
    ctx: &RequestContext,
    filter: UserFilter,
    limit: i64,
    offset: i64,
) -> DomainResult<(Vec<User>, i64)> {
    ctx.viewer.require_admin()?;
    let filter = UserFilter {
        skill: filter.skill.map(|s| s.trim().to_lowercase()),
        ..filter
    };
    let mut conn = ctx.state.pool.get().await?;
    Ok(User::list(&mut conn, &filter, limit, offset).await?)
}

/// What an account change is audited by.
fn account_fields(user: &User) -> serde_json::Value {
    serde_json::json!({
        "role": user.role.to_string(),
        "skills": user.skills,
        "active": user.active,
        "name": user.name,
    })
}

pub async fn update(ctx: &RequestContext, id: Uuid, input: UserUpdate) -> DomainResult<User> {
    let admin = ctx.viewer.require_admin()?;
    if admin.user_id == id
        && (input.role.is_some_and(|r| r != Role::Admin) || input.active == Some(false))
    {
        return Err(DomainError::invalid(
            "id",
            "admins cannot demote or deactivate themselves",
        ));
    }
    let changes = UserChanges {
        role: input.role,
        skills: input
            .skills
            .as_deref()
            .map(|skills| normalize_skills("skills", skills))
            .transpose()?,
        active: input.active,
        name: input
            .name
            .as_deref()
            .map(|name| validation::text_in_range("name", name, NAME_CHARS))
            .transpose()?,
        updated_at: Some(Utc::now()),
    };
    let invalidation = Invalidation::User(id);
    let mut conn = ctx.state.pool.get().await?;
    let user = conn
        .transaction(async |conn| {
            let Some(before) = User::find(conn, id).await? else {
                return Ok::<_, DomainError>(None);
            };
            let Some(user) = User::update(conn, id, &changes).await? else {
                return Ok(None);
            };
            invalidate_auth(conn, &invalidation).await?;
            if account_fields(&before) != account_fields(&user) {
                audit::record(
                    conn,
                    ctx,
                    "users.update",
                    &id.to_string(),
                    account_fields(&before),
                    account_fields(&user),
                )
                .await?;
            }
            Ok(Some(user))
        })
        .await?
        .ok_or(DomainError::NotFound("user"))?;
    ctx.state.principals.invalidate(&invalidation);
    Ok(user)
}
