use async_graphql::{Context, InputObject, Object};
use chrono::{DateTime, Utc};
use uuid::Uuid;

use crate::db::models::rating::TicketRating;
use crate::graphql::error::GqlResult;
use crate::graphql::loaders::{Loaders, RatingOf};
use crate::services::satisfaction::RatingInput;

/// How the requester rated a resolution (CSAT).
pub struct SatisfactionObject(pub TicketRating);

#[Object(name = "Satisfaction")]
impl SatisfactionObject {
    /// 1 (very unhappy) to 5 (very happy).
    async fn score(&self) -> i32 {
        i32::from(self.0.score)
    }

    async fn comment(&self) -> Option<&str> {
        self.0.comment.as_deref()
    }

    /// When the resolution was first rated (a change is possible for 7 days after).
    async fn rated_at(&self) -> DateTime<Utc> {
        self.0.rated_at
    }

    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }

    /// The resolution rated (a reopened and re-resolved ticket is rated anew).
    async fn resolved_at(&self) -> DateTime<Utc> {
        self.0.resolved_at
    }
}

#[derive(InputObject)]
#[graphql(name = "RatingInput")]
pub struct RatingInputObject {
    /// 1 to 5.
    pub score: i32,
    /// Up to 2,000 characters.
    pub comment: Option<String>,
}

impl From<RatingInputObject> for RatingInput {
    fn from(input: RatingInputObject) -> Self {
        Self {
            score: input.score,
            comment: input.comment,
        }
    }
}

/// The ticket's latest rating; callers have already been allowed to see the ticket.
pub async fn latest(ctx: &Context<'_>, ticket_id: Uuid) -> GqlResult<Option<SatisfactionObject>> {
    Ok(ctx
        .data::<Loaders>()?
        .load_one(RatingOf(ticket_id))
        .await?
        .map(SatisfactionObject))
}
