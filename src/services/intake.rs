//! Filing tickets: every way a ticket enters the desk (portal, public guest intake, staff on
//! behalf of a customer, AI-assistant transcripts), with validation and guest limits.

use diesel_async::{AsyncConnection, AsyncPgConnection};
use uuid::Uuid;

use crate::app::AppState;
use crate::db::models::attachment::Attachment;
use crate::db::models::category::Category;
use crate::db::models::conversation::NewTicketConversation;
use crate::db::models::ticket::{NewTicket, Ticket};
use crate::db::models::user::User;
use crate::domain::ticket::{PrioritySource, TicketPriority, TicketSource};
use crate::domain::validation::{
    self, BROWSER_INFO_MAX_CHARS, DESCRIPTION_CHARS, NAME_CHARS, PAGE_URL_MAX_CHARS, TITLE_CHARS,
};
use crate::domain::{DomainError, DomainResult};
use crate::services::attachments::{self, Destination, IncomingFile, PreparedFile, StoredFiles};
use crate::services::filing::OnFiled;
use crate::services::{RequestContext, guest_access, limits};

const DEFAULT_CATEGORY: &str = "general";

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
    /// `None` when the filer left it to the default (and so to triage).
    priority: Option<TicketPriority>,
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
        priority: draft.priority,
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
pub(crate) async fn resolve_category(
    conn: &mut AsyncPgConnection,
    slug: Option<&str>,
) -> DomainResult<Uuid> {
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
    let priority_source = match (draft.priority, source) {
        (None, _) => PrioritySource::Default,
        (Some(_), TicketSource::Portal | TicketSource::Guest | TicketSource::AiAssistant) => {
            PrioritySource::Requester
        }
        (Some(_), _) => PrioritySource::Staff,
    };
    NewTicket {
        id: Uuid::now_v7(),
        title: draft.title,
        description: draft.description,
        priority: draft.priority.unwrap_or_default(),
        priority_source,
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

/// The signed-in user as the requester of their own ticket.
async fn signed_in_requester(
    conn: &mut AsyncPgConnection,
    user_id: Uuid,
) -> DomainResult<Requester> {
    let user = User::find(conn, user_id)
        .await?
        .ok_or(DomainError::Unauthenticated)?;
    Ok(Requester {
        id: Some(user.id),
        name: user.name,
        email: user.email,
    })
}

/// A signed-in user files a ticket for themselves, optionally with files and a screenshot.
pub async fn create(
    ctx: &RequestContext,
    draft: TicketDraft,
    files: Vec<IncomingFile>,
) -> DomainResult<Ticket> {
    let principal = ctx.viewer.principal()?;
    let mut conn = ctx.state.pool.get().await?;
    let valid = validate_draft(&mut conn, &draft).await?;
    // Each ticket runs triage (possibly a paid LLM call).
    let limit = ctx.state.config.create_ticket_limit_per_user;
    limits::per_user(ctx, &mut conn, "create-ticket", limit).await?;
    let requester = signed_in_requester(&mut conn, principal.user_id).await?;
    drop(conn);
    let files = attachments::prepare(&ctx.state.config.conversation, files).await?;
    let ticket = new_ticket(
        valid,
        TicketSource::Portal,
        requester,
        Some(principal.user_id),
    );
    if files.is_empty() {
        // The common case goes through the group-commit writer.
        return Ok(ctx.state.ticket_writer.file(ticket).await?);
    }
    let stored = store_for(ctx, &ticket, files).await?;
    let mut conn = ctx.state.pool.get().await?;
    let filed = conn
        .transaction(async |conn| {
            let ticket = file(conn, &ctx.state, &ticket).await?;
            Attachment::insert_all(conn, stored.rows()).await?;
            Ok::<_, DomainError>(ticket)
        })
        .await;
    stored.settle(&ctx.state.storage, filed).await
}

/// Stores a new ticket's files under its (already chosen) id, before the ticket row exists.
async fn store_for(
    ctx: &RequestContext,
    ticket: &NewTicket,
    files: Vec<PreparedFile>,
) -> DomainResult<StoredFiles> {
    let destination = Destination {
        ticket_id: ticket.id,
        message_id: None,
        internal: false,
        uploaded_by_id: ticket.created_by_id,
    };
    attachments::store(&ctx.state.storage, destination, files).await
}

pub struct GuestContact {
    pub email: String,
    pub name: Option<String>,
}

/// Inserts a ticket with what goes with it (`services::filing`), on the caller's transaction.
async fn file(
    conn: &mut AsyncPgConnection,
    state: &AppState,
    ticket: &NewTicket,
) -> DomainResult<Ticket> {
    let mut ticket = ticket.insert(conn).await?;
    OnFiled::from_config(&state.config)
        .run(conn, std::slice::from_mut(&mut ticket))
        .await?;
    Ok(ticket)
}

/// The AI-assistant conversation a ticket is filed from, stored with it.
#[derive(Debug, Clone, Copy)]
pub struct Transcript<'a> {
    pub conversation_ref: Option<&'a str>,
    pub turns: &'a serde_json::Value,
}

impl Transcript<'_> {
    async fn insert(&self, conn: &mut AsyncPgConnection, ticket_id: Uuid) -> DomainResult<()> {
        NewTicketConversation {
            ticket_id,
            conversation_ref: self.conversation_ref,
            transcript: self.turns,
        }
        .insert(conn)
        .await?;
        Ok(())
    }
}

/// Public intake: no account, limited per email and per IP. The counters and the ticket share
/// one transaction, so a refused or failed submission does not use up the allowance.
pub async fn submit_guest(
    ctx: &RequestContext,
    contact: GuestContact,
    draft: TicketDraft,
    files: Vec<IncomingFile>,
) -> DomainResult<GuestReceipt> {
    submit_guest_with(ctx, contact, draft, None, files).await
}

/// A guest's new ticket and the tracking token that opens it (shown once).
pub struct GuestReceipt {
    pub ticket: Ticket,
    pub tracking_token: String,
}

/// A signed-in user files a ticket drafted from their AI-assistant conversation.
pub async fn create_from_conversation(
    ctx: &RequestContext,
    draft: TicketDraft,
    transcript: Transcript<'_>,
) -> DomainResult<Ticket> {
    let principal = ctx.viewer.principal()?;
    let mut conn = ctx.state.pool.get().await?;
    let valid = validate_draft(&mut conn, &draft).await?;
    let requester = signed_in_requester(&mut conn, principal.user_id).await?;
    let ticket = new_ticket(
        valid,
        TicketSource::AiAssistant,
        requester,
        Some(principal.user_id),
    );
    conn.transaction(async |conn| {
        let ticket = file(conn, &ctx.state, &ticket).await?;
        transcript.insert(conn, ticket.id).await?;
        Ok(ticket)
    })
    .await
}

/// Guest intake, optionally from an AI-assistant conversation (then filed as `AI_ASSISTANT`,
/// under the same limits).
pub async fn submit_guest_with(
    ctx: &RequestContext,
    contact: GuestContact,
    draft: TicketDraft,
    transcript: Option<Transcript<'_>>,
    files: Vec<IncomingFile>,
) -> DomainResult<GuestReceipt> {
    let source = match transcript {
        Some(_) => TicketSource::AiAssistant,
        None => TicketSource::Guest,
    };
    submit_guest_from(ctx, contact, draft, source, transcript, files).await
}

/// A guest ticket opened by an email to the support address (`source: EMAIL`), under the
/// same limits as the web form.
pub async fn submit_guest_email(
    ctx: &RequestContext,
    contact: GuestContact,
    draft: TicketDraft,
    files: Vec<IncomingFile>,
) -> DomainResult<GuestReceipt> {
    submit_guest_from(ctx, contact, draft, TicketSource::Email, None, files).await
}

async fn submit_guest_from(
    ctx: &RequestContext,
    contact: GuestContact,
    draft: TicketDraft,
    source: TicketSource,
    transcript: Option<Transcript<'_>>,
    files: Vec<IncomingFile>,
) -> DomainResult<GuestReceipt> {
    let email = validation::email("customerEmail", &contact.email)?;
    let name = match contact.name.as_deref().map(str::trim) {
        None | Some("") => "Guest".to_owned(),
        Some(name) => validation::text_in_range("customerName", name, NAME_CHARS)?,
    };
    let config = &ctx.state.config;
    let email_bucket = format!("guest:email:{email}");
    let ip_bucket = ctx.client_ip.map(|ip| format!("guest:ip:{ip}"));
    let mut conn = ctx.state.pool.get().await?;
    let valid = validate_draft(&mut conn, &draft).await?;
    // A caller already over a limit is refused before any file is read or stored.
    limits::ensure_under(&mut conn, &email_bucket, config.guest_limit_per_email).await?;
    if let Some(bucket) = &ip_bucket {
        limits::ensure_under(&mut conn, bucket, config.guest_limit_per_ip).await?;
    }
    // Files are checked and stored without holding a connection; the short transaction
    // below counts the submission (authoritatively) and records it.
    drop(conn);
    let files = attachments::prepare(&config.conversation, files).await?;
    let requester = Requester {
        id: None,
        name,
        email,
    };
    let ticket = new_ticket(valid, source, requester, None);
    let stored = store_for(ctx, &ticket, files).await?;
    let mut conn = match ctx.state.pool.get().await {
        Ok(conn) => conn,
        Err(err) => return stored.settle(&ctx.state.storage, Err(err.into())).await,
    };
    let filed = conn
        .transaction(async |conn| {
            limits::per_hour(conn, &email_bucket, config.guest_limit_per_email).await?;
            if let Some(bucket) = &ip_bucket {
                limits::per_hour(conn, bucket, config.guest_limit_per_ip).await?;
            }
            let ticket = file(conn, &ctx.state, &ticket).await?;
            Attachment::insert_all(conn, stored.rows()).await?;
            if let Some(transcript) = &transcript {
                transcript.insert(conn, ticket.id).await?;
            }
            let tracking_token = guest_access::issue(conn, ticket.id).await?;
            Ok(GuestReceipt {
                ticket,
                tracking_token,
            })
        })
        .await;
    stored.settle(&ctx.state.storage, filed).await
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
