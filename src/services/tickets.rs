//! Reading, editing, assigning and trashing tickets (filing them is `intake`).

use chrono::Utc;
use diesel_async::{AsyncConnection, AsyncPgConnection};
use uuid::Uuid;

use crate::app::AppState;
use crate::auth::Principal;
use crate::db::models::category::Category;
use crate::db::models::event::NewTicketEvent;
use crate::db::models::ticket::{Ticket, TicketChanges};
use crate::db::models::ticket_list::{self, PageRequest, TicketFilter};
use crate::db::models::user::User;
use crate::domain::history::FieldChange;
use crate::domain::skills::normalize_skills;
use crate::domain::ticket::{PrioritySource, TicketEventKind, TicketPriority, TicketStatus};
use crate::domain::triage::MAX_RELATED_SKILLS;
use crate::domain::validation::{self, HELPFUL_NOTES_MAX_CHARS, TITLE_CHARS};
use crate::domain::workflow::{TimestampChange, ensure_transition, transition_effects};
use crate::domain::{DomainError, DomainResult};
use crate::services::intake::resolve_category;
use crate::services::triage_learning::{self, Correction};
use crate::services::{RequestContext, sla};

/// Whether the viewer may see this (live) ticket; hidden and foreign tickets are reported as
/// missing so ids cannot be probed.
pub(crate) fn visible(ctx: &RequestContext, ticket: Ticket) -> DomainResult<Ticket> {
    let principal = ctx.viewer.principal()?;
    if principal.role.is_staff() || ticket.requester_id == Some(principal.user_id) {
        Ok(ticket)
    } else {
        Err(DomainError::NotFound("ticket"))
    }
}

/// For what only a ticket's requester does (rate it, answer its resolution): staff, who may
/// read the ticket, are refused; anyone else is told it does not exist.
pub(crate) fn ensure_requester(principal: &Principal, ticket: &Ticket) -> DomainResult<()> {
    if ticket.requester_id == Some(principal.user_id) {
        Ok(())
    } else if principal.role.is_staff() {
        Err(DomainError::Forbidden)
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
        if filter.sla_state.is_some() {
            return Err(DomainError::invalid(
                "slaState",
                "only staff can filter by SLA state",
            ));
        }
        if filter.tags_any.is_some() || filter.tags_all.is_some() {
            return Err(DomainError::invalid(
                "tags",
                "only staff can filter by tags",
            ));
        }
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
    /// Replaces the skills triage found (canonicalised through the synonym table).
    pub related_skills: Option<Vec<String>>,
    pub expected_version: Option<i32>,
}

pub(crate) fn event(
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
        internal: false,
        changes: None,
    }
}

/// Locks a live ticket for a change and checks the optimistic version.
pub(crate) async fn lock_live(
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
    let related_skills = input
        .related_skills
        .as_deref()
        .map(|skills| canonical_skills(&ctx.state, skills))
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
        // The edited fields, named as in the API (the UPDATED event's toValue and changes).
        let mut edited: Vec<FieldChange> = Vec::new();

        if let Some(to) = input.status.filter(|s| *s != current.status) {
            events.push(transition(&mut changes, &current, to, Some(staff.user_id))?);
        }
        let corrected_priority = input.priority.filter(|p| *p != current.priority);
        if let Some(to) = corrected_priority {
            events.push(set_priority_by_staff(
                &mut changes,
                &current,
                to,
                staff.user_id,
            ));
        }
        if let Some(title) = title.filter(|t| *t != current.title) {
            edited.push(FieldChange::new(
                "title",
                Some(current.title.clone()),
                Some(title.clone()),
            ));
            changes.title = Some(title);
        }
        let corrected_category = category_id
            .filter(|c| *c != current.category_id)
            .and(input.category.as_deref())
            .map(|slug| slug.trim().to_lowercase());
        if let Some(category_id) = category_id.filter(|c| *c != current.category_id) {
            let before = Category::find_many(conn, &[current.category_id]).await?;
            edited.push(FieldChange::new(
                "category",
                before.into_iter().next().map(|c| c.slug),
                corrected_category.clone(),
            ));
            changes.category_id = Some(category_id);
        }
        if let Some(notes) = helpful_notes.filter(|n| *n != current.helpful_notes) {
            edited.push(FieldChange::new(
                "helpfulNotes",
                current.helpful_notes.clone(),
                notes.clone(),
            ));
            changes.helpful_notes = Some(notes);
        }
        let corrected_skills = related_skills.filter(|s| *s != current.related_skills);
        if let Some(skills) = &corrected_skills {
            edited.push(FieldChange::new(
                "relatedSkills",
                Some(current.related_skills.join(", ")),
                Some(skills.join(", ")),
            ));
            changes.related_skills = Some(skills.clone());
        }
        if !edited.is_empty() {
            let fields: Vec<&str> = edited.iter().map(|c| c.field.as_str()).collect();
            events.push(NewTicketEvent {
                changes: Some(serde_json::to_value(&edited).map_err(anyhow::Error::from)?),
                ..event(
                    id,
                    TicketEventKind::Updated,
                    None,
                    Some(fields.join(",")),
                    staff.user_id,
                )
            });
        }
        if events.is_empty() {
            return Ok(current);
        }
        // Staff overruling triage teach it (recorded only for triaged tickets).
        triage_learning::record(
            conn,
            Correction {
                ticket_id: id,
                title: changes.title.as_deref().unwrap_or(&current.title),
                description: &current.description,
                category: corrected_category.as_deref(),
                priority: corrected_priority,
                skills: corrected_skills.as_deref(),
                staff_id: staff.user_id,
            },
        )
        .await?;
        apply_change(conn, &ctx.state, id, &changes, &events).await
    })
    .await
}

/// Skills as staff set them on a ticket: normalised, at most as many as triage may store,
/// and canonical, so assignment and the skill models read them like triage's own.
fn canonical_skills(state: &AppState, skills: &[String]) -> DomainResult<Vec<String>> {
    let normalized = normalize_skills("relatedSkills", skills)?;
    if normalized.len() > MAX_RELATED_SKILLS {
        return Err(DomainError::invalid(
            "relatedSkills",
            format!("at most {MAX_RELATED_SKILLS} skills"),
        ));
    }
    let mut canonical: Vec<String> = Vec::with_capacity(normalized.len());
    for skill in normalized {
        let skill = state.pipeline.synonyms.canonical(&skill);
        if !canonical.contains(&skill) {
            canonical.push(skill);
        }
    }
    Ok(canonical)
}

/// Applies a change to a locked ticket and keeps its SLA clocks in step, on the caller's
/// transaction: every edit of status, priority, category or first response goes through here.
pub(crate) async fn apply_change(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    id: Uuid,
    changes: &TicketChanges,
    events: &[NewTicketEvent],
) -> DomainResult<Ticket> {
    let ticket = Ticket::apply(conn, id, changes, events).await?;
    sla::sync(conn, &ticket, state.config.pipeline.sla_warning_percent).await?;
    Ok(ticket)
}

/// Moves `ticket` to `to` along the workflow: the status and the timestamps the move sets
/// or clears go into `changes`; the returned event records it.
pub(crate) fn transition(
    changes: &mut TicketChanges,
    ticket: &Ticket,
    to: TicketStatus,
    actor: Option<Uuid>,
) -> DomainResult<NewTicketEvent> {
    ensure_transition(ticket.status, to)?;
    let effects = transition_effects(ticket.status, to);
    let now = Utc::now();
    changes.status = Some(to);
    changes.resolved_at = timestamp(effects.resolved_at, now);
    changes.closed_at = timestamp(effects.closed_at, now);
    Ok(NewTicketEvent {
        ticket_id: ticket.id,
        kind: TicketEventKind::StatusChanged,
        from_value: Some(ticket.status.to_string()),
        to_value: Some(to.to_string()),
        actor_id: actor,
        internal: false,
        changes: None,
    })
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
        let mut changes = TicketChanges::default();
        let events = [reassign(&mut changes, &current, assignee_id, staff.user_id)];
        Ok(Ticket::apply(conn, id, &changes, &events).await?)
    })
    .await
}

/// A staff choice of priority: it stands against later triage (`prioritySource` STAFF).
pub(crate) fn set_priority_by_staff(
    changes: &mut TicketChanges,
    ticket: &Ticket,
    to: TicketPriority,
    actor: Uuid,
) -> NewTicketEvent {
    changes.priority = Some(to);
    changes.priority_source = Some(PrioritySource::Staff);
    event(
        ticket.id,
        TicketEventKind::PriorityChanged,
        Some(ticket.priority.to_string()),
        Some(to.to_string()),
        actor,
    )
}

/// Sets or clears the assignee of `ticket` (the caller checked who may be assigned).
pub(crate) fn reassign(
    changes: &mut TicketChanges,
    ticket: &Ticket,
    assignee_id: Option<Uuid>,
    actor: Uuid,
) -> NewTicketEvent {
    let kind = if assignee_id.is_some() {
        TicketEventKind::Assigned
    } else {
        TicketEventKind::Unassigned
    };
    changes.assignee_id = Some(assignee_id);
    event(
        ticket.id,
        kind,
        ticket.assignee_id.map(|u| u.to_string()),
        assignee_id.map(|u| u.to_string()),
        actor,
    )
}

/// Tickets listed per trash page, at most.
pub const MAX_TRASH_PAGE: i32 = 100;

/// Admins: the trash (what `restore` can bring back), most recently trashed first, with the
/// trash's size.
pub async fn trash(
    ctx: &RequestContext,
    first: i32,
    offset: i32,
) -> DomainResult<(Vec<Ticket>, i64)> {
    ctx.viewer.require_admin()?;
    if !(1..=MAX_TRASH_PAGE).contains(&first) {
        return Err(DomainError::invalid(
            "first",
            format!("first must be between 1 and {MAX_TRASH_PAGE}"),
        ));
    }
    if offset < 0 {
        return Err(DomainError::invalid(
            "offset",
            "offset must not be negative",
        ));
    }
    let mut conn = ctx.state.pool.get().await?;
    Ok(Ticket::trashed(&mut conn, i64::from(first), i64::from(offset)).await?)
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
        apply_change(conn, &ctx.state, id, &changes, &events).await
    })
    .await
}
