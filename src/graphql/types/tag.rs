use async_graphql::SimpleObject;

use crate::db::models::tag::TagCount;

/// A tag in use, with how many tickets carry it.
#[derive(SimpleObject)]
#[graphql(name = "Tag")]
pub struct TagObject {
    /// The slug, e.g. `billing-issue`.
    pub name: String,
    /// Tickets carrying it that are not resolved or closed (trashed ones excluded).
    pub open_tickets: i64,
    /// All tickets carrying it (trashed ones excluded).
    pub tickets: i64,
}

impl From<TagCount> for TagObject {
    fn from(count: TagCount) -> Self {
        Self {
            name: count.tag,
            open_tickets: count.open_tickets,
            tickets: count.tickets,
        }
    }
}
