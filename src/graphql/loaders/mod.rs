//! DataLoaders: one key newtype per entity, so one batch query serves a whole page.

use std::collections::HashMap;
use std::time::Duration;

use async_graphql::dataloader::{DataLoader, HashMapCache, Loader};
use uuid::Uuid;

use crate::app::AppState;
use crate::db::models::article::HelpArticle;
use crate::db::models::attachment::Attachment;
use crate::db::models::category::Category;
use crate::db::models::conversation::TicketConversation;
use crate::db::models::event::TicketEvent;
use crate::db::models::message::{self, TicketMessage};
use crate::db::models::rating::TicketRating;
use crate::db::models::tag;
use crate::db::models::ticket::Ticket;
use crate::db::models::triage::TicketTriage;
use crate::db::models::user::User;
use crate::domain::DomainError;

mod duplicates;
mod sla;

pub use duplicates::DuplicatesOf;
pub use sla::SlaOf;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct UserId(pub Uuid);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct CategoryId(pub Uuid);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TicketId(pub Uuid);

pub struct DbLoader {
    state: AppState,
}

pub type Loaders = DataLoader<DbLoader, HashMapCache>;

/// A request's loaders: they batch, and cache for the request's lifetime (which is what lets
/// a list resolver prefetch everything its rows reference in one query; see [`prefetch`]).
pub fn request_loaders(state: &AppState) -> Loaders {
    DataLoader::with_cache(
        DbLoader {
            state: state.clone(),
        },
        tokio::spawn,
        HashMapCache::default(),
    )
    .delay(Duration::from_millis(state.config.loader_delay_ms))
}

/// A WebSocket connection's loaders batch but never cache: a subscription lives for hours
/// and must show current rows.
pub fn connection_loaders(state: &AppState) -> Loaders {
    let loaders = request_loaders(state);
    loaders.enable_all_cache(false);
    loaders
}

fn distinct(ids: impl Iterator<Item = Uuid>) -> Vec<Uuid> {
    let mut ids: Vec<Uuid> = ids.collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// Loads, in one query each, the users and categories that the selected fields of `tickets`
/// will ask for, and feeds them to the request's cache. Resolvers then never wait on a
/// batching window, so a page costs the same few statements whatever its size.
pub async fn prefetch(
    loaders: &Loaders,
    tickets: &[Ticket],
    node: &async_graphql::Lookahead<'_>,
) -> async_graphql::Result<()> {
    let requester = node.field("requester").field("user").exists();
    let created_by = node.field("createdBy").exists();
    let assignee = node.field("assignee").exists();
    let user_ids = distinct(tickets.iter().flat_map(|t| {
        [
            t.requester_id.filter(|_| requester),
            t.created_by_id.filter(|_| created_by),
            t.assignee_id.filter(|_| assignee),
        ]
        .into_iter()
        .flatten()
    }));
    let category_ids = if node.field("category").exists() {
        distinct(tickets.iter().map(|t| t.category_id))
    } else {
        Vec::new()
    };
    let loader = loaders.loader();
    if !user_ids.is_empty() {
        let ids: Vec<UserId> = user_ids.into_iter().map(UserId).collect();
        loaders.feed_many(loader.load(&ids).await?).await;
    }
    if !category_ids.is_empty() {
        let ids: Vec<CategoryId> = category_ids.into_iter().map(CategoryId).collect();
        loaders.feed_many(loader.load(&ids).await?).await;
    }
    Ok(())
}

fn keys<K, F: Fn(&K) -> Uuid>(keys: &[K], f: F) -> Vec<Uuid> {
    keys.iter().map(f).collect()
}

impl Loader<UserId> for DbLoader {
    type Value = User;
    type Error = async_graphql::Error;

    async fn load(&self, ids: &[UserId]) -> Result<HashMap<UserId, User>, Self::Error> {
        let mut conn = self.state.pool.get().await.map_err(DomainError::from)?;
        let rows = User::find_many(&mut conn, &keys(ids, |k| k.0))
            .await
            .map_err(DomainError::from)?;
        Ok(rows.into_iter().map(|row| (UserId(row.id), row)).collect())
    }
}

impl Loader<CategoryId> for DbLoader {
    type Value = Category;
    type Error = async_graphql::Error;

    async fn load(&self, ids: &[CategoryId]) -> Result<HashMap<CategoryId, Category>, Self::Error> {
        let mut conn = self.state.pool.get().await.map_err(DomainError::from)?;
        let rows = Category::find_many(&mut conn, &keys(ids, |k| k.0))
            .await
            .map_err(DomainError::from)?;
        Ok(rows
            .into_iter()
            .map(|row| (CategoryId(row.id), row))
            .collect())
    }
}

impl Loader<TicketId> for DbLoader {
    type Value = Ticket;
    type Error = async_graphql::Error;

    async fn load(&self, ids: &[TicketId]) -> Result<HashMap<TicketId, Ticket>, Self::Error> {
        let mut conn = self.state.pool.get().await.map_err(DomainError::from)?;
        let rows = Ticket::find_many_live(&mut conn, &keys(ids, |k| k.0))
            .await
            .map_err(DomainError::from)?;
        Ok(rows
            .into_iter()
            .map(|row| (TicketId(row.id), row))
            .collect())
    }
}

/// The triage record of a ticket (keyed by the ticket's id).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TriageOf(pub Uuid);

impl Loader<TriageOf> for DbLoader {
    type Value = TicketTriage;
    type Error = async_graphql::Error;

    async fn load(&self, ids: &[TriageOf]) -> Result<HashMap<TriageOf, TicketTriage>, Self::Error> {
        let mut conn = self.state.pool.get().await.map_err(DomainError::from)?;
        let rows = TicketTriage::find_many(&mut conn, &keys(ids, |k| k.0))
            .await
            .map_err(DomainError::from)?;
        Ok(rows
            .into_iter()
            .map(|row| (TriageOf(row.ticket_id), row))
            .collect())
    }
}

/// The tags of a ticket (keyed by the ticket's id), alphabetical.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TagsOf(pub Uuid);

impl Loader<TagsOf> for DbLoader {
    type Value = Vec<String>;
    type Error = async_graphql::Error;

    async fn load(&self, ids: &[TagsOf]) -> Result<HashMap<TagsOf, Vec<String>>, Self::Error> {
        let mut conn = self.state.pool.get().await.map_err(DomainError::from)?;
        let rows = tag::of_tickets(&mut conn, &keys(ids, |k| k.0))
            .await
            .map_err(DomainError::from)?;
        Ok(grouped(
            rows.into_iter()
                .map(|(ticket_id, tag)| (TagsOf(ticket_id), tag)),
        ))
    }
}

/// Rows of a one-to-many loader collected under their key, in query order.
fn grouped<K: Eq + std::hash::Hash, V>(rows: impl Iterator<Item = (K, V)>) -> HashMap<K, Vec<V>> {
    let mut groups: HashMap<K, Vec<V>> = HashMap::new();
    for (key, value) in rows {
        groups.entry(key).or_default().push(value);
    }
    groups
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct MessageId(pub Uuid);

impl Loader<MessageId> for DbLoader {
    type Value = TicketMessage;
    type Error = async_graphql::Error;

    async fn load(
        &self,
        ids: &[MessageId],
    ) -> Result<HashMap<MessageId, TicketMessage>, Self::Error> {
        let mut conn = self.state.pool.get().await.map_err(DomainError::from)?;
        let rows = TicketMessage::find_many(&mut conn, &keys(ids, |k| k.0))
            .await
            .map_err(DomainError::from)?;
        Ok(rows
            .into_iter()
            .map(|row| (MessageId(row.id), row))
            .collect())
    }
}

/// The files of one message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct AttachmentsOfMessage(pub Uuid);

impl Loader<AttachmentsOfMessage> for DbLoader {
    type Value = Vec<Attachment>;
    type Error = async_graphql::Error;

    async fn load(
        &self,
        ids: &[AttachmentsOfMessage],
    ) -> Result<HashMap<AttachmentsOfMessage, Vec<Attachment>>, Self::Error> {
        let mut conn = self.state.pool.get().await.map_err(DomainError::from)?;
        let rows = Attachment::of_messages(&mut conn, &keys(ids, |k| k.0))
            .await
            .map_err(DomainError::from)?;
        Ok(grouped(rows.into_iter().filter_map(|row| {
            row.message_id
                .map(|message_id| (AttachmentsOfMessage(message_id), row))
        })))
    }
}

/// The files filed with a ticket (not with a later message); never internal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct AttachmentsOfTicket(pub Uuid);

impl Loader<AttachmentsOfTicket> for DbLoader {
    type Value = Vec<Attachment>;
    type Error = async_graphql::Error;

    async fn load(
        &self,
        ids: &[AttachmentsOfTicket],
    ) -> Result<HashMap<AttachmentsOfTicket, Vec<Attachment>>, Self::Error> {
        let mut conn = self.state.pool.get().await.map_err(DomainError::from)?;
        let rows = Attachment::of_tickets(&mut conn, &keys(ids, |k| k.0))
            .await
            .map_err(DomainError::from)?;
        Ok(grouped(
            rows.into_iter()
                .map(|row| (AttachmentsOfTicket(row.ticket_id), row)),
        ))
    }
}

/// Help articles linked to a ticket, drafts included (resolvers filter by viewer).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ArticlesOfTicket(pub Uuid);

impl Loader<ArticlesOfTicket> for DbLoader {
    type Value = Vec<HelpArticle>;
    type Error = async_graphql::Error;

    async fn load(
        &self,
        ids: &[ArticlesOfTicket],
    ) -> Result<HashMap<ArticlesOfTicket, Vec<HelpArticle>>, Self::Error> {
        let mut conn = self.state.pool.get().await.map_err(DomainError::from)?;
        let rows = HelpArticle::linked_to(&mut conn, &keys(ids, |k| k.0))
            .await
            .map_err(DomainError::from)?;
        Ok(grouped(rows.into_iter().map(|(ticket_id, article)| {
            (ArticlesOfTicket(ticket_id), article)
        })))
    }
}

/// The AI-assistant transcript a ticket was filed from (keyed by the ticket's id).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ConversationOf(pub Uuid);

impl Loader<ConversationOf> for DbLoader {
    type Value = TicketConversation;
    type Error = async_graphql::Error;

    async fn load(
        &self,
        ids: &[ConversationOf],
    ) -> Result<HashMap<ConversationOf, TicketConversation>, Self::Error> {
        let mut conn = self.state.pool.get().await.map_err(DomainError::from)?;
        let rows = TicketConversation::find_many(&mut conn, &keys(ids, |k| k.0))
            .await
            .map_err(DomainError::from)?;
        Ok(rows
            .into_iter()
            .map(|row| (ConversationOf(row.ticket_id), row))
            .collect())
    }
}

/// Keys that differ only in their ticket share one statement; the rest of the key is the
/// page (who reads, from where, how many).
fn by_page<K: Copy, P: Eq + std::hash::Hash + Copy>(
    keys: &[K],
    page: impl Fn(&K) -> P,
    ticket: impl Fn(&K) -> Uuid,
) -> HashMap<P, Vec<Uuid>> {
    grouped(keys.iter().map(|key| (page(key), ticket(key))))
}

/// One page of a ticket's thread, with the thread's total (for `messages` on every row of a
/// ticket list).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ThreadPage {
    pub ticket_id: Uuid,
    pub include_internal: bool,
    pub after: Option<Uuid>,
    pub limit: i64,
}

impl Loader<ThreadPage> for DbLoader {
    type Value = (Vec<TicketMessage>, i64);
    type Error = async_graphql::Error;

    async fn load(
        &self,
        pages: &[ThreadPage],
    ) -> Result<HashMap<ThreadPage, Self::Value>, Self::Error> {
        let mut conn = self.state.pool.get().await.map_err(DomainError::from)?;
        let mut loaded = HashMap::new();
        let groups = by_page(
            pages,
            |p| (p.include_internal, p.after, p.limit),
            |p| p.ticket_id,
        );
        for ((include_internal, after, limit), tickets) in groups {
            let rows = message::pages_of(&mut conn, &tickets, include_internal, after, limit)
                .await
                .map_err(DomainError::from)?;
            let totals: HashMap<Uuid, i64> =
                message::counts_of(&mut conn, &tickets, include_internal)
                    .await
                    .map_err(DomainError::from)?
                    .into_iter()
                    .collect();
            let mut rows = grouped(rows.into_iter().map(|row| (row.ticket_id, row)));
            for ticket_id in tickets {
                let key = ThreadPage {
                    ticket_id,
                    include_internal,
                    after,
                    limit,
                };
                let page = rows.remove(&ticket_id).unwrap_or_default();
                let total = totals.get(&ticket_id).copied().unwrap_or_default();
                loaded.insert(key, (page, total));
            }
        }
        Ok(loaded)
    }
}

/// One page of a ticket's history.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct HistoryPage {
    pub ticket_id: Uuid,
    pub include_internal: bool,
    pub after: i64,
    pub limit: i64,
}

impl Loader<HistoryPage> for DbLoader {
    type Value = Vec<TicketEvent>;
    type Error = async_graphql::Error;

    async fn load(
        &self,
        pages: &[HistoryPage],
    ) -> Result<HashMap<HistoryPage, Self::Value>, Self::Error> {
        let mut conn = self.state.pool.get().await.map_err(DomainError::from)?;
        let mut loaded = HashMap::new();
        let groups = by_page(
            pages,
            |p| (p.include_internal, p.after, p.limit),
            |p| p.ticket_id,
        );
        for ((include_internal, after, limit), tickets) in groups {
            let rows = TicketEvent::pages_of(&mut conn, &tickets, include_internal, after, limit)
                .await
                .map_err(DomainError::from)?;
            let mut rows = grouped(rows.into_iter().map(|row| (row.ticket_id, row)));
            for ticket_id in tickets {
                let key = HistoryPage {
                    ticket_id,
                    include_internal,
                    after,
                    limit,
                };
                loaded.insert(key, rows.remove(&ticket_id).unwrap_or_default());
            }
        }
        Ok(loaded)
    }
}

/// The latest satisfaction rating of a ticket.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RatingOf(pub Uuid);

impl Loader<RatingOf> for DbLoader {
    type Value = TicketRating;
    type Error = async_graphql::Error;

    async fn load(&self, ids: &[RatingOf]) -> Result<HashMap<RatingOf, TicketRating>, Self::Error> {
        let mut conn = self.state.pool.get().await.map_err(DomainError::from)?;
        let rows = TicketRating::latest_of(&mut conn, &keys(ids, |k| k.0))
            .await
            .map_err(DomainError::from)?;
        Ok(rows
            .into_iter()
            .map(|row| (RatingOf(row.ticket_id), row))
            .collect())
    }
}
