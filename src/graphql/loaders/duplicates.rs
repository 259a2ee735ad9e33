//! The possible duplicates of a page of tickets, in one query.

use std::collections::HashMap;

use async_graphql::dataloader::Loader;
use uuid::Uuid;

use crate::db::models::duplicate::{self, DuplicatePair};
use crate::domain::DomainError;
use crate::graphql::loaders::{DbLoader, grouped, keys};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DuplicatesOf(pub Uuid);

impl Loader<DuplicatesOf> for DbLoader {
    type Value = Vec<DuplicatePair>;
    type Error = async_graphql::Error;

    async fn load(
        &self,
        ids: &[DuplicatesOf],
    ) -> Result<HashMap<DuplicatesOf, Vec<DuplicatePair>>, Self::Error> {
        let mut conn = self.state.pool.get().await.map_err(DomainError::from)?;
        let pairs = duplicate::of_tickets(&mut conn, &keys(ids, |k| k.0))
            .await
            .map_err(DomainError::from)?;
        Ok(grouped(
            pairs
                .into_iter()
                .map(|pair| (DuplicatesOf(pair.ticket_id), pair)),
        ))
    }
}
