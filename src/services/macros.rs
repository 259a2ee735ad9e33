//! Macros: canned responses with actions. Staff keep personal macros; admins manage shared
//! ones. Applying a macro posts its reply and runs its actions in one transaction, through
//! the same workflow rules as a reply and an edit: if any action is refused, nothing stays.

use chrono::Utc;
use diesel_async::{AsyncConnection, AsyncPgConnection};
use uuid::Uuid;

use crate::db::models::audit::NewAuditEntry;
use crate::db::models::macro_row::{Macro, MacroContent};
use crate::db::models::message::TicketMessage;
use crate::db::models::ticket::{Ticket, TicketChanges};
use crate::db::models::user::User;
use crate::domain::macro_template::{self, TemplateValues};
use crate::domain::markdown::to_safe_html;
use crate::domain::tags::normalize_tags;
use crate::domain::thread::{AuthorRole, BODY_CHARS, Reply};
use crate::domain::ticket::{TicketPriority, TicketStatus};
use crate::domain::validation;
use crate::domain::{DomainError, DomainResult};
use crate::services::messages::record_reply;
use crate::services::tags::{TagChange, retag};
use crate::services::tickets::{self, apply_change, lock_live, reassign, set_priority_by_staff};
use crate::services::{RequestContext, name_taken_or};

const NAME_CHARS: (usize, usize) = (1, 80);

/// A macro as written in the API, before checks.
pub struct MacroDraft {
    pub name: String,
    pub body: String,
    pub set_status: Option<TicketStatus>,
    pub set_priority: Option<TicketPriority>,
    pub add_tags: Vec<String>,
    pub assign_to_me: bool,
    pub shared: bool,
}

/// What applying a macro would do.
pub struct MacroPreview {
    pub body: String,
    pub status: TicketStatus,
    pub priority: TicketPriority,
    pub add_tags: Vec<String>,
    pub assignee_id: Option<Uuid>,
}

pub async fn list(ctx: &RequestContext) -> DomainResult<Vec<Macro>> {
    let staff = ctx.viewer.require_staff()?;
    let mut conn = ctx.state.pool.get().await?;
    Ok(Macro::usable_by(&mut conn, staff.user_id).await?)
}

pub async fn create(ctx: &RequestContext, draft: MacroDraft) -> DomainResult<Macro> {
    let staff = ctx.viewer.require_staff()?;
    let content = checked(ctx, draft)?;
    let mut conn = ctx.state.pool.get().await?;
    conn.transaction(async |conn| {
        let saved = Macro::insert(conn, staff.user_id, &content)
            .await
            .map_err(|err| name_taken_or(err, "macro", &content.name))?;
        audit_shared(conn, ctx, &saved, "macros.create").await?;
        Ok(saved)
    })
    .await
}

/// Replaces a macro's content (its owner's if personal, an admin's if shared).
pub async fn update(ctx: &RequestContext, id: Uuid, draft: MacroDraft) -> DomainResult<Macro> {
    let current = editable(ctx, id).await?;
    let content = checked(ctx, draft)?;
    if content.shared != current.shared {
        ctx.viewer.require_admin()?;
    }
    let mut conn = ctx.state.pool.get().await?;
    conn.transaction(async |conn| {
        let saved = Macro::replace(conn, id, &content)
            .await
            .map_err(|err| name_taken_or(err, "macro", &content.name))?;
        audit_shared(conn, ctx, &saved, "macros.update").await?;
        Ok(saved)
    })
    .await
}

pub async fn delete(ctx: &RequestContext, id: Uuid) -> DomainResult<()> {
    let current = editable(ctx, id).await?;
    let mut conn = ctx.state.pool.get().await?;
    conn.transaction(async |conn| {
        Macro::delete(conn, id).await?;
        audit_shared(conn, ctx, &current, "macros.delete").await
    })
    .await
}

/// Renders the macro for a ticket and tells what its actions would change; writes nothing.
pub async fn preview(
    ctx: &RequestContext,
    ticket_id: Uuid,
    macro_id: Uuid,
) -> DomainResult<MacroPreview> {
    let staff = ctx.viewer.require_staff()?;
    let ticket = tickets::get(ctx, ticket_id).await?;
    let (saved, agent) = usable(ctx, macro_id, staff.user_id).await?;
    Ok(MacroPreview {
        body: rendered(&saved, &ticket, &agent.name),
        status: saved.set_status.unwrap_or(ticket.status),
        priority: saved.set_priority.unwrap_or(ticket.priority),
        add_tags: saved.add_tags.clone(),
        assignee_id: if saved.assign_to_me {
            Some(staff.user_id)
        } else {
            ticket.assignee_id
        },
    })
}

/// Posts the macro's reply (`override_body` replaces the rendered text) and runs its actions,
/// all in one transaction.
pub async fn apply(
    ctx: &RequestContext,
    ticket_id: Uuid,
    macro_id: Uuid,
    internal: bool,
    override_body: Option<String>,
) -> DomainResult<(Ticket, TicketMessage)> {
    let staff = ctx.viewer.require_staff()?;
    let (saved, agent) = usable(ctx, macro_id, staff.user_id).await?;
    let mut conn = ctx.state.pool.get().await?;
    conn.transaction(async |conn| {
        let current = lock_live(conn, ticket_id, None).await?;
        let body = match &override_body {
            Some(body) => body.clone(),
            None => rendered(&saved, &current, &agent.name),
        };
        let body = validation::text_in_range("overrideBody", &body, BODY_CHARS)?;
        let reply = Reply {
            author: AuthorRole::Staff,
            internal,
            next_status: saved.set_status,
        };
        let message = TicketMessage {
            id: Uuid::now_v7(),
            ticket_id,
            author_id: Some(agent.id),
            author_role: AuthorRole::Staff,
            author_name: agent.name.clone(),
            internal,
            body_html: to_safe_html(&body),
            body,
            created_at: Utc::now(),
            merged_from: None,
        };
        // The workflow decides on the status like for any reply: a move it forbids
        // refuses the whole macro.
        let mut changes = TicketChanges::default();
        let (message, mut events) =
            record_reply(conn, &current, &message, reply, &mut changes).await?;
        if let Some(to) = saved.set_priority.filter(|p| *p != current.priority) {
            events.push(set_priority_by_staff(&mut changes, &current, to, agent.id));
        }
        if saved.assign_to_me && current.assignee_id != Some(agent.id) {
            events.push(reassign(&mut changes, &current, Some(agent.id), agent.id));
        }
        if !saved.add_tags.is_empty() {
            let (_, tagged) =
                retag(conn, ticket_id, &saved.add_tags, TagChange::Add, agent.id).await?;
            events.extend(tagged);
        }
        let ticket = apply_change(conn, &ctx.state, ticket_id, &changes, &events).await?;
        Ok((ticket, message))
    })
    .await
}

fn rendered(saved: &Macro, ticket: &Ticket, agent_name: &str) -> String {
    macro_template::render(
        &saved.body,
        &TemplateValues {
            requester_name: &ticket.requester_name,
            ticket_number: &ticket.number,
            ticket_title: &ticket.title,
            agent_name,
        },
    )
}

fn checked(ctx: &RequestContext, draft: MacroDraft) -> DomainResult<MacroContent> {
    if draft.shared {
        ctx.viewer.require_admin()?;
    }
    let name = validation::text_in_range("name", &draft.name, NAME_CHARS)?;
    let body = validation::text_in_range("body", &draft.body, BODY_CHARS)?;
    macro_template::check("body", &body)?;
    let add_tags = if draft.add_tags.is_empty() {
        Vec::new()
    } else {
        normalize_tags("addTags", &draft.add_tags)?
    };
    Ok(MacroContent {
        name,
        body,
        set_status: draft.set_status,
        set_priority: draft.set_priority,
        add_tags,
        assign_to_me: draft.assign_to_me,
        shared: draft.shared,
    })
}

/// A macro the caller may apply (theirs, or shared) and the caller's account.
async fn usable(ctx: &RequestContext, id: Uuid, staff_id: Uuid) -> DomainResult<(Macro, User)> {
    let mut conn = ctx.state.pool.get().await?;
    let saved = Macro::find(&mut conn, id)
        .await?
        .filter(|m| m.shared || m.owner_id == staff_id)
        .ok_or(DomainError::NotFound("macro"))?;
    let agent = User::find(&mut conn, staff_id)
        .await?
        .ok_or(DomainError::Unauthenticated)?;
    Ok((saved, agent))
}

async fn editable(ctx: &RequestContext, id: Uuid) -> DomainResult<Macro> {
    let staff = ctx.viewer.require_staff()?;
    let (saved, _) = usable(ctx, id, staff.user_id).await?;
    if saved.shared {
        ctx.viewer.require_admin()?;
    }
    Ok(saved)
}

async fn audit_shared(
    conn: &mut AsyncPgConnection,
    ctx: &RequestContext,
    saved: &Macro,
    action: &str,
) -> DomainResult<()> {
    if !saved.shared {
        return Ok(());
    }
    NewAuditEntry {
        actor_id: ctx.viewer.user_id(),
        action,
        target: Some(&saved.id.to_string()),
        details: serde_json::json!({ "name": saved.name }),
        request_id: ctx.request_id.as_deref(),
    }
    .insert(conn)
    .await?;
    Ok(())
}
