//! Help articles: admins write them, everyone reads the published ones, staff link them to
//! tickets, and `suggest` offers them before a ticket is filed (deflection).

use uuid::Uuid;

use crate::db::models::article::{
    self, HelpArticle, HelpArticleChanges, NewHelpArticle, RankedArticle,
};
use crate::db::models::ticket::Ticket;
use crate::domain::markdown::to_safe_html;
use crate::domain::validation;
use crate::domain::{DomainError, DomainResult};
use crate::services::{RequestContext, limits, tickets};

const TITLE_CHARS: (usize, usize) = (3, 200);
const BODY_CHARS: (usize, usize) = (1, 50_000);
const MAX_TAGS: usize = 20;
const TAG_MAX_CHARS: usize = 40;
const SLUG_MAX_CHARS: usize = 80;
pub const SUGGESTIONS: i64 = 5;
const SUGGEST_TEXT_MAX_CHARS: usize = 5_000;

#[derive(Debug, Default)]
pub struct ArticleInput {
    pub slug: Option<String>,
    pub title: Option<String>,
    pub body: Option<String>,
    pub tags: Option<Vec<String>>,
    pub published: Option<bool>,
}

/// `Password reset: step by step!` → `password-reset-step-by-step`.
pub fn slugify(text: &str) -> String {
    let mut slug = String::new();
    for c in text.trim().to_lowercase().chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
        if slug.len() >= SLUG_MAX_CHARS {
            break;
        }
    }
    slug.trim_end_matches('-').to_owned()
}

fn valid_slug(slug: &str) -> DomainResult<String> {
    let slug = slug.trim().to_lowercase();
    let ok = !slug.is_empty()
        && slug.len() <= SLUG_MAX_CHARS
        && slug.starts_with(|c: char| c.is_ascii_alphanumeric())
        && slug.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    if ok {
        Ok(slug)
    } else {
        Err(DomainError::invalid(
            "slug",
            "slug must be 1 to 80 lowercase letters, digits and dashes, starting with a letter or digit",
        ))
    }
}

fn valid_tags(tags: &[String]) -> DomainResult<Vec<String>> {
    let mut clean: Vec<String> = Vec::new();
    for tag in tags {
        let tag = validation::text_in_range("tags", tag, (1, TAG_MAX_CHARS))?.to_lowercase();
        if !clean.contains(&tag) {
            clean.push(tag);
        }
    }
    if clean.len() > MAX_TAGS {
        return Err(DomainError::invalid(
            "tags",
            format!("at most {MAX_TAGS} tags"),
        ));
    }
    Ok(clean)
}

pub async fn create(ctx: &RequestContext, input: ArticleInput) -> DomainResult<HelpArticle> {
    let admin = ctx.viewer.require_admin()?;
    let title = validation::text_in_range(
        "title",
        input.title.as_deref().unwrap_or_default(),
        TITLE_CHARS,
    )?;
    let body = validation::text_in_range(
        "body",
        input.body.as_deref().unwrap_or_default(),
        BODY_CHARS,
    )?;
    let slug = match input.slug.as_deref() {
        Some(slug) => valid_slug(slug)?,
        None => valid_slug(&slugify(&title))?,
    };
    let tags = valid_tags(input.tags.as_deref().unwrap_or_default())?;
    let mut conn = ctx.state.pool.get().await?;
    NewHelpArticle {
        id: Uuid::now_v7(),
        slug: &slug,
        title: &title,
        body_html: &to_safe_html(&body),
        body: &body,
        tags: &tags,
        published: input.published.unwrap_or(false),
        created_by_id: Some(admin.user_id),
    }
    .insert(&mut conn)
    .await?
    .ok_or_else(|| DomainError::Conflict(format!("an article with slug {slug:?} already exists")))
}

pub async fn update(
    ctx: &RequestContext,
    id: Uuid,
    input: ArticleInput,
) -> DomainResult<HelpArticle> {
    ctx.viewer.require_admin()?;
    let body = input
        .body
        .as_deref()
        .map(|b| validation::text_in_range("body", b, BODY_CHARS))
        .transpose()?;
    let changes = HelpArticleChanges {
        slug: input.slug.as_deref().map(valid_slug).transpose()?,
        title: input
            .title
            .as_deref()
            .map(|t| validation::text_in_range("title", t, TITLE_CHARS))
            .transpose()?,
        body_html: body.as_deref().map(to_safe_html),
        body,
        tags: input.tags.as_deref().map(valid_tags).transpose()?,
        published: input.published,
    };
    let mut conn = ctx.state.pool.get().await?;
    if let Some(slug) = &changes.slug
        && HelpArticle::find_by_slug(&mut conn, slug)
            .await?
            .is_some_and(|other| other.id != id)
    {
        return Err(DomainError::Conflict(format!(
            "an article with slug {slug:?} already exists"
        )));
    }
    HelpArticle::update(&mut conn, id, &changes)
        .await?
        .ok_or(DomainError::NotFound("article"))
}

pub async fn delete(ctx: &RequestContext, id: Uuid) -> DomainResult<()> {
    ctx.viewer.require_admin()?;
    let mut conn = ctx.state.pool.get().await?;
    if HelpArticle::delete(&mut conn, id).await? {
        Ok(())
    } else {
        Err(DomainError::NotFound("article"))
    }
}

/// Published articles (staff also see drafts when they ask for them).
pub async fn list(
    ctx: &RequestContext,
    include_drafts: bool,
    tag: Option<&str>,
    limit: i64,
    offset: i64,
) -> DomainResult<Vec<HelpArticle>> {
    let include_drafts = include_drafts && ctx.viewer.is_staff();
    let mut conn = ctx.state.pool.get().await?;
    let tag = tag.map(|t| t.trim().to_lowercase());
    Ok(HelpArticle::list(&mut conn, include_drafts, tag.as_deref(), limit, offset).await?)
}

pub async fn by_slug(ctx: &RequestContext, slug: &str) -> DomainResult<HelpArticle> {
    let mut conn = ctx.state.pool.get().await?;
    HelpArticle::find_by_slug(&mut conn, &slug.trim().to_lowercase())
        .await?
        .filter(|a| a.published || ctx.viewer.is_staff())
        .ok_or(DomainError::NotFound("article"))
}

/// Up to five published articles for what the user is about to file; anonymous callers are
/// rate limited per IP.
pub async fn suggest(ctx: &RequestContext, text: &str) -> DomainResult<Vec<RankedArticle>> {
    let text = text.trim();
    if text.chars().count() > SUGGEST_TEXT_MAX_CHARS {
        return Err(DomainError::invalid(
            "text",
            format!("text is limited to {SUGGEST_TEXT_MAX_CHARS} characters"),
        ));
    }
    let mut conn = ctx.state.pool.get().await?;
    limits::anonymous_per_ip(
        ctx,
        &mut conn,
        "suggest",
        ctx.state.config.conversation.suggest_limit_per_ip,
    )
    .await?;
    if text.is_empty() {
        return Ok(Vec::new());
    }
    Ok(HelpArticle::suggest(&mut conn, text, SUGGESTIONS).await?)
}

/// Staff: links (or unlinks) an article to a ticket.
pub async fn set_link(
    ctx: &RequestContext,
    ticket_id: Uuid,
    article_id: Uuid,
    linked: bool,
) -> DomainResult<Ticket> {
    let staff = ctx.viewer.require_staff()?;
    let ticket = tickets::get(ctx, ticket_id).await?;
    let mut conn = ctx.state.pool.get().await?;
    HelpArticle::find(&mut conn, article_id)
        .await?
        .ok_or(DomainError::NotFound("article"))?;
    if linked {
        article::link(&mut conn, ticket_id, article_id, Some(staff.user_id)).await?;
    } else {
        article::unlink(&mut conn, ticket_id, article_id).await?;
    }
    Ok(ticket)
}
