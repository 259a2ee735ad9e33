use async_graphql::{Context, ID, Object, SimpleObject};

use crate::graphql::context::{parse_uuid, request_ctx};
use crate::graphql::error::GqlResult;
use crate::graphql::guards::RoleGuard;
use crate::graphql::types::ticket::TicketObject;
use crate::services::merge;

#[derive(Default)]
pub struct MergeMutation;

/// What a merge did.
#[derive(SimpleObject)]
pub struct MergeResult {
    /// The merged ticket: CLOSED, with `mergedInto` set.
    source: TicketObject,
    /// The ticket that carries on, now with the source's thread.
    target: TicketObject,
    /// Messages moved, the source's description included.
    messages_moved: i32,
}

#[Object]
impl MergeMutation {
    /// Staff: merges `sourceId` into `targetId`. The source's description, messages and
    /// attachments move to the target, marked `mergedFrom`; the source is CLOSED for good with
    /// `mergedInto` set; both record a MERGED event; the source's requester is emailed and
    /// their tracking link opens the target. Refused: a ticket into itself (BAD_USER_INPUT),
    /// from or into a merged ticket (ALREADY_MERGED), a closed or cancelled one (CONFLICT), and
    /// tickets of different requesters unless `confirm` is true (CONFIRMATION_REQUIRED).
    #[graphql(guard = "RoleGuard::staff()")]
    async fn merge_tickets(
        &self,
        ctx: &Context<'_>,
        source_id: ID,
        target_id: ID,
        confirm: Option<bool>,
    ) -> GqlResult<MergeResult> {
        let source_id = parse_uuid("sourceId", &source_id)?;
        let target_id = parse_uuid("targetId", &target_id)?;
        let merged = merge::merge(
            request_ctx(ctx)?,
            source_id,
            target_id,
            confirm.unwrap_or(false),
        )
        .await?;
        Ok(MergeResult {
            source: TicketObject(merged.source),
            target: TicketObject(merged.target),
            messages_moved: i32::try_from(merged.messages_moved).unwrap_or(i32::MAX),
        })
    }
}
