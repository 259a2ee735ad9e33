//! Filing, reading, editing, assigning and trashing tickets.

use chrono::{TimeDelta, Utc};
use diesel_async::{AsyncConnection, AsyncPgConnection};
use uuid::Uuid;

use crate::db::models::category::Category;
use crate::db::models::event::NewTicketEvent;
use crate::db::models::rate_limit;
use crate::db::models::ticket::{NewTicket, Ticket, TicketChanges};
use crate::db::models::ticket_list::{self, PageRequest, TicketFilter};
use crate::db::models::user::User;
use crate::domain::ticket::{TicketEventKind, TicketPriority, TicketSource, TicketStatus};
use crate::domain::validation::{
    self, BROWSER_INFO_MAX_CHARS, DESCRIPTION_CHARS, HELPFUL_NOTES_MAX_CHARS, NAME_CHARS,
    PAGE_URL_MAX_CHARS, TITLE_CHARS,
};
use crate::domain::workflow::{TimestampChange, ensure_transition, transition_effects};
use crate::domain::{DomainError, DomainResult};
use crate::services::RequestContext;

const DEFAULT_CATEGORY: &str = "general";
const GUEST_WINDOW: TimeDelta = TimeDelta::hours(1);

/// What every way of filing a ticket asks for.
#[derive(Debug, Clone, Default)]
pub struct TicketDraft {
    pub title: String,
    pub description: String,
    pub priority: Option<TicketPriority>,
    pub category: Option<String>,
    pub page_url: Option<String>,
    pub browser_info: Option<String>,
}

struct ValidDraft {
    title: String,
    description: String,
    priority: TicketPriority,
    category_id: Uuid,
    page_url: Option<String>,
    browser_info: Option<String>,
}

async fn validate_draft(
    conn: &mut AsyncPgConnection,
    draft: &TicketDraft,
) -> DomainResult<ValidDraft> {
    let title = validation::text_in_range("title", &draft.title, TITLE_CHARS)?;
    let description =
        validation::text_in_range("description", &draft.description, DESCRIPTION_CHARS)?;
    let page_url =
        validation::optional_text("pageUrl", draft.page_url.as_deref(), PAGE_URL_MAX_CHARS)?;
    if let Some(url) = &page_url
        && !(url.starts_with("https://") || url.starts_with("http://"))
    {
        return Err(DomainError::invalid(
            "pageUrl",
            "pageUrl must be an http(s) URL",
        ));
    }
    let browser_info = validation::optional_text(
        "browserInfo",
        draft.browser_info.as_deref(),
        BROWSER_INFO_MAX_CHARS,
    )?;
    let category_id = resolve_category(conn, draft.category.as_deref()).await?;
    Ok(ValidDraft {
        title,
        description,
        priority: draft.priority.unwrap_or_default(),
        category_id,
        page_url,
        browser_info,
    })
}

/// The category named by `slug` (trimmed, case-insensitive); unknown slugs are a
/// `category` input error.
pub async fn find_category(conn: &mut AsyncPgConnection, slug: &str) -> DomainResult<Category> {
    let slug = slug.trim().to_lowercase();
    Category::find_by_slug(conn, &slug)
        .await?
        .ok_or_else(|| DomainError::invalid("category", format!("unknown category {slug:?}")))
}

/// A category new tickets may be filed under: it must exist and be active.
async fn resolve_category(conn: &mut AsyncPgConnection, slug: Option<&str>) -> DomainResult<Uuid> {
    let category = find_category(conn, slug.unwrap_or(DEFAULT_CATEGORY)).await?;
    if category.active {
        Ok(category.id)
    } else {
        Err(DomainError::invalid(
            "category",
            format!("unknown category {:?}", category.slug),
        ))
    }
}

struct Requester {
    id: Option<Uuid>,
    name: String,
    email: String,
}

fn new_ticket(
    draft: ValidDraft,
    source: TicketSource,
    requester: Requester,
    created_by_id: Option<Uuid>,
) -> NewTicket {
    NewTicket {
        id: Uuid::now_v7(),
        title: draft.title,
        description: draft.description,
        priority: draft.priority,
        category_id: draft.category_id,
        source,
        requester_id: requester.id,
        requester_name: requester.name,
        requester_email: requester.email,
        created_by_id,
        page_url: draft.page_url,
        browser_info: draft.browser_info,
    }
}

/// A signed-in user files a ticket for themselves.
pub async fn create(ctx: &RequestContext, draft: TicketDraft) -> DomainResult<Ticket> {
    let principal = ctx.viewer.principal()?;
    let mut conn = ctx.state.pool.get().await?;
    let valid = validate_draft(&mut conn, &draft).await?;
    let user = User::find(&mut conn, principal.user_id)
        .await?
        .ok_or(DomainError::Unauthenticated)?;
    drop(conn);
    let requester = Requester {
        id: Some(user.id),
        name: user.name,
        email: user.email,
    };
    let ticket = new_ticket(valid, TicketSource::Portal, requester, Some(user.id));
    Ok(ctx.state.ticket_writer.file(ticket).await?)
}

pub struct GuestContact {
    pub email: String,
    pub name: Option<String>,
}

/// Public intake: no account, limited per email and per IP. The counters and the ticket share
/// one transaction, so a refused or failed submission does not use up the allowance.
pub async fn submit_guest(
    ctx: &RequestContext,
    contact: GuestContact,
    draft: TicketDraft,
) -> DomainResult<Ticket> {
    let email = validation::email("customerEmail", &contact.email)?;
    let name = match contact.name.as_deref().map(str::trim) {
        None | Some("") => "Guest".to_owned(),
        Some(name) => validation::text_in_range("customerName", name, NAME_CHARS)?,
    };
    let config = &ctx.state.config;
    let mut conn = ctx.state.pool.get().await?;
    let valid = validate_draft(&mut conn, &draft).await?;
    let now = Utc::now();
    let email_bucket = format!("guest:email:{email}");
    let ip_bucket = ctx.client_ip.map(|ip| format!("guest:ip:{ip}"));
    conn.transaction(async |conn| {
        let by_email = rate_limit::hit(conn, &email_bucket, GUEST_WINDOW, now).await?;
        if by_email.over(config.guest_limit_per_email) {
            return Err(DomainError::RateLimited {
                retry_after_secs: by_email.retry_after_secs(now),
            });
        }
        if let Some(bucket) = &ip_bucket {
            let by_ip = rate_limit::hit(conn, bucket, GUEST_WINDOW, now).await?;
            if by_ip.over(config.guest_limit_per_ip) {
                return Err(DomainError::RateLimited {
                    retry_after_secs: by_ip.retry_after_secs(now),
                });
            }
        }
        let requester = Requester {
            id: None,
            name,
            email,
        };
        Ok(new_ticket(valid, TicketSource::Guest, requester, None)
            .insert(conn)
            .await?)
    })
    .await
}

pub struct OnBehalf {
    pub customer_email: String,
    pub customer_name: Option<String>,
    pub source: Option<TicketSource>,
}

/// Staff file a ticket for a customer (phone, email, chat); it is linked to the customer's
/// account when one exists.
pub async fn create_on_behalf(
    ctx: &RequestContext,
    customer: OnBehalf,
    draft: TicketDraft,
) -> DomainResult<Ticket> {
    let staff = ctx.viewer.require_staff()?;
    let email = validation::email("customerEmail", &customer.customer_email)?;
    let source = customer.source.unwrap_or(TicketSource::Staff);
    if source == TicketSource::Guest {
        return Err(DomainError::invalid(
            "source",
            "GUEST is reserved for public intake",
        ));
    }
    let mut conn = ctx.state.pool.get().await?;
    let valid = validate_draft(&mut conn, &draft).await?;
    let account = User::find_by_email(&mut conn, &email).await?;
    let name = match (customer.customer_name.as_deref().map(str::trim), &account) {
        (Some(name), _) if !name.is_empty() => {
            validation::text_in_range("customerName", name, NAME_CHARS)?
        }
        (_, Some(user)) => user.name.clone(),
        _ => "Customer".to_owned(),
    };
    drop(conn);
    let requester = Requester {
        id: account.as_ref().map(|user| user.id),
        name,
        email,
    };
    let ticket = new_ticket(valid, source, requester, Some(staff.user_id));
    Ok(ctx.state.ticket_writer.file(ticket).await?)
}

/// Whether the viewer may see this (live) ticket; hidden and foreign tickets are reported as
/// missing so ids cannot be probed.
fn visible(ctx: &RequestContext, ticket: Ticket) -> DomainResult<Ticket> {
    let principal = ctx.viewer.principal()?;
    if principal.role.is_staff() || ticket.requester_id == Some(principal.user_id) {
        Ok(ticket)
    } else {
        Err(DomainError::NotFound("ticket"))
    }
}

pub async fn get(ctx: &RequestContext, id: Uuid) -> DomainResult<Ticket> {
    ctx.viewer.principal()?;
    let mut conn = ctx.state.pool.get().await?;
    let ticket = Ticket::find_live(&mut conn, id)
        .await?
        .ok_or(DomainError::NotFound("ticket"))?;
    visible(ctx, ticket)
}

pub async fn get_by_number(ctx: &RequestContext, number: &str) -> DomainResult<Ticket> {
    ctx.viewer.principal()?;
    let mut conn = ctx.state.pool.get().await?;
    let ticket = Ticket::find_live_by_number(&mut conn, number.trim())
        .await?
        .ok_or(DomainError::NotFound("ticket"))?;
    visible(ctx, ticket)
}

/// Applies the viewer's visibility to a filter: users only ever list their own tickets.
pub fn scope_filter(ctx: &RequestContext, mut filter: TicketFilter) -> DomainResult<TicketFilter> {
    let principal = ctx.viewer.principal()?;
    if !principal.role.is_staff() {
        filter.visible_to_requester = Some(principal.user_id);
    }
    Ok(filter)
}

pub async fn page(
    ctx: &RequestContext,
    filter: &TicketFilter,
    page: &PageRequest,
) -> DomainResult<Vec<Ticket>> {
    let mut conn = ctx.state.pool.get().await?;
    Ok(ticket_list::page(&mut conn, filter, page).await?)
}

pub async fn count(ctx: &RequestContext, filter: &TicketFilter) -> DomainResult<i64> {
    let mut conn = ctx.state.pool.get().await?;
    Ok(ticket_list::count(&mut conn, filter).await?)
}

#[derive(Debug, Default)]
pub struct TicketUpdate {
    pub title: Option<String>,
    pub status: Option<TicketStatus>,
    pub priority: Option<TicketPriority>,
    pub category: Option<String>,
    /// `Some(None)` clears the notes.
    pub helpful_notes: Option<Option<String>>,
    pub expected_version: Option<i32>,
}

fn event(
    ticket_id: Uuid,
    kind: TicketEventKind,
    from: Option<String>,
    to: Option<String>,
    actor: Uuid,
) -> NewTicketEvent {
    NewTicketEvent {
        ticket_id,
        kind,
        from_value: from,
        to_value: to,
        actor_id: Some(actor),
    }
}

/// Locks a live ticket for a staff change and checks the optimistic version.
async fn lock_live(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    expected_version: Option<i32>,
) -> DomainResult<Ticket> {
    let ticket = Ticket::lock(conn, id)
        .await?
        .filter(|t| t.deleted_at.is_none())
        .ok_or(DomainError::NotFound("ticket"))?;
    if let Some(expected) = expected_version
        && expected != ticket.version
    {
        return Err(DomainError::Conflict(format!(
            "ticket was changed by someone else (version {} is current, you sent {expected})",
            ticket.version
        )));
    }
    Ok(ticket)
}

pub async fn update(ctx: &RequestContext, id: Uuid, input: TicketUpdate) -> DomainResult<Ticket> {
    let staff = ctx.viewer.require_staff()?;
    let title = input
        .title
        .as_deref()
        .map(|t| validation::text_in_range("title", t, TITLE_CHARS))
        .transpose()?;
    let helpful_notes = input
        .helpful_notes
        .as_ref()
        .map(|notes| {
            validation::optional_text("helpfulNotes", notes.as_deref(), HELPFUL_NOTES_MAX_CHARS)
        })
        .transpose()?;
    let mut conn = ctx.state.pool.get().await?;
    let category_id = match input.category.as_deref() {
        Some(slug) => Some(resolve_category(&mut conn, Some(slug)).await?),
        None => None,
    };
    conn.transaction(async |conn| {
        let current = lock_live(conn, id, input.expected_version).await?;
        let mut changes = TicketChanges::default();
        let mut events = Vec::new();
        let mut edited = false;

        if let Some(to) = input.status.filter(|s| *s != current.status) {
            ensure_transition(current.status, to)?;
            let effects = transition_effects(current.status, to);
            let now = Utc::now();
            changes.status = Some(to);
            changes.resolved_at = timestamp(effects.resolved_at, now);
            changes.closed_at = timestamp(effects.closed_at, now);
            events.push(event(
                id,
                TicketEventKind::StatusChanged,
                Some(current.status.to_string()),
                Some(to.to_string()),
                staff.user_id,
            ));
        }
        if let Some(to) = input.priority.filter(|p| *p != current.priority) {
            changes.priority = Some(to);
            events.push(event(
                id,
                TicketEventKind::PriorityChanged,
                Some(current.priority.to_string()),
                Some(to.to_string()),
                staff.user_id,
            ));
        }
        if let Some(title) = title.filter(|t| *t != current.title) {
            changes.title = Some(title);
            edited = true;
        }
        if let Some(category_id) = category_id.filter(|c| *c != current.category_id) {
            changes.category_id = Some(category_id);
            edited = true;
        }
        if let Some(notes) = helpful_notes.filter(|n| *n != current.helpful_notes) {
            changes.helpful_notes = Some(notes);
            edited = true;
        }
        if edited {
            events.push(event(
                id,
                TicketEventKind::Updated,
                None,
                None,
                staff.user_id,
            ));
        }
        if events.is_empty() {
            return Ok(current);
        }
        Ok(Ticket::apply(conn, id, &changes, &events).await?)
    })
    .await
}

fn timestamp(
    change: TimestampChange,
    now: chrono::DateTime<Utc>,
) -> Option<Option<chrono::DateTime<Utc>>> {
    match change {
        TimestampChange::Keep => None,
        TimestampChange::SetNow => Some(Some(now)),
        TimestampChange::Clear => Some(None),
    }
}

/// Sets or clears the assignee; only active moderators and admins can be assigned.
pub async fn assign(
    ctx: &RequestContext,
    id: Uuid,
    assignee_id: Option<Uuid>,
) -> DomainResult<Ticket> {
    let staff = ctx.viewer.require_staff()?;
    let mut conn = ctx.state.pool.get().await?;
    if let Some(assignee_id) = assignee_id {
        let assignee = User::find(&mut conn, assignee_id).await?;
        if !assignee.is_some_and(|u| u.active && u.role.is_staff()) {
            return Err(DomainError::invalid(
                "assigneeId",
                "the assignee must be an active moderator or admin",
            ));
        }
    }
    conn.transaction(async |conn| {
        let current = lock_live(conn, id, None).await?;
        if current.assignee_id == assignee_id {
            return Ok(current);
        }
        let kind = if assignee_id.is_some() {
            TicketEventKind::Assigned
        } else {
            TicketEventKind::Unassigned
        };
        let changes = TicketChanges {
            assignee_id: Some(assignee_id),
            ..Default::default()
        };
        let events = [event(
            id,
            kind,
            current.assignee_id.map(|u| u.to_string()),
            assignee_id.map(|u| u.to_string()),
            staff.user_id,
        )];
        Ok(Ticket::apply(conn, id, &changes, &events).await?)
    })
    .await
}

/// Moves a ticket to the trash, where it is hidden from every query.
pub async fn delete(ctx: &RequestContext, id: Uuid) -> DomainResult<Ticket> {
    let staff = ctx.viewer.require_staff()?;
    let mut conn = ctx.state.pool.get().await?;
    conn.transaction(async |conn| {
        lock_live(conn, id, None).await?;
        let changes = TicketChanges {
            deleted_at: Some(Some(Utc::now())),
            deleted_by_id: Some(Some(staff.user_id)),
            ..Default::default()
        };
        let events = [event(
            id,
            TicketEventKind::Deleted,
            None,
            None,
            staff.user_id,
        )];
        Ok(Ticket::apply(conn, id, &changes, &events).await?)
    })
    .await
}

pub async fn restore(ctx: &RequestContext, id: Uuid) -> DomainResult<Ticket> {
    let admin = ctx.viewer.require_admin()?;
    let mut conn = ctx.state.pool.get().await?;
    conn.transaction(async |conn| {
        let ticket = Ticket::lock(conn, id)
            .await?
            .filter(|t| t.deleted_at.is_some())
            .ok_or(DomainError::NotFound("deleted ticket"))?;
        let changes = TicketChanges {
            deleted_at: Some(None),
            deleted_by_id: Some(None),
            ..Default::default()
        };
        let events = [event(
            ticket.id,
            TicketEventKind::Restored,
            None,
            None,
            admin.user_id,
        )];
        Ok(Ticket::apply(conn, id, &changes, &events).await?)
    })
    .await
}

pub async fn history(
    ctx: &RequestContext,
    ticket: &Ticket,
) -> DomainResult<Vec<crate::db::models::event::TicketEvent>> {
    visible(ctx, ticket.clone())?;
    let mut conn = ctx.state.pool.get().await?;
    Ok(crate::db::models::event::TicketEvent::for_ticket(&mut conn, ticket.id).await?)
}
