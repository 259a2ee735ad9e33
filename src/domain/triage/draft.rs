//! Drafting a ticket from an AI-assistant conversation (the builtin way): the title is the
//! user's main question, the description a clean digest of what the user said.

use super::text::{collapse_whitespace, plain, sentences, truncate_words};
use crate::domain::validation::{DESCRIPTION_CHARS, TITLE_CHARS};

/// Who spoke a turn of the transcript.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, async_graphql::Enum,
)]
#[serde(rename_all = "lowercase")]
#[graphql(name = "ConversationRole")]
pub enum Speaker {
    User,
    Assistant,
    System,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Turn {
    pub role: Speaker,
    pub content: String,
}

/// The title and description of a drafted ticket (priority and category come from triage).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftText {
    pub title: String,
    pub description: String,
}

const TITLE_TARGET_CHARS: usize = 120;
const DIGEST_HEADER: &str = "Customer's messages from the AI assistant conversation:";

pub fn draft_text(turns: &[Turn]) -> Option<DraftText> {
    let user_turns: Vec<String> = turns
        .iter()
        .filter(|t| t.role == Speaker::User)
        .map(|t| collapse_whitespace(&plain(&t.content, DESCRIPTION_CHARS.1)))
        .filter(|t| !t.is_empty())
        .collect();
    let first = user_turns.first()?;
    // The main question: the first sentence asking something, else the opening sentence.
    let question = user_turns
        .iter()
        .flat_map(|turn| sentences(turn))
        .find(|s| s.ends_with('?') && s.chars().count() >= TITLE_CHARS.0)
        .or_else(|| sentences(first).into_iter().next())?;
    let mut title = truncate_words(&question, TITLE_TARGET_CHARS.min(TITLE_CHARS.1));
    if title.chars().count() < TITLE_CHARS.0 {
        title = format!("Help request: {title}");
    }
    let mut description = String::from(DIGEST_HEADER);
    for turn in &user_turns {
        description.push_str("\n- ");
        description.push_str(turn);
    }
    Some(DraftText {
        title,
        description: truncate_words(&description, DESCRIPTION_CHARS.1),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn turn(role: Speaker, content: &str) -> Turn {
        Turn {
            role,
            content: content.into(),
        }
    }

    #[test]
    fn title_is_the_users_question_and_description_digests_user_turns() {
        let draft = draft_text(&[
            turn(Speaker::System, "You are a helpful assistant."),
            turn(
                Speaker::User,
                "Hi there.   I was charged twice this month. Why was my card charged twice?",
            ),
            turn(
                Speaker::Assistant,
                "I'm sorry to hear that. Let me create a ticket.",
            ),
            turn(Speaker::User, "Thanks, the invoice number is INV-2291."),
        ])
        .expect("draft");
        assert_eq!(draft.title, "Why was my card charged twice?");
        assert!(
            draft
                .description
                .contains("- Hi there. I was charged twice this month.")
        );
        assert!(
            draft
                .description
                .contains("- Thanks, the invoice number is INV-2291.")
        );
        assert!(!draft.description.contains("I'm sorry"));
    }

    #[test]
    fn no_user_turn_means_no_draft() {
        assert_eq!(draft_text(&[turn(Speaker::Assistant, "Hello!")]), None);
    }

    #[test]
    fn short_openers_get_a_readable_title() {
        let draft = draft_text(&[turn(Speaker::User, "Help")]).expect("draft");
        assert_eq!(draft.title, "Help request: Help");
    }
}
