//! A ticket's SLA standing, batched per page of tickets.

use std::collections::HashMap;

use async_graphql::dataloader::Loader;
use chrono::Utc;
use uuid::Uuid;

use crate::graphql::loaders::{DbLoader, keys};
use crate::services::sla::view::{self, SlaView};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SlaOf(pub Uuid);

impl Loader<SlaOf> for DbLoader {
    type Value = SlaView;
    type Error = async_graphql::Error;

    async fn load(&self, ids: &[SlaOf]) -> Result<HashMap<SlaOf, SlaView>, Self::Error> {
        let mut conn = self
            .state
            .pool
            .get()
            .await
            .map_err(crate::domain::DomainError::from)?;
        let views = view::views(&mut conn, &keys(ids, |k| k.0), Utc::now()).await?;
        Ok(views
            .into_iter()
            .map(|(id, view)| (SlaOf(id), view))
            .collect())
    }
}
