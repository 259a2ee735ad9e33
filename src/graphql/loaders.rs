//! DataLoaders: one key newtype per entity, so one batch query serves a whole page.

use std::collections::HashMap;
use std::time::Duration;

use async_graphql::dataloader::{DataLoader, Loader};
use uuid::Uuid;

use crate::app::AppState;
use crate::db::models::category::Category;
use crate::db::models::ticket::Ticket;
use crate::db::models::user::User;
use crate::domain::DomainError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct UserId(pub Uuid);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct CategoryId(pub Uuid);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TicketId(pub Uuid);

pub struct DbLoader {
    state: AppState,
}

pub type Loaders = DataLoader<DbLoader>;

/// Loaders batch but do not cache: a long-lived subscription must see fresh rows, and within
/// one request the batch already loads each key once.
pub fn loaders(state: &AppState) -> Loaders {
    DataLoader::new(
        DbLoader {
            state: state.clone(),
        },
        tokio::spawn,
    )
    .delay(Duration::from_millis(state.config.loader_delay_ms))
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
