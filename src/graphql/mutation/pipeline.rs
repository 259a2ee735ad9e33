use async_graphql::{Context, ID, Object, SimpleObject};

use crate::graphql::context::request_ctx;
use crate::graphql::error::GqlResult;
use crate::graphql::guards::RoleGuard;
use crate::graphql::types::inputs::{SubmitConversationInput, conversation};
use crate::graphql::types::pipeline::JobObject;
use crate::graphql::types::ticket::TicketObject;
use crate::services::conversations;
use crate::services::intake::GuestContact;
use crate::services::jobs;

/// A ticket filed from a conversation. `ticket` is null for guests, who cannot read tickets;
/// they get their tracking link instead.
#[derive(SimpleObject)]
pub struct ConversationTicketPayload {
    pub id: ID,
    pub number: String,
    pub ticket: Option<TicketObject>,
    /// Guests: the secret for `trackTicket` and `replyAsGuest` (shown once, also emailed).
    pub tracking_token: Option<String>,
    /// Guests: the tracking page link.
    pub tracking_url: Option<String>,
}

#[derive(Default)]
pub struct PipelineMutation;

#[Object]
impl PipelineMutation {
    /// Files the ticket an AI-assistant conversation asks for (`source: AI_ASSISTANT`), with
    /// the transcript attached for staff: the user's edited `draft` as given, or else a fresh
    /// draft of the conversation. Works signed in, or as a guest with `customerEmail`.
    async fn submit_ticket_from_conversation(
        &self,
        ctx: &Context<'_>,
        input: SubmitConversationInput,
    ) -> GqlResult<ConversationTicketPayload> {
        let request = request_ctx(ctx)?;
        let guest = input.customer_email.map(|email| GuestContact {
            email,
            name: input.customer_name,
        });
        let signed_in = request.viewer.principal().is_ok();
        let submitted = conversations::submit(
            request,
            conversation(input.messages, input.conversation_ref),
            input.draft.map(Into::into),
            guest,
        )
        .await?;
        let public_url = &request.state.pipeline.mailer.public_url;
        let ticket = submitted.ticket;
        Ok(ConversationTicketPayload {
            id: ID(ticket.id.to_string()),
            number: ticket.number.clone(),
            tracking_url: submitted
                .tracking_token
                .as_ref()
                .map(|token| format!("{public_url}/track/{token}")),
            tracking_token: submitted.tracking_token,
            ticket: signed_in.then_some(TicketObject(ticket)),
        })
    }

    /// Admin: runs a failed job again now, with fresh attempts. Null when it already
    /// completed by the time this returns.
    #[graphql(guard = "RoleGuard::admin()")]
    async fn retry_job(&self, ctx: &Context<'_>, id: ID) -> GqlResult<Option<JobObject>> {
        let id = id
            .parse::<i64>()
            .map_err(|_| crate::domain::DomainError::invalid("id", "not a job id"))?;
        Ok(jobs::retry(request_ctx(ctx)?, id).await?.map(JobObject))
    }
}
