use async_graphql::{Context, Object};
use chrono::{DateTime, Utc};

use crate::db::models::duplicate::{DuplicatePair, DuplicateReason};
use crate::graphql::error::GqlResult;
use crate::graphql::loaders::{Loaders, TicketId};
use crate::graphql::types::ticket::TicketObject;

/// A ticket that may be about the same problem (found when either was filed).
pub struct PossibleDuplicateObject(pub DuplicatePair);

#[Object(name = "PossibleDuplicate")]
impl PossibleDuplicateObject {
    /// The other ticket (open and unmerged when it was paired; null once trashed).
    async fn ticket(&self, ctx: &Context<'_>) -> GqlResult<Option<TicketObject>> {
        Ok(ctx
            .data::<Loaders>()?
            .load_one(TicketId(self.0.other_id))
            .await?
            .map(TicketObject))
    }

    /// How alike the two read, from 0 to 1 (trigram similarity of titles and descriptions).
    async fn score(&self) -> f64 {
        f64::from(self.0.score)
    }

    async fn reason(&self) -> DuplicateReason {
        self.0
            .reason
            .parse()
            .unwrap_or(DuplicateReason::SimilarText)
    }

    async fn found_at(&self) -> DateTime<Utc> {
        self.0.found_at
    }
}
