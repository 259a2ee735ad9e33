//! Ticket search: full-text over number, title, description and the thread, within what the
//! viewer may see; an exact ticket number jumps straight to that ticket.

use crate::db::models::ticket::Ticket;
use crate::db::models::ticket_list::TicketFilter;
use crate::db::models::ticket_search::TicketSearch;
use crate::domain::ticket::is_ticket_number;
use crate::domain::{DomainError, DomainResult};
use crate::services::{RequestContext, limits, tickets};

const QUERY_MAX_CHARS: usize = 200;

pub struct SearchPage {
    pub tickets: Vec<Ticket>,
    /// Matches, counted up to the configured cap (`search_ranked_matches`).
    pub total: i64,
    /// `total` is every match, not the cap.
    pub total_is_exact: bool,
    /// The query was a ticket number and this is that ticket.
    pub exact_match: bool,
}

pub async fn search(
    ctx: &RequestContext,
    query: &str,
    filter: TicketFilter,
    offset: i64,
    limit: i64,
) -> DomainResult<SearchPage> {
    let filter = tickets::scope_filter(ctx, filter)?;
    let query = query.trim();
    if query.is_empty() || query.chars().count() > QUERY_MAX_CHARS {
        return Err(DomainError::invalid(
            "query",
            format!("query must be 1 to {QUERY_MAX_CHARS} characters long"),
        ));
    }
    let mut conn = ctx.state.pool.get().await?;
    limits::per_user(
        ctx,
        &mut conn,
        "search",
        ctx.state.config.search_limit_per_user,
    )
    .await?;
    drop(conn);
    let number = query.to_uppercase();
    if is_ticket_number(&number) {
        return Ok(match tickets::get_by_number(ctx, &number).await {
            Ok(ticket) => SearchPage {
                tickets: vec![ticket],
                total: 1,
                total_is_exact: true,
                exact_match: true,
            },
            Err(DomainError::NotFound(_)) => SearchPage {
                tickets: Vec::new(),
                total: 0,
                total_is_exact: true,
                exact_match: false,
            },
            Err(other) => return Err(other),
        });
    }
    let include_internal = ctx.viewer.is_staff();
    let mut conn = ctx.state.pool.get().await?;
    // A search ranks the newest `cap` matches the viewer may see and counts exactly up to
    // there; one candidate past the cap tells a capped total from an exact one.
    let cap = ctx.state.config.search_ranked_matches;
    let candidates = cap + 1;
    let search =
        TicketSearch::prepare(&mut conn, &filter, query, include_internal, candidates).await?;
    let mut rows = search.page(&mut conn, offset, limit).await?;
    let matches = match rows.first() {
        Some((_, total)) => *total,
        // Past the last page (or no match): the window count has no row to ride on.
        None if offset > 0 => search.count(&mut conn).await?,
        None => 0,
    };
    let total = matches.min(cap);
    // The extra candidate is only a marker; results end at the cap.
    rows.truncate(usize::try_from((total - offset).max(0)).unwrap_or(0));
    let tickets = rows.into_iter().map(|(ticket, _)| ticket).collect();
    Ok(SearchPage {
        tickets,
        total,
        total_is_exact: matches <= cap,
        exact_match: false,
    })
}
