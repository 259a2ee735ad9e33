//! The ticket CSV export: every ticket a staff member may see under a filter, streamed in
//! keyset pages (one short connection checkout per page), so memory stays flat and the first
//! byte leaves at once. RFC 4180 quoting, UTF-8, optional BOM for Excel; cells that a
//! spreadsheet would run as a formula are defused with a leading `'`.

use std::collections::HashMap;

use bytes::Bytes;
use chrono::{DateTime, Utc};
use futures::Stream;
use uuid::Uuid;

use crate::app::AppState;
use crate::db::models::audit::NewAuditEntry;
use crate::db::models::category::Category;
use crate::db::models::ticket::Ticket;
use crate::db::models::ticket_list::{self, PageRequest, SortKey, TicketFilter, position_of};
use crate::db::models::user::User;
use crate::domain::DomainResult;
use crate::services::{RequestContext, tickets};

/// Rows fetched (and written) per page.
const PAGE_ROWS: i64 = 500;
const BOM: &[u8] = b"\xEF\xBB\xBF";

pub const COLUMNS: [&str; 16] = [
    "number",
    "title",
    "status",
    "priority",
    "category",
    "source",
    "requester_name",
    "requester_email",
    "assignee_name",
    "assignee_email",
    "created_at",
    "updated_at",
    "first_response_at",
    "resolved_at",
    "closed_at",
    "summary",
];

pub struct ExportRequest {
    pub filter: TicketFilter,
    pub bom: bool,
    /// The filter as the caller gave it, for the audit trail.
    pub described_filter: serde_json::Value,
    pub request_id: Option<String>,
}

/// Checks the caller (staff only), records the export in the audit trail, and returns the
/// CSV as a stream of chunks. Errors after the first chunk end the stream early.
pub async fn tickets_csv(
    ctx: &RequestContext,
    request: ExportRequest,
) -> DomainResult<impl Stream<Item = Result<Bytes, std::io::Error>> + use<>> {
    let staff = ctx.viewer.require_staff()?;
    let filter = tickets::scope_filter(ctx, request.filter)?;
    let mut conn = ctx.state.pool.get().await?;
    NewAuditEntry {
        actor_id: Some(staff.user_id),
        action: "tickets.export",
        target: None,
        details: serde_json::json!({ "filter": request.described_filter, "format": "csv" }),
        request_id: request.request_id.as_deref(),
    }
    .insert(&mut conn)
    .await?;
    let categories: HashMap<Uuid, String> = Category::all(&mut conn, true)
        .await?
        .into_iter()
        .map(|category| (category.id, category.slug))
        .collect();
    drop(conn);
    let mut header = if request.bom {
        BOM.to_vec()
    } else {
        Vec::new()
    };
    header.extend(csv_rows(std::iter::once(
        COLUMNS.map(str::to_owned).to_vec(),
    )));
    let state = Pager {
        state: ctx.state.clone(),
        filter,
        categories,
        page: Some(PageRequest {
            key: SortKey::CreatedAt,
            descending: true,
            after: None,
            limit: PAGE_ROWS,
        }),
    };
    let first = futures::stream::once(async move { Ok(Bytes::from(header)) });
    let rows = futures::stream::unfold(state, |mut pager| async move {
        let chunk = pager.next_chunk().await?;
        Some((chunk, pager))
    });
    Ok(futures::StreamExt::chain(first, rows))
}

struct Pager {
    state: AppState,
    filter: TicketFilter,
    categories: HashMap<Uuid, String>,
    /// The next page to read; `None` once the last one was read.
    page: Option<PageRequest>,
}

impl Pager {
    async fn next_chunk(&mut self) -> Option<Result<Bytes, std::io::Error>> {
        let page = self.page.take()?;
        match self.read(&page).await {
            Ok((rows, full)) => {
                if full && let Some(last) = rows.last() {
                    self.page = Some(PageRequest {
                        after: Some(position_of(last, page.key)),
                        ..page
                    });
                }
                let assignees = self.assignees(&rows).await;
                let assignees = match assignees {
                    Ok(assignees) => assignees,
                    Err(err) => return Some(Err(err)),
                };
                let lines = rows.iter().map(|ticket| self.row(ticket, &assignees));
                Some(Ok(Bytes::from(csv_rows(lines))))
            }
            Err(err) => Some(Err(err)),
        }
    }

    async fn read(&self, page: &PageRequest) -> Result<(Vec<Ticket>, bool), std::io::Error> {
        let mut conn = self.state.pool.get().await.map_err(std::io::Error::other)?;
        let rows = ticket_list::page(&mut conn, &self.filter, page)
            .await
            .map_err(|err| {
                tracing::error!(error = %err, "ticket export failed mid-stream");
                std::io::Error::other(err)
            })?;
        let full = rows.len() as i64 == page.limit;
        Ok((rows, full))
    }

    async fn assignees(&self, rows: &[Ticket]) -> Result<HashMap<Uuid, User>, std::io::Error> {
        let mut ids: Vec<Uuid> = rows.iter().filter_map(|t| t.assignee_id).collect();
        ids.sort_unstable();
        ids.dedup();
        if ids.is_empty() {
            return Ok(HashMap::new());
        }
        let mut conn = self.state.pool.get().await.map_err(std::io::Error::other)?;
        Ok(User::find_many(&mut conn, &ids)
            .await
            .map_err(std::io::Error::other)?
            .into_iter()
            .map(|user| (user.id, user))
            .collect())
    }

    fn row(&self, ticket: &Ticket, assignees: &HashMap<Uuid, User>) -> Vec<String> {
        let assignee = ticket.assignee_id.and_then(|id| assignees.get(&id));
        let time = |at: Option<DateTime<Utc>>| at.map(|at| at.to_rfc3339()).unwrap_or_default();
        vec![
            ticket.number.clone(),
            ticket.title.clone(),
            ticket.status.to_string(),
            ticket.priority.to_string(),
            self.categories
                .get(&ticket.category_id)
                .cloned()
                .unwrap_or_default(),
            ticket.source.to_string(),
            ticket.requester_name.clone(),
            ticket.requester_email.clone(),
            assignee.map(|user| user.name.clone()).unwrap_or_default(),
            assignee.map(|user| user.email.clone()).unwrap_or_default(),
            time(Some(ticket.created_at)),
            time(Some(ticket.updated_at)),
            time(ticket.first_response_at),
            time(ticket.resolved_at),
            time(ticket.closed_at),
            ticket.summary.clone().unwrap_or_default(),
        ]
    }
}

/// A cell a spreadsheet would evaluate (`=`, `+`, `-`, `@`, tab, CR first) gets a leading
/// `'`, which spreadsheets show as text.
pub fn defuse(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

fn csv_rows(rows: impl Iterator<Item = Vec<String>>) -> Vec<u8> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    for row in rows {
        // Writing to memory cannot fail.
        let _ = writer.write_record(row.iter().map(|cell| defuse(cell).into_owned()));
    }
    writer.into_inner().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_defused_and_quoting_follows_rfc_4180() {
        let rows = vec![vec![
            "=HYPERLINK(\"x\")".to_owned(),
            "a,b".to_owned(),
            "line\nbreak".to_owned(),
            "-1".to_owned(),
            "plain".to_owned(),
        ]];
        let text = String::from_utf8(csv_rows(rows.into_iter())).expect("utf-8");
        assert_eq!(
            text,
            "\"'=HYPERLINK(\"\"x\"\")\",\"a,b\",\"line\nbreak\",'-1,plain\r\n"
        );
    }
}
