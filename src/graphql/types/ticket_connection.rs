//! `tickets(filter, orderBy, first, after, last, before)`: a Relay connection over keyset
//! pagination, with `totalCount` computed only when asked for.

use async_graphql::connection::{Connection, CursorType, Edge};
use async_graphql::{Context, Object};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::DateTime;
use uuid::Uuid;

use crate::db::models::ticket_list::{
    AssigneeFilter, PageRequest, Position, SortKey, SortValue, TicketFilter, position_of,
};
use crate::domain::tags::normalize_tags;
use crate::domain::{DomainError, DomainResult};
use crate::graphql::context::{parse_uuid, request_ctx};
use crate::graphql::error::GqlResult;
use crate::graphql::loaders::{Loaders, prefetch};
use crate::graphql::types::inputs::{
    OrderDirection, TicketFilterInput, TicketOrder, TicketOrderField,
};
use crate::graphql::types::ticket::TicketObject;
use crate::services::{RequestContext, intake, tickets};

pub const MAX_PAGE: i32 = 100;
pub const DEFAULT_PAGE: i32 = 20;

/// Opaque cursor: the sort key, its value and the row id.
pub struct TicketCursor(SortKey, Position);

#[derive(Debug)]
pub struct MalformedCursor;

impl std::fmt::Display for MalformedCursor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("malformed cursor")
    }
}

impl CursorType for TicketCursor {
    type Error = MalformedCursor;

    fn decode_cursor(s: &str) -> Result<Self, Self::Error> {
        let bad = || MalformedCursor;
        let bytes = URL_SAFE_NO_PAD.decode(s).map_err(|_| bad())?;
        let text = String::from_utf8(bytes).map_err(|_| bad())?;
        let mut parts = text.splitn(3, '|');
        let (Some(key), Some(value), Some(id)) = (parts.next(), parts.next(), parts.next()) else {
            return Err(bad());
        };
        let id: Uuid = id.parse().map_err(|_| bad())?;
        let (key, value) = match key {
            "c" | "u" | "s" => {
                let time = DateTime::parse_from_rfc3339(value)
                    .map_err(|_| bad())?
                    .to_utc();
                let key = match key {
                    "c" => SortKey::CreatedAt,
                    "u" => SortKey::UpdatedAt,
                    _ => SortKey::SlaDue,
                };
                (key, SortValue::Time(time))
            }
            "p" => (
                SortKey::Priority,
                SortValue::Rank(value.parse().map_err(|_| bad())?),
            ),
            _ => return Err(bad()),
        };
        Ok(TicketCursor(key, Position { value, id }))
    }

    fn encode_cursor(&self) -> String {
        let key = match self.0 {
            SortKey::CreatedAt => "c",
            SortKey::UpdatedAt => "u",
            SortKey::Priority => "p",
            SortKey::SlaDue => "s",
        };
        let value = match &self.1.value {
            SortValue::Time(time) => time.to_rfc3339_opts(chrono::SecondsFormat::Micros, true),
            SortValue::Rank(rank) => rank.to_string(),
        };
        URL_SAFE_NO_PAD.encode(format!("{key}|{value}|{}", self.1.id))
    }
}

/// Fields beside `edges` and `pageInfo`.
pub struct TicketConnectionFields {
    ctx: RequestContext,
    filter: TicketFilter,
}

#[Object]
impl TicketConnectionFields {
    /// Tickets matching the filter, across all pages.
    async fn total_count(&self) -> GqlResult<i64> {
        Ok(tickets::count(&self.ctx, &self.filter).await?)
    }
}

pub type TicketConnection = Connection<
    TicketCursor,
    TicketObject,
    TicketConnectionFields,
    async_graphql::connection::EmptyFields,
>;

pub(crate) async fn to_filter(
    ctx: &RequestContext,
    input: TicketFilterInput,
) -> DomainResult<TicketFilter> {
    let category_id = match input.category {
        Some(slug) => {
            let mut conn = ctx.state.pool.get().await?;
            Some(intake::find_category(&mut conn, &slug).await?.id)
        }
        None => None,
    };
    let assignee = match (input.assignee_id, input.unassigned) {
        (Some(_), Some(true)) => {
            return Err(DomainError::invalid(
                "unassigned",
                "use either assigneeId or unassigned, not both",
            ));
        }
        (Some(id), _) => AssigneeFilter::User(parse_uuid("assigneeId", &id)?),
        (None, Some(true)) => AssigneeFilter::Unassigned,
        (None, _) => AssigneeFilter::Any,
    };
    let text = input
        .text
        .map(|t| t.trim().to_owned())
        .filter(|t| !t.is_empty());
    if text.as_ref().is_some_and(|t| t.chars().count() > 200) {
        return Err(DomainError::invalid(
            "text",
            "text filter is at most 200 characters",
        ));
    }
    Ok(TicketFilter {
        statuses: input.status,
        priorities: input.priority,
        category_id,
        assignee,
        requester_id: input
            .requester_id
            .map(|id| parse_uuid("requesterId", &id))
            .transpose()?,
        created_after: input.created_after,
        created_before: input.created_before,
        text,
        sla_state: input.sla_state,
        tags_any: input
            .tags_any
            .map(|tags| normalize_tags("tagsAny", &tags))
            .transpose()?,
        tags_all: input
            .tags_all
            .map(|tags| normalize_tags("tagsAll", &tags))
            .transpose()?,
        visible_to_requester: None,
    })
}

pub struct PageArgs {
    pub after: Option<String>,
    pub before: Option<String>,
    pub first: Option<i32>,
    pub last: Option<i32>,
}

fn page_size(field: &str, value: i32) -> DomainResult<i32> {
    if !(0..=MAX_PAGE).contains(&value) {
        return Err(DomainError::invalid(
            field,
            format!("{field} must be between 0 and {MAX_PAGE}"),
        ));
    }
    Ok(value)
}

fn decode(field: &str, cursor: Option<String>, key: SortKey) -> DomainResult<Option<Position>> {
    cursor
        .map(|c| match TicketCursor::decode_cursor(&c) {
            Ok(TicketCursor(cursor_key, position)) if cursor_key == key => Ok(position),
            _ => Err(DomainError::invalid(
                field,
                format!("{field} is not a cursor of this ordering"),
            )),
        })
        .transpose()
}

pub async fn resolve(
    ctx: &Context<'_>,
    filter: Option<TicketFilterInput>,
    order: Option<TicketOrder>,
    args: PageArgs,
) -> GqlResult<TicketConnection> {
    let request = request_ctx(ctx)?;
    let filter = to_filter(request, filter.unwrap_or_default()).await?;
    let filter = tickets::scope_filter(request, filter)?;
    let order = order.unwrap_or_default();
    let key = match order.field {
        TicketOrderField::CreatedAt => SortKey::CreatedAt,
        TicketOrderField::UpdatedAt => SortKey::UpdatedAt,
        TicketOrderField::Priority => SortKey::Priority,
        TicketOrderField::SlaDue => SortKey::SlaDue,
    };
    let descending = order.direction == OrderDirection::Desc;
    let backward = args.last.is_some() || args.before.is_some();
    if args.first.is_some() && args.last.is_some() {
        return Err(DomainError::invalid("last", "pass either first or last, not both").into());
    }
    let size = match (args.first, args.last) {
        (Some(first), _) => page_size("first", first)?,
        (_, Some(last)) => page_size("last", last)?,
        _ => DEFAULT_PAGE,
    };
    let had_before = args.before.is_some();
    let after = decode("after", args.after, key)?;
    let before = decode("before", args.before, key)?;
    let request_page = PageRequest {
        key,
        descending: descending != backward,
        after: if backward { before } else { after.clone() },
        limit: i64::from(size) + 1,
    };
    let mut rows = tickets::page(request, &filter, &request_page).await?;
    let node = ctx.look_ahead().field("edges").field("node");
    prefetch(ctx.data::<Loaders>()?, &rows, &node).await?;
    let has_more = rows.len() > size as usize;
    rows.truncate(size as usize);
    if backward {
        rows.reverse();
    }
    let (has_previous, has_next) = if backward {
        (has_more, had_before)
    } else {
        (after.is_some(), has_more)
    };
    let mut connection = Connection::with_additional_fields(
        has_previous,
        has_next,
        TicketConnectionFields {
            ctx: request.clone(),
            filter,
        },
    );
    connection.edges.extend(rows.into_iter().map(|ticket| {
        Edge::new(
            TicketCursor(key, position_of(&ticket, key)),
            TicketObject(ticket),
        )
    }));
    Ok(connection)
}
