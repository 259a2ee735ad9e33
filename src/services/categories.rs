use uuid::Uuid;

use crate::db::models::category::{Category, NewCategory};
use crate::domain::skills::normalize_skills;
use crate::domain::{DomainError, DomainResult};
use crate::services::RequestContext;

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
    NewCategory {
        id: Uuid::now_v7(),
        slug: &slug,
        name: &name,
    }
    .insert(&mut conn)
    .await?
    .ok_or_else(|| DomainError::Conflict(format!("category {slug} already exists")))
}

/// Deactivated categories stay on existing tickets but cannot be chosen for new ones.
pub async fn set_active(ctx: &RequestContext, slug: &str, active: bool) -> DomainResult<Category> {
    ctx.viewer.require_admin()?;
    let mut conn = ctx.state.pool.get().await?;
    Category::set_active(&mut conn, slug, active)
        .await?
        .ok_or(DomainError::NotFound("category"))
}

/// Skills that route tickets of this category when their text names none.
pub async fn set_default_skills(
    ctx: &RequestContext,
    slug: &str,
    skills: &[String],
) -> DomainResult<Category> {
    ctx.viewer.require_admin()?;
    let skills = normalize_skills("skills", skills)?;
    let mut conn = ctx.state.pool.get().await?;
    Category::set_default_skills(&mut conn, slug.trim(), &skills)
        .await?
        .ok_or(DomainError::NotFound("category"))
}
