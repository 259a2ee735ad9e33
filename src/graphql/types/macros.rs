use async_graphql::{Context, ID, InputObject, Object, SimpleObject};
use chrono::{DateTime, Utc};

use crate::db::models::macro_row::Macro;
use crate::domain::markdown::to_safe_html;
use crate::domain::ticket::{TicketPriority, TicketStatus};
use crate::graphql::error::GqlResult;
use crate::graphql::types::thread::TicketMessageObject;
use crate::graphql::types::ticket::{TicketObject, load_user};
use crate::graphql::types::user::UserObject;
use crate::services::macros::{MacroDraft, MacroPreview};

/// A canned response with actions. Placeholders in the body: `{{requester.name}}`,
/// `{{ticket.number}}`, `{{ticket.title}}`, `{{agent.name}}`.
pub struct MacroObject(pub Macro);

#[Object(name = "Macro")]
impl MacroObject {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }

    async fn name(&self) -> &str {
        &self.0.name
    }

    /// The Markdown template.
    async fn body(&self) -> &str {
        &self.0.body
    }

    async fn set_status(&self) -> Option<TicketStatus> {
        self.0.set_status
    }

    async fn set_priority(&self) -> Option<TicketPriority> {
        self.0.set_priority
    }

    async fn add_tags(&self) -> &[String] {
        &self.0.add_tags
    }

    async fn assign_to_me(&self) -> bool {
        self.0.assign_to_me
    }

    /// Usable by all staff; admins edit it.
    async fn shared(&self) -> bool {
        self.0.shared
    }

    async fn owner(&self, ctx: &Context<'_>) -> GqlResult<Option<UserObject>> {
        load_user(ctx, Some(self.0.owner_id)).await
    }

    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }

    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }
}

#[derive(InputObject)]
pub struct MacroInput {
    /// 1–80 characters, unique among your macros.
    pub name: String,
    /// Markdown, 1–20,000 characters; an unknown placeholder is refused.
    pub body: String,
    pub set_status: Option<TicketStatus>,
    pub set_priority: Option<TicketPriority>,
    #[graphql(default)]
    pub add_tags: Vec<String>,
    #[graphql(default)]
    pub assign_to_me: bool,
    /// Admins only: a macro all staff can use.
    #[graphql(default)]
    pub shared: bool,
}

impl From<MacroInput> for MacroDraft {
    fn from(input: MacroInput) -> Self {
        Self {
            name: input.name,
            body: input.body,
            set_status: input.set_status,
            set_priority: input.set_priority,
            add_tags: input.add_tags,
            assign_to_me: input.assign_to_me,
            shared: input.shared,
        }
    }
}

#[derive(InputObject, Default)]
pub struct ApplyMacroInput {
    /// Post the text as an internal note instead of a reply to the requester.
    #[graphql(default)]
    pub internal: bool,
    /// The text to post instead of the rendered template (as edited after a preview).
    pub override_body: Option<String>,
}

/// What applying a macro would post and change; nothing is written.
pub struct MacroPreviewObject(pub MacroPreview);

#[Object(name = "MacroPreview")]
impl MacroPreviewObject {
    /// The rendered Markdown (placeholder values escaped).
    async fn body(&self) -> &str {
        &self.0.body
    }

    async fn body_html(&self) -> String {
        to_safe_html(&self.0.body)
    }

    /// The status after the macro.
    async fn status(&self) -> TicketStatus {
        self.0.status
    }

    async fn priority(&self) -> TicketPriority {
        self.0.priority
    }

    async fn add_tags(&self) -> &[String] {
        &self.0.add_tags
    }

    async fn assignee(&self, ctx: &Context<'_>) -> GqlResult<Option<UserObject>> {
        load_user(ctx, self.0.assignee_id).await
    }
}

#[derive(SimpleObject)]
pub struct AppliedMacro {
    pub ticket: TicketObject,
    pub message: TicketMessageObject,
}
