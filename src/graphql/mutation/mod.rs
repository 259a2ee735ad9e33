mod accounts;
mod admin;
mod api_tokens;
mod conversation;
mod lifecycle;
mod macros;
mod merge;
mod pipeline;
mod preferences;
mod satisfaction;
mod sla;
mod tags;
mod tickets;
mod triage;
mod views;
mod webhooks;

use async_graphql::MergedObject;

#[derive(MergedObject, Default)]
pub struct Mutation(
    accounts::AccountMutation,
    tickets::TicketMutation,
    admin::AdminMutation,
    pipeline::PipelineMutation,
    conversation::ConversationMutation,
    satisfaction::SatisfactionMutation,
    sla::SlaMutation,
    api_tokens::ApiTokenMutation,
    lifecycle::LifecycleMutation,
    preferences::PreferencesMutation,
    webhooks::WebhookMutation,
    triage::TriageMutation,
    tags::TagMutation,
    views::ViewMutation,
    macros::MacroMutation,
    merge::MergeMutation,
);
