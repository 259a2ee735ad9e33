//! The conversation thread: messages, their attachments, and help articles.

use async_graphql::connection::{Connection, Edge, EmptyFields};
use async_graphql::{Context, ID, Object, SimpleObject};
use chrono::{DateTime, Utc};
use uuid::Uuid;

use crate::db::models::article::HelpArticle;
use crate::db::models::attachment::Attachment;
use crate::db::models::message::{ThreadView, TicketMessage};
use crate::domain::DomainError;
use crate::domain::attachment::AttachmentKind;
use crate::domain::thread::AuthorRole;
use crate::graphql::context::{parse_uuid, request_ctx};
use crate::graphql::error::GqlResult;
use crate::graphql::loaders::{
    ArticlesOfTicket, AttachmentsOfMessage, AttachmentsOfTicket, Loaders, ThreadPage, UserId,
};
use crate::graphql::types::user::UserObject;

pub const MAX_MESSAGES_PAGE: i32 = 100;

#[derive(Clone)]
pub struct TicketMessageObject(pub TicketMessage);

#[Object(name = "TicketMessage")]
impl TicketMessageObject {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }

    /// The author's display name (a guest's name as they gave it).
    async fn author_name(&self) -> &str {
        &self.0.author_name
    }

    async fn author_role(&self) -> AuthorRole {
        self.0.author_role
    }

    /// The number of the ticket this message was moved from by a merge (the merged
    /// ticket's description arrives as its requester's message); null otherwise.
    async fn merged_from(&self) -> Option<&str> {
        self.0.merged_from.as_deref()
    }

    /// Staff only: the author's account (null for guests).
    async fn author(&self, ctx: &Context<'_>) -> GqlResult<Option<UserObject>> {
        if !request_ctx(ctx)?.viewer.is_staff() {
            return Ok(None);
        }
        match self.0.author_id {
            Some(id) => Ok(ctx
                .data::<Loaders>()?
                .load_one(UserId(id))
                .await?
                .map(UserObject::new)),
            None => Ok(None),
        }
    }

    /// An internal note: staff only, never shown to the requester.
    async fn internal(&self) -> bool {
        self.0.internal
    }

    /// Markdown, as written.
    async fn body(&self) -> &str {
        &self.0.body
    }

    /// The body rendered to sanitized HTML, safe to insert into a page.
    async fn body_html(&self) -> &str {
        &self.0.body_html
    }

    async fn attachments(&self, ctx: &Context<'_>) -> GqlResult<Vec<AttachmentObject>> {
        Ok(ctx
            .data::<Loaders>()?
            .load_one(AttachmentsOfMessage(self.0.id))
            .await?
            .unwrap_or_default()
            .into_iter()
            .map(AttachmentObject)
            .collect())
    }

    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
}

#[derive(Clone)]
pub struct AttachmentObject(pub Attachment);

#[Object(name = "Attachment")]
impl AttachmentObject {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }

    async fn kind(&self) -> AttachmentKind {
        self.0.kind
    }

    /// Sanitized file name.
    async fn file_name(&self) -> &str {
        &self.0.file_name
    }

    /// Detected from the file's content, not taken from the upload.
    async fn content_type(&self) -> &str {
        &self.0.content_type
    }

    async fn size_bytes(&self) -> i64 {
        self.0.size_bytes
    }

    /// Hex SHA-256 of the content.
    async fn sha256(&self) -> String {
        self.0.sha256.iter().map(|b| format!("{b:02x}")).collect()
    }

    /// Download path, relative to the server (authorize as for GraphQL, or add
    /// `?tracking_token=` as a guest).
    async fn download_path(&self) -> String {
        format!("/attachments/{}", self.0.id)
    }

    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
}

/// Beside `edges` and `pageInfo`.
#[derive(SimpleObject)]
pub struct MessageConnectionFields {
    /// Messages the viewer may see, across all pages.
    pub total_count: i64,
}

pub type MessageConnection =
    Connection<String, TicketMessageObject, MessageConnectionFields, EmptyFields>;

/// One page of a thread, oldest first; `include_internal` only for staff.
pub async fn message_page(
    ctx: &Context<'_>,
    view: ThreadView,
    first: Option<i32>,
    after: Option<String>,
) -> GqlResult<MessageConnection> {
    let size = first.unwrap_or(50);
    if !(0..=MAX_MESSAGES_PAGE).contains(&size) {
        return Err(DomainError::invalid(
            "first",
            format!("first must be between 0 and {MAX_MESSAGES_PAGE}"),
        )
        .into());
    }
    let after = after
        .map(|cursor| parse_uuid("after", &ID(cursor)))
        .transpose()?;
    let page = ThreadPage {
        ticket_id: view.ticket_id,
        include_internal: view.include_internal,
        after,
        limit: i64::from(size) + 1,
    };
    let (mut rows, total) = ctx
        .data::<Loaders>()?
        .load_one(page)
        .await?
        .unwrap_or_default();
    let has_next = rows.len() > size as usize;
    rows.truncate(size as usize);
    let mut connection = Connection::with_additional_fields(
        after.is_some(),
        has_next,
        MessageConnectionFields { total_count: total },
    );
    connection.edges.extend(
        rows.into_iter()
            .map(|message| Edge::new(message.id.to_string(), TicketMessageObject(message))),
    );
    Ok(connection)
}

pub async fn ticket_attachments(
    ctx: &Context<'_>,
    ticket_id: Uuid,
) -> GqlResult<Vec<AttachmentObject>> {
    Ok(ctx
        .data::<Loaders>()?
        .load_one(AttachmentsOfTicket(ticket_id))
        .await?
        .unwrap_or_default()
        .into_iter()
        .map(AttachmentObject)
        .collect())
}

/// Linked articles; drafts only when `include_drafts` (staff).
pub async fn ticket_articles(
    ctx: &Context<'_>,
    ticket_id: Uuid,
    include_drafts: bool,
) -> GqlResult<Vec<HelpArticleObject>> {
    Ok(ctx
        .data::<Loaders>()?
        .load_one(ArticlesOfTicket(ticket_id))
        .await?
        .unwrap_or_default()
        .into_iter()
        .filter(|article| include_drafts || article.published)
        .map(HelpArticleObject)
        .collect())
}

#[derive(Clone)]
pub struct HelpArticleObject(pub HelpArticle);

#[Object(name = "HelpArticle")]
impl HelpArticleObject {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }

    async fn slug(&self) -> &str {
        &self.0.slug
    }

    async fn title(&self) -> &str {
        &self.0.title
    }

    /// Markdown, as written.
    async fn body(&self) -> &str {
        &self.0.body
    }

    /// Sanitized HTML.
    async fn body_html(&self) -> &str {
        &self.0.body_html
    }

    async fn tags(&self) -> &[String] {
        &self.0.tags
    }

    async fn published(&self) -> bool {
        self.0.published
    }

    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }

    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }
}

/// A suggested article and how well it matched.
#[derive(SimpleObject)]
pub struct ArticleSuggestion {
    pub article: HelpArticleObject,
    /// Relevance (higher is better); every-word matches rank above any-word matches.
    pub score: f64,
}
