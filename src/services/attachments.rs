//! Uploads and downloads. Every file of a request is read and checked (size, count, type
//! sniffed from the bytes) before anything is stored; objects are written before the rows
//! that point at them and removed again if the transaction fails, so a rejected or failed
//! upload leaves neither a row nor a file behind.

use std::io::Read;

use bytes::Bytes;
use chrono::Utc;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::auth::Viewer;
use crate::config::ConversationConfig;
use crate::db::models::attachment::Attachment;
use crate::db::models::ticket::Ticket;
use crate::domain::attachment::{AttachmentKind, classify, clean_file_name};
use crate::domain::{DomainError, DomainResult};
use crate::services::RequestContext;
use crate::services::guest_access;
use crate::storage::{ByteStream, Storage};

/// A file as the transport received it (a spooled temporary file).
pub struct IncomingFile {
    /// The input field it came in, for error messages (`attachments.2`, `screenshot`).
    pub field: String,
    pub file_name: String,
    pub kind: AttachmentKind,
    pub content: Box<dyn Read + Send>,
}

/// A checked file, ready to store.
pub struct PreparedFile {
    id: Uuid,
    kind: AttachmentKind,
    file_name: String,
    content_type: &'static str,
    bytes: Bytes,
}

/// Reads and checks every file; nothing is stored yet.
pub async fn prepare(
    config: &ConversationConfig,
    files: Vec<IncomingFile>,
) -> DomainResult<Vec<PreparedFile>> {
    if files.len() > config.max_upload_files {
        return Err(DomainError::PayloadTooLarge(format!(
            "at most {} files per request (got {})",
            config.max_upload_files,
            files.len()
        )));
    }
    let max_bytes = config.max_upload_bytes;
    tokio::task::spawn_blocking(move || {
        files
            .into_iter()
            .map(|file| prepare_one(file, max_bytes))
            .collect()
    })
    .await
    .map_err(|err| DomainError::Internal(err.into()))?
}

fn prepare_one(file: IncomingFile, max_bytes: usize) -> DomainResult<PreparedFile> {
    let mut bytes = Vec::new();
    file.content
        .take(max_bytes as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|err| DomainError::Internal(err.into()))?;
    if bytes.len() > max_bytes {
        return Err(DomainError::PayloadTooLarge(format!(
            "{} is larger than {} MiB",
            file.field,
            max_bytes / (1024 * 1024)
        )));
    }
    let content_type = classify(&file.field, file.kind, &bytes)?;
    Ok(PreparedFile {
        id: Uuid::now_v7(),
        kind: file.kind,
        file_name: clean_file_name(&file.file_name),
        content_type,
        bytes: Bytes::from(bytes),
    })
}

/// Where the files of one ticket (and optionally one message) go, and who sent them.
#[derive(Debug, Clone, Copy)]
pub struct Destination {
    pub ticket_id: Uuid,
    pub message_id: Option<Uuid>,
    pub internal: bool,
    pub uploaded_by_id: Option<Uuid>,
}

/// Files written to the store, not yet recorded; `discard` undoes them.
pub struct StoredFiles {
    rows: Vec<Attachment>,
}

impl StoredFiles {
    pub fn rows(&self) -> &[Attachment] {
        &self.rows
    }

    async fn discard(self, storage: &Storage) {
        let keys: Vec<String> = self.rows.into_iter().map(|row| row.storage_key).collect();
        storage.delete_all(&keys).await;
    }

    /// Passes on the outcome of the transaction that recorded the rows; when it failed, the
    /// files are deleted so nothing is left without a row.
    pub async fn settle<T>(self, storage: &Storage, outcome: DomainResult<T>) -> DomainResult<T> {
        if outcome.is_err() {
            self.discard(storage).await;
        }
        outcome
    }
}

pub async fn store(
    storage: &Storage,
    destination: Destination,
    files: Vec<PreparedFile>,
) -> DomainResult<StoredFiles> {
    let mut stored = StoredFiles { rows: Vec::new() };
    for file in files {
        let key = format!("tickets/{}/{}", destination.ticket_id, file.id);
        let row = Attachment {
            id: file.id,
            ticket_id: destination.ticket_id,
            message_id: destination.message_id,
            kind: file.kind,
            internal: destination.internal,
            file_name: file.file_name,
            content_type: file.content_type.to_owned(),
            size_bytes: file.bytes.len() as i64,
            sha256: Sha256::digest(&file.bytes).to_vec(),
            storage_key: key.clone(),
            uploaded_by_id: destination.uploaded_by_id,
            created_at: Utc::now(),
        };
        if let Err(err) = storage.put(&key, file.bytes).await {
            stored.discard(storage).await;
            return Err(DomainError::Internal(err));
        }
        stored.rows.push(row);
    }
    Ok(stored)
}

/// Who is downloading: a signed-in viewer, or a guest with a tracking token.
pub enum Downloader<'a> {
    Viewer(&'a Viewer),
    Guest { token: &'a str },
}

/// The attachment and its bytes, if the downloader may see the ticket (and, for an internal
/// note's file, is staff). Everything else is "not found".
pub async fn open(
    ctx: &RequestContext,
    downloader: Downloader<'_>,
    id: Uuid,
) -> DomainResult<(Attachment, ByteStream)> {
    let mut conn = ctx.state.pool.get().await?;
    let attachment = Attachment::find(&mut conn, id)
        .await?
        .ok_or(DomainError::NotFound("attachment"))?;
    let allowed = match downloader {
        Downloader::Viewer(viewer) => {
            let ticket = Ticket::find_live(&mut conn, attachment.ticket_id).await?;
            match (viewer, ticket) {
                (Viewer::User(p), Some(_)) if p.role.is_staff() => true,
                (Viewer::User(p), Some(ticket)) => {
                    ticket.requester_id == Some(p.user_id) && !attachment.internal
                }
                _ => false,
            }
        }
        Downloader::Guest { token } => {
            let grace = ctx.state.config.conversation.tracking_grace_days;
            let ticket = guest_access::open_on(&mut conn, grace, token).await;
            ticket.is_ok_and(|t| t.id == attachment.ticket_id) && !attachment.internal
        }
    };
    drop(conn);
    if !allowed {
        return Err(DomainError::NotFound("attachment"));
    }
    let bytes = ctx.state.storage.get(&attachment.storage_key).await?;
    Ok((attachment, bytes))
}
