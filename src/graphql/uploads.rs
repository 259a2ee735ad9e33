//! Files from the GraphQL multipart request, handed to the services as readers.

use async_graphql::{Context, Upload};

use crate::domain::attachment::AttachmentKind;
use crate::graphql::error::GqlResult;
use crate::services::attachments::IncomingFile;

/// The request's files in input order: `attachments` first, then the `screenshot`.
pub fn incoming(
    ctx: &Context<'_>,
    attachments: Option<Vec<Upload>>,
    screenshot: Option<Upload>,
) -> GqlResult<Vec<IncomingFile>> {
    let files = attachments
        .unwrap_or_default()
        .into_iter()
        .enumerate()
        .map(|(index, upload)| (format!("attachments.{index}"), AttachmentKind::File, upload))
        .chain(
            screenshot.map(|upload| ("screenshot".to_owned(), AttachmentKind::Screenshot, upload)),
        );
    files
        .map(|(field, kind, upload)| {
            let value = upload.value(ctx)?;
            Ok(IncomingFile {
                field,
                file_name: value.filename.clone(),
                kind,
                content: Box::new(value.into_read()),
            })
        })
        .collect()
}
