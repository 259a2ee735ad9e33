use diesel_async::AsyncConnection;
use serde_json::Value;
use uuid::Uuid;

use crate::db::models::category::{Category, NewCategory};
use crate::domain::skills::normalize_skills;
use crate::domain::{DomainError, DomainResult};
use crate::services::{RequestContext, audit};

pub async fn list(ctx: &RequestContext, include_inactive: bool) -> DomainResult<Vec<Category>> {
    if include_inactive {
        ctx.viewer.require_staff()?;
    }
    let mut conn = ctx.state.pool.get().await?;
    Ok(Category::all(&mut conn, include_inactive).await?)
}

fn valid_slug(slug: &str) -> bool {
    let bytes = slug.as_bytes();
    !bytes.is_empty()
        && bytes.len() <= 40
        && bytes[0].is_ascii_alphanumeric()
        && bytes
            .iter()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || *b == b'-')
}

pub async fn create(ctx: &RequestContext, slug: &str, name: &str) -> DomainResult<Category> {
    ctx.viewer.require_admin()?;
    let slug = slug.trim().to_lowercase();
    if !valid_slug(&slug) {
        return Err(DomainError::invalid(
            "slug",
            "slug must be 1 to 40 lowercase letters, digits or dashes",
        ));
    }
    let name = crate::domain::validation::text_in_range("name", name, (1, 60))?;
    let mut conn = ctx.state.pool.get().await?;
    conn.transaction(async |conn| {
        let category = NewCategory {
            id: Uuid::now_v7(),
            slug: &slug,
            name: &name,
        }
        .insert(conn)
        .await?
        .ok_or_else(|| DomainError::Conflict(format!("category {slug} already exists")))?;
        let after = audited(&category);
        audit::record(conn, ctx, "categories.create", &slug, Value::Null, after).await?;
        Ok(category)
    })
    .await
}

/// What a category change is audited by.
fn audited(category: &Category) -> Value {
    serde_json::json!({
        "name": category.name,
        "active": category.active,
        "defaultSkills": category.default_skills,
    })
}

enum Change<'a> {
    Active(bool),
    DefaultSkills(&'a [String]),
}

/// Applies `change` to the category `slug` and records it in the audit trail.
async fn change_audited(
    ctx: &RequestContext,
    slug: &str,
    change: Change<'_>,
) -> DomainResult<Category> {
    let mut conn = ctx.state.pool.get().await?;
    conn.transaction(async |conn| {
        let before = Category::find_by_slug(conn, slug)
            .await?
            .ok_or(DomainError::NotFound("category"))?;
        let (action, after) = match change {
            Change::Active(active) => (
                "categories.set_active",
                Category::set_active(conn, slug, active).await?,
            ),
            Change::DefaultSkills(skills) => (
                "categories.set_default_skills",
                Category::set_default_skills(conn, slug, skills).await?,
            ),
        };
        let after = after.ok_or(DomainError::NotFound("category"))?;
        audit::record(conn, ctx, action, slug, audited(&before), audited(&after)).await?;
        Ok(after)
    })
    .await
}

/// Deactivated categories stay on existing tickets but cannot be chosen for new ones.
pub async fn set_active(ctx: &RequestContext, slug: &str, active: bool) -> DomainResult<Category> {
    ctx.viewer.require_admin()?;
    change_audited(ctx, slug, Change::Active(active)).await
}

/// Skills that route tickets of this category when their text names none.
pub async fn set_default_skills(
    ctx: &RequestContext,
    slug: &str,
    skills: &[String],
) -> DomainResult<Category> {
    ctx.viewer.require_admin()?;
    let skills = normalize_skills("skills", skills)?;
    let slug = slug.trim();
    change_audited(ctx, slug, Change::DefaultSkills(&skills)).await
}
