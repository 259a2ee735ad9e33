use async_graphql::connection::{Connection, ConnectionNameType, Edge, EdgeNameType, EmptyFields};
use async_graphql::{Context, Object, OutputType, SimpleObject};

use crate::domain::DomainError;
use crate::graphql::context::request_ctx;
use crate::graphql::error::GqlResult;
use crate::graphql::loaders::{Loaders, prefetch};
use crate::graphql::types::inputs::TicketFilterInput;
use crate::graphql::types::thread::{ArticleSuggestion, HelpArticleObject};
use crate::graphql::types::ticket::TicketObject;
use crate::graphql::types::ticket_connection::to_filter;
use crate::graphql::types::tracking::TrackedTicket;
use crate::services::{articles, guest_access, search};

const MAX_SEARCH_PAGE: i32 = 50;
const MAX_ARTICLES_PAGE: i32 = 100;

/// Beside `edges` and `pageInfo`.
#[derive(SimpleObject)]
pub struct TicketSearchFields {
    /// Matching tickets the viewer may see, across all pages, counted up to a cap
    /// (`DESKQL_SEARCH_RANKED_MATCHES`, 1,000 by default); past it, the cap with
    /// `totalCountIsExact` false (show "1,000+"). Only the newest matches up to the cap are
    /// ranked and paged through.
    pub total_count: i64,
    /// `totalCount` counts every match rather than stopping at the cap.
    pub total_count_is_exact: bool,
    /// The query was a ticket number and the one result is that ticket.
    pub exact_match: bool,
}

pub struct TicketSearchConnectionName;

impl ConnectionNameType for TicketSearchConnectionName {
    fn type_name<T: OutputType>() -> String {
        "TicketSearchConnection".into()
    }
}

pub struct TicketSearchEdgeName;

impl EdgeNameType for TicketSearchEdgeName {
    fn type_name<T: OutputType>() -> String {
        "TicketSearchEdge".into()
    }
}

/// Named apart from `TicketConnection`: its cursors are result offsets, not sort keys.
pub type TicketSearchConnection = Connection<
    String,
    TicketObject,
    TicketSearchFields,
    EmptyFields,
    TicketSearchConnectionName,
    TicketSearchEdgeName,
>;

#[derive(Default)]
pub struct ConversationQuery;

fn offset_cursor(field: &str, cursor: Option<String>) -> Result<i64, DomainError> {
    cursor.map_or(Ok(0), |c| {
        c.parse::<i64>()
            .ok()
            .filter(|offset| *offset >= 0)
            .map(|offset| offset + 1)
            .ok_or_else(|| DomainError::invalid(field, format!("{field} is not a valid cursor")))
    })
}

#[Object]
impl ConversationQuery {
    /// A guest's view of their ticket through the tracking token from the receipt or email.
    async fn track_ticket(&self, ctx: &Context<'_>, token: String) -> GqlResult<TrackedTicket> {
        Ok(TrackedTicket(
            guest_access::open(request_ctx(ctx)?, &token).await?,
        ))
    }

    /// Full-text search over ticket numbers, titles, descriptions and messages (internal
    /// notes for staff only), within what the caller may see; best matches first among the
    /// newest 1,000 (`DESKQL_SEARCH_RANKED_MATCHES`). An exact ticket number returns just
    /// that ticket.
    #[graphql(complexity = "first.unwrap_or(20).max(1) as usize * child_complexity")]
    async fn search_tickets(
        &self,
        ctx: &Context<'_>,
        query: String,
        filter: Option<TicketFilterInput>,
        first: Option<i32>,
        after: Option<String>,
    ) -> GqlResult<TicketSearchConnection> {
        let request = request_ctx(ctx)?;
        let size = first.unwrap_or(20);
        if !(0..=MAX_SEARCH_PAGE).contains(&size) {
            return Err(DomainError::invalid(
                "first",
                format!("first must be between 0 and {MAX_SEARCH_PAGE}"),
            )
            .into());
        }
        let offset = offset_cursor("after", after)?;
        let filter = to_filter(request, filter.unwrap_or_default()).await?;
        let page = search::search(request, &query, filter, offset, i64::from(size)).await?;
        let node = ctx.look_ahead().field("edges").field("node");
        prefetch(ctx.data::<Loaders>()?, &page.tickets, &node).await?;
        let has_next = offset + (page.tickets.len() as i64) < page.total;
        let mut connection = Connection::with_additional_fields(
            offset > 0,
            has_next,
            TicketSearchFields {
                total_count: page.total,
                total_count_is_exact: page.total_is_exact,
                exact_match: page.exact_match,
            },
        );
        connection.edges.extend(
            page.tickets.into_iter().enumerate().map(|(i, ticket)| {
                Edge::new((offset + i as i64).to_string(), TicketObject(ticket))
            }),
        );
        Ok(connection)
    }

    /// Published help articles, newest first (staff may ask for drafts too).
    async fn help_articles(
        &self,
        ctx: &Context<'_>,
        tag: Option<String>,
        include_drafts: Option<bool>,
        #[graphql(default_with = "Some(20)")] first: Option<i32>,
        #[graphql(default_with = "Some(0)")] offset: Option<i32>,
    ) -> GqlResult<Vec<HelpArticleObject>> {
        // Omitted, or null from an unset variable: the documented defaults.
        let first = first.unwrap_or(20);
        let offset = offset.unwrap_or(0);
        if !(0..=MAX_ARTICLES_PAGE).contains(&first) || offset < 0 {
            return Err(DomainError::invalid(
                "first",
                format!("first must be between 0 and {MAX_ARTICLES_PAGE}, offset at least 0"),
            )
            .into());
        }
        let rows = articles::list(
            request_ctx(ctx)?,
            include_drafts.unwrap_or(false),
            tag.as_deref(),
            i64::from(first),
            i64::from(offset),
        )
        .await?;
        Ok(rows.into_iter().map(HelpArticleObject).collect())
    }

    /// A published article (staff also see drafts); anything else is NOT_FOUND.
    async fn help_article(&self, ctx: &Context<'_>, slug: String) -> GqlResult<HelpArticleObject> {
        Ok(HelpArticleObject(
            articles::by_slug(request_ctx(ctx)?, &slug).await?,
        ))
    }

    /// Up to five published articles that may answer `text` before it becomes a ticket.
    /// Anyone may ask; anonymous callers are rate limited per IP.
    async fn suggest_articles(
        &self,
        ctx: &Context<'_>,
        text: String,
    ) -> GqlResult<Vec<ArticleSuggestion>> {
        let hits = articles::suggest(request_ctx(ctx)?, &text).await?;
        Ok(hits
            .into_iter()
            .map(|hit| ArticleSuggestion {
                article: HelpArticleObject(hit.article),
                score: f64::from(hit.rank),
            })
            .collect())
    }
}
