//! Tickets from AI-assistant conversations: draft one from a transcript (never writes
//! anything), or file it with the transcript attached.

use crate::ai::Draft;
use crate::db::models::category::Category;
use crate::db::models::ticket::Ticket;
use crate::domain::ticket::TicketPriority;
use crate::domain::triage::draft::{Speaker, Turn};
use crate::domain::{DomainError, DomainResult};
use crate::services::RequestContext;
use crate::services::intake::{self, GuestContact, TicketDraft, Transcript};
use crate::services::limits;
use crate::services::triage::Vocabulary;

pub const MAX_TURNS: usize = 100;
pub const MAX_TURN_CHARS: usize = 4_000;
pub const MAX_TRANSCRIPT_CHARS: usize = 40_000;
pub const MAX_REF_CHARS: usize = 200;
/// Drafts cost an LLM call; anonymous callers get this many per IP per hour.
const GUEST_DRAFTS_PER_HOUR: i32 = 30;

pub struct Conversation {
    pub turns: Vec<Turn>,
    pub conversation_ref: Option<String>,
}

/// A suggested ticket with the category resolved.
pub struct Suggestion {
    pub draft: Draft,
    pub category: Option<Category>,
}

fn validate(conversation: &Conversation) -> DomainResult<()> {
    let turns = &conversation.turns;
    if turns.is_empty() || turns.len() > MAX_TURNS {
        return Err(DomainError::invalid(
            "messages",
            format!("a conversation has 1 to {MAX_TURNS} messages"),
        ));
    }
    if turns
        .iter()
        .any(|t| t.content.trim().is_empty() || t.content.chars().count() > MAX_TURN_CHARS)
    {
        return Err(DomainError::invalid(
            "messages",
            format!("every message needs 1 to {MAX_TURN_CHARS} characters of content"),
        ));
    }
    if turns
        .iter()
        .map(|t| t.content.chars().count())
        .sum::<usize>()
        > MAX_TRANSCRIPT_CHARS
    {
        return Err(DomainError::invalid(
            "messages",
            format!("a conversation holds at most {MAX_TRANSCRIPT_CHARS} characters"),
        ));
    }
    if !turns.iter().any(|t| t.role == Speaker::User) {
        return Err(DomainError::invalid(
            "messages",
            "the conversation has no message from the user",
        ));
    }
    if let Some(reference) = &conversation.conversation_ref
        && (reference.trim().is_empty() || reference.chars().count() > MAX_REF_CHARS)
    {
        return Err(DomainError::invalid(
            "conversationRef",
            format!("conversationRef has 1 to {MAX_REF_CHARS} characters"),
        ));
    }
    Ok(())
}

/// Suggests a ticket for the conversation; writes nothing (beyond a guest's rate counter).
pub async fn draft(ctx: &RequestContext, conversation: &Conversation) -> DomainResult<Suggestion> {
    validate(conversation)?;
    let mut conn = ctx.state.pool.get().await?;
    limits::anonymous_per_ip(ctx, &mut conn, "draft", GUEST_DRAFTS_PER_HOUR).await?;
    limits::per_user(
        ctx,
        &mut conn,
        "draft",
        ctx.state.config.draft_limit_per_user,
    )
    .await?;
    let pipeline = &ctx.state.pipeline;
    let vocabulary = Vocabulary::load(&mut conn, &pipeline.synonyms).await?;
    drop(conn);
    // Drafts have no ticket text yet; the analyzer only needs the vocabularies.
    let input = vocabulary.input("", "", &pipeline.synonyms);
    let draft = pipeline
        .provider
        .draft(&conversation.turns, &input)
        .await
        .ok_or_else(|| DomainError::invalid("messages", "nothing in the conversation to file"))?;
    let category = draft
        .analysis
        .category
        .as_ref()
        .and_then(|slug| vocabulary.category(slug))
        .cloned();
    Ok(Suggestion { draft, category })
}

/// The draft as the user edited it before filing.
pub struct EditedDraft {
    pub title: String,
    pub description: String,
    pub priority: Option<TicketPriority>,
    pub category: Option<String>,
}

pub struct Submitted {
    pub ticket: Ticket,
    /// For a guest: the secret of their tracking link (also emailed with the receipt).
    pub tracking_token: Option<String>,
}

/// Files the ticket with `source: AI_ASSISTANT` and the transcript attached, for the signed-in
/// user or, with `guest` contact details, as guest intake (same limits). With the user's
/// `edited` draft it files exactly that; without, it drafts from the conversation first.
pub async fn submit(
    ctx: &RequestContext,
    conversation: Conversation,
    edited: Option<EditedDraft>,
    guest: Option<GuestContact>,
) -> DomainResult<Submitted> {
    if guest.is_none() {
        ctx.viewer.principal()?;
    }
    let ticket_draft = match edited {
        Some(edited) => {
            validate(&conversation)?;
            TicketDraft {
                title: edited.title,
                description: edited.description,
                priority: edited.priority,
                category: edited.category,
                page_url: None,
                browser_info: None,
            }
        }
        None => {
            let suggestion = draft(ctx, &conversation).await?;
            TicketDraft {
                title: suggestion.draft.text.title,
                description: suggestion.draft.text.description,
                // Left to triage, which runs on the filed ticket like on any other.
                priority: None,
                category: suggestion.category.map(|c| c.slug),
                page_url: None,
                browser_info: None,
            }
        }
    };
    let turns = serde_json::to_value(&conversation.turns).map_err(anyhow::Error::from)?;
    let transcript = Transcript {
        conversation_ref: conversation.conversation_ref.as_deref(),
        turns: &turns,
    };
    match guest {
        Some(contact) if ctx.viewer.principal().is_err() => {
            let receipt =
                intake::submit_guest_with(ctx, contact, ticket_draft, Some(transcript), Vec::new())
                    .await?;
            Ok(Submitted {
                ticket: receipt.ticket,
                tracking_token: Some(receipt.tracking_token),
            })
        }
        _ => Ok(Submitted {
            ticket: intake::create_from_conversation(ctx, ticket_draft, transcript).await?,
            tracking_token: None,
        }),
    }
}
