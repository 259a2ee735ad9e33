//! Attachment bytes, behind `object_store`: a local directory by default, any S3-compatible
//! bucket by configuration. The database holds the metadata and the key.

use std::sync::Arc;

use anyhow::Context;
use bytes::Bytes;
use futures::stream::BoxStream;
use futures::{StreamExt, TryStreamExt};
use object_store::local::LocalFileSystem;
use object_store::path::Path;
use object_store::{ObjectStore, PutPayload};

use crate::config::ConversationConfig;

#[derive(Clone)]
pub struct Storage {
    store: Arc<dyn ObjectStore>,
}

impl std::fmt::Debug for Storage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Storage({})", self.store)
    }
}

pub type ByteStream = BoxStream<'static, std::io::Result<Bytes>>;

impl Storage {
    pub fn from_config(config: &ConversationConfig) -> anyhow::Result<Self> {
        let store: Arc<dyn ObjectStore> = match &config.storage_url {
            Some(url) if url.starts_with("s3://") => Arc::new(
                object_store::aws::AmazonS3Builder::from_env()
                    .with_url(url)
                    .build()
                    .with_context(|| format!("invalid DESKQL_STORAGE_URL {url}"))?,
            ),
            Some(url) => anyhow::bail!("DESKQL_STORAGE_URL must be an s3:// URL, got {url}"),
            None => {
                let dir = &config.attachments_dir;
                std::fs::create_dir_all(dir)
                    .with_context(|| format!("cannot create {}", dir.display()))?;
                Arc::new(
                    LocalFileSystem::new_with_prefix(dir)
                        .with_context(|| format!("cannot use {}", dir.display()))?,
                )
            }
        };
        Ok(Self { store })
    }

    pub async fn put(&self, key: &str, bytes: Bytes) -> anyhow::Result<()> {
        self.store
            .put(&Path::from(key), PutPayload::from_bytes(bytes))
            .await
            .with_context(|| format!("cannot store {key}"))?;
        Ok(())
    }

    pub async fn get(&self, key: &str) -> anyhow::Result<ByteStream> {
        let result = self
            .store
            .get(&Path::from(key))
            .await
            .with_context(|| format!("cannot read {key}"))?;
        Ok(result.into_stream().map_err(std::io::Error::other).boxed())
    }

    /// Deletes objects, logging (not failing on) the ones that cannot be removed: a leftover
    /// object is wasted space, never visible data.
    pub async fn delete_all(&self, keys: &[String]) {
        for key in keys {
            if let Err(err) = self.store.delete(&Path::from(key.as_str())).await {
                tracing::warn!(key, error = %err, "cannot delete stored object");
            }
        }
    }
}
