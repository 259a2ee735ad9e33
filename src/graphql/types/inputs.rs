use async_graphql::{Enum, ID, InputObject, MaybeUndefined, Upload};
use chrono::{DateTime, Utc};

use crate::domain::roles::Role;
use crate::domain::sla::SlaState;
use crate::domain::ticket::{TicketPriority, TicketSource, TicketStatus};
use crate::domain::triage::draft::{Speaker, Turn};
use crate::services::conversations::Conversation;

#[derive(InputObject)]
pub struct SignUpInput {
    pub email: String,
    pub password: String,
    pub name: String,
}

#[derive(InputObject)]
pub struct LogInInput {
    pub email: String,
    pub password: String,
}

#[derive(InputObject)]
pub struct RefreshSessionInput {
    /// The refresh token from `signUp`/`logIn`/`refreshSession`.
    pub refresh_token: String,
}

#[derive(InputObject)]
pub struct CreateTicketInput {
    /// 5–200 characters.
    pub title: String,
    /// 10–5000 characters.
    pub description: String,
    /// Defaults to MEDIUM.
    pub priority: Option<TicketPriority>,
    /// Category slug; defaults to `general`.
    pub category: Option<String>,
    /// The page the user was on.
    pub page_url: Option<String>,
    pub browser_info: Option<String>,
    /// Files (multipart request): at most 5, 10 MiB each.
    pub attachments: Option<Vec<Upload>>,
    /// A PNG, JPEG or WebP screenshot of the page (multipart request).
    pub screenshot: Option<Upload>,
}

#[derive(InputObject)]
pub struct GuestTicketInput {
    pub title: String,
    pub description: String,
    pub customer_email: String,
    /// Defaults to "Guest".
    pub customer_name: Option<String>,
    pub priority: Option<TicketPriority>,
    pub category: Option<String>,
    pub page_url: Option<String>,
    pub browser_info: Option<String>,
    /// Files (multipart request): at most 5, 10 MiB each.
    pub attachments: Option<Vec<Upload>>,
    /// A PNG, JPEG or WebP screenshot of the page (multipart request).
    pub screenshot: Option<Upload>,
}

#[derive(InputObject)]
pub struct CreateTicketOnBehalfInput {
    pub customer_email: String,
    pub customer_name: Option<String>,
    pub title: String,
    pub description: String,
    pub priority: Option<TicketPriority>,
    pub category: Option<String>,
    /// How the request reached staff; defaults to STAFF.
    pub source: Option<TicketSource>,
}

#[derive(InputObject)]
pub struct UpdateTicketInput {
    pub title: Option<String>,
    pub status: Option<TicketStatus>,
    pub priority: Option<TicketPriority>,
    /// Category slug.
    pub category: Option<String>,
    /// Up to 2000 characters; null clears the notes.
    pub helpful_notes: MaybeUndefined<String>,
    /// Replaces the skills triage found (at most 10; synonyms collapse, so "React" becomes
    /// "ui"). Staff corrections teach the triage model.
    pub related_skills: Option<Vec<String>>,
    /// The `version` you last read; a stale one is refused with CONFLICT.
    pub expected_version: Option<i32>,
}

#[derive(InputObject)]
pub struct AssignTicketInput {
    /// Null unassigns.
    pub assignee_id: Option<ID>,
}

#[derive(InputObject)]
pub struct UpdateUserInput {
    pub role: Option<Role>,
    pub skills: Option<Vec<String>>,
    pub active: Option<bool>,
    pub name: Option<String>,
}

#[derive(InputObject)]
pub struct CreateCategoryInput {
    pub slug: String,
    pub name: String,
}

#[derive(InputObject, Default)]
pub struct UserFilterInput {
    pub role: Option<Role>,
    pub skill: Option<String>,
    pub active: Option<bool>,
}

#[derive(InputObject, Default)]
pub struct TicketFilterInput {
    pub status: Option<Vec<TicketStatus>>,
    pub priority: Option<Vec<TicketPriority>>,
    /// Category slug.
    pub category: Option<String>,
    /// A moderator's or admin's id.
    pub assignee_id: Option<ID>,
    /// Only tickets nobody is assigned to.
    pub unassigned: Option<bool>,
    pub requester_id: Option<ID>,
    pub created_after: Option<DateTime<Utc>>,
    pub created_before: Option<DateTime<Utc>>,
    /// Case-insensitive substring of number, title or description.
    pub text: Option<String>,
    /// Staff: where tickets stand against their SLA (tickets no policy covers match none).
    pub sla_state: Option<SlaState>,
    /// Staff: tickets with at least one of these tags.
    pub tags_any: Option<Vec<String>>,
    /// Staff: tickets with all of these tags.
    pub tags_all: Option<Vec<String>>,
}

#[derive(Enum, Copy, Clone, Eq, PartialEq, Default)]
pub enum TicketOrderField {
    #[default]
    CreatedAt,
    UpdatedAt,
    Priority,
    /// Nearest running SLA deadline first (ascending); tickets without one last.
    SlaDue,
}

#[derive(Enum, Copy, Clone, Eq, PartialEq, Default)]
pub enum OrderDirection {
    Asc,
    #[default]
    Desc,
}

#[derive(InputObject, Default)]
pub struct TicketOrder {
    #[graphql(default)]
    pub field: TicketOrderField,
    #[graphql(default)]
    pub direction: OrderDirection,
}

#[derive(InputObject)]
pub struct ConversationMessageInput {
    pub role: Speaker,
    /// 1–4,000 characters.
    pub content: String,
}

impl From<ConversationMessageInput> for Turn {
    fn from(input: ConversationMessageInput) -> Self {
        Turn {
            role: input.role,
            content: input.content,
        }
    }
}

pub fn conversation(
    messages: Vec<ConversationMessageInput>,
    conversation_ref: Option<String>,
) -> Conversation {
    Conversation {
        turns: messages.into_iter().map(Turn::from).collect(),
        conversation_ref,
    }
}

#[derive(InputObject)]
pub struct SubmitConversationInput {
    /// The transcript, oldest message first (at most 100 messages).
    pub messages: Vec<ConversationMessageInput>,
    /// The assistant's id for the conversation, kept with the ticket.
    pub conversation_ref: Option<String>,
    /// Required without an account: the guest's email (guest limits apply).
    pub customer_email: Option<String>,
    pub customer_name: Option<String>,
    /// The draft as the user edited it (from `draftTicketFromConversation`); filed as given.
    pub draft: Option<ConversationDraftInput>,
}

#[derive(InputObject)]
pub struct AddTicketMessageInput {
    /// Markdown, 1–20,000 characters.
    pub body: String,
    /// Staff only: a note the requester never sees.
    #[graphql(default)]
    pub internal: bool,
    /// Staff only: move the ticket on in the same step (e.g. WAITING_FOR_CUSTOMER).
    pub next_status: Option<TicketStatus>,
    /// Files (multipart request): at most 5, 10 MiB each.
    pub attachments: Option<Vec<Upload>>,
}

#[derive(InputObject)]
pub struct GuestReplyInput {
    /// Markdown, 1–20,000 characters.
    pub body: String,
    /// Files (multipart request): at most 5, 10 MiB each.
    pub attachments: Option<Vec<Upload>>,
}

#[derive(InputObject)]
pub struct HelpArticleInput {
    /// Lowercase letters, digits and dashes; derived from the title when left out.
    pub slug: Option<String>,
    /// 3–200 characters (required when creating).
    pub title: Option<String>,
    /// Markdown (required when creating).
    pub body: Option<String>,
    pub tags: Option<Vec<String>>,
    /// Only published articles are public; new articles are drafts unless set.
    pub published: Option<bool>,
}

impl From<HelpArticleInput> for crate::services::articles::ArticleInput {
    fn from(input: HelpArticleInput) -> Self {
        Self {
            slug: input.slug,
            title: input.title,
            body: input.body,
            tags: input.tags,
            published: input.published,
        }
    }
}

/// A ticket draft as the user edited it before filing.
#[derive(InputObject)]
pub struct ConversationDraftInput {
    /// 5–200 characters.
    pub title: String,
    /// 10–5000 characters.
    pub description: String,
    pub priority: Option<TicketPriority>,
    /// Category slug.
    pub category: Option<String>,
}

impl From<ConversationDraftInput> for crate::services::conversations::EditedDraft {
    fn from(input: ConversationDraftInput) -> Self {
        Self {
            title: input.title,
            description: input.description,
            priority: input.priority,
            category: input.category,
        }
    }
}
