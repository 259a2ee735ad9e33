//! Ticket search: the full-text match over a ticket's own text and its thread, bounded to
//! the newest candidates, and their ranking.

use diesel::prelude::*;
use diesel::sql_types::{Bool, Float4, Text};
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use crate::db::models::ticket::Ticket;
use crate::db::models::ticket_list::{BoxedTickets, TicketCondition, TicketFilter, filtered};
use crate::db::schema::tickets;

/// The web-search parse of the query, spelled once: every match and the rank use it.
const WEB_QUERY: &str = "websearch_to_tsquery('english', ";

/// A search over tickets whose title or description, or one of whose messages (internal
/// notes only with `include_internal`), match `query` as a web search.
///
/// Only the newest `candidates` matches are ranked: ranking reads each match's whole search
/// vector, so a broad query over a large deployment would otherwise rank (and count) hundreds
/// of thousands of rows.
pub struct TicketSearch<'a> {
    filter: &'a TicketFilter,
    query: &'a str,
    include_internal: bool,
    candidates: i64,
    /// The ticket-text branch, when [`walk_ticket_text`] found it: walked once, used by the
    /// page and by the count.
    walked: Option<Vec<Uuid>>,
}

impl<'a> TicketSearch<'a> {
    pub async fn prepare(
        conn: &mut AsyncPgConnection,
        filter: &'a TicketFilter,
        query: &'a str,
        include_internal: bool,
        candidates: i64,
    ) -> QueryResult<Self> {
        let walked = walk_ticket_text(conn, filter, query, candidates).await?;
        Ok(Self {
            filter,
            query,
            include_internal,
            candidates,
            walked,
        })
    }

    /// A page of the candidates, best matches first, each with the number of candidates
    /// (one pass instead of a second counting query).
    pub async fn page(
        &self,
        conn: &mut AsyncPgConnection,
        offset: i64,
        limit: i64,
    ) -> QueryResult<Vec<(Ticket, i64)>> {
        let rank =
            diesel::dsl::sql::<Float4>(&format!("ts_rank(tickets.search_vector, {WEB_QUERY}"))
                .bind::<Text, _>(self.query.to_owned())
                .sql("))");
        self.ranked_set()
            .order((rank.desc(), tickets::updated_at.desc(), tickets::id.desc()))
            .offset(offset)
            .limit(limit)
            .select((
                Ticket::as_select(),
                diesel::dsl::sql::<diesel::sql_types::BigInt>("count(*) OVER ()"),
            ))
            .load(conn)
            .await
    }

    /// How many tickets [`Self::page`] ranks (at most `candidates`).
    pub async fn count(&self, conn: &mut AsyncPgConnection) -> QueryResult<i64> {
        self.ranked_set().count().get_result(conn).await
    }

    /// The newest `candidates` matching tickets within `filter` (ids are UUIDv7, so their order
    /// is the creation order): what a search ranks and counts.
    ///
    /// The ticket's own text and its thread are two branches, each the newest `candidates`
    /// within the filter, so the planner picks a plan per branch: a broad term walks the id
    /// index backwards and stops after `candidates` matches, a rare one reads the GIN index.
    /// One `OR` across both would force a bitmap over every match, each one a heap visit.
    fn ranked_set(&self) -> BoxedTickets<'a> {
        let branch = |matches: TicketCondition| {
            filtered(self.filter)
                .filter(matches)
                .order(tickets::id.desc())
                .limit(self.candidates)
                .select(tickets::id)
        };
        let in_ticket = match &self.walked {
            Some(ids) => filtered(self.filter)
                .filter(tickets::id.eq_any(ids.clone()))
                .select(tickets::id),
            None => branch(ticket_text_matches(self.query)),
        };
        let in_thread = branch(thread_matches(self.query, self.include_internal));
        tickets::table
            .filter(tickets::id.eq_any(in_ticket.union(in_thread)))
            .into_boxed()
    }
}

/// A query of several words is first looked for among this many newest tickets per
/// candidate: one matching at least one ticket in 32 finds all its candidates there.
const WALK_PER_CANDIDATE: i64 = 32;

/// The newest `candidates` tickets whose own text matches a query of several words, found
/// by walking the newest tickets, if they are among the newest
/// `candidates × WALK_PER_CANDIDATE`.
///
/// Postgres estimates how many tickets such a query matches by multiplying each word's
/// frequency, as if words never came together. For "dark mode" or "password reset" it
/// guesses a tenth of the truth, picks the GIN index, and then visits every match in the
/// table (125,000 heap rows for a phrase in one title in eight of a million tickets). A
/// walk bounded by the window costs at most the window, and when it does not fill, the
/// query matches few enough tickets that reading them all through the index is cheap.
async fn walk_ticket_text(
    conn: &mut AsyncPgConnection,
    filter: &TicketFilter,
    query: &str,
    candidates: i64,
) -> QueryResult<Option<Vec<Uuid>>> {
    // One word's frequency is in the column statistics: the estimate is right.
    if words(query) < 2 {
        return Ok(None);
    }
    let window = candidates.saturating_mul(WALK_PER_CANDIDATE);
    let start: Option<Uuid> = tickets::table
        .select(tickets::id)
        .order(tickets::id.desc())
        .offset(window)
        .first(conn)
        .await
        .optional()?;
    // The match inside `coalesce` is opaque to the planner: no GIN bitmap, and the default
    // estimate of one row in two, so the plan walks the ids backwards and stops at the
    // last candidate.
    let mut walk = filtered(filter).filter(
        diesel::dsl::sql::<Bool>(&format!("coalesce(tickets.search_vector @@ {WEB_QUERY}"))
            .bind::<Text, _>(query.to_owned())
            .sql("), false)"),
    );
    if let Some(start) = start {
        walk = walk.filter(tickets::id.gt(start));
    }
    let ids: Vec<Uuid> = walk
        .order(tickets::id.desc())
        .limit(candidates)
        .select(tickets::id)
        .load(conn)
        .await?;
    // Without a start, the walk covered every ticket: its answer is complete.
    let complete = start.is_none() || i64::try_from(ids.len()).is_ok_and(|n| n >= candidates);
    Ok(complete.then_some(ids))
}

fn words(query: &str) -> usize {
    query
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .count()
}

fn ticket_text_matches(query: &str) -> TicketCondition {
    Box::new(
        diesel::dsl::sql::<Bool>(&format!("tickets.search_vector @@ {WEB_QUERY}"))
            .bind::<Text, _>(query.to_owned())
            .sql(")"),
    )
}

fn thread_matches(query: &str, include_internal: bool) -> TicketCondition {
    Box::new(
        diesel::dsl::sql::<Bool>(&format!(
            "EXISTS (SELECT 1 FROM ticket_messages WHERE ticket_messages.ticket_id = tickets.id \
             AND ticket_messages.search_vector @@ {WEB_QUERY}"
        ))
        .bind::<Text, _>(query.to_owned())
        .sql(") AND (")
        .bind::<Bool, _>(include_internal)
        .sql(" OR NOT ticket_messages.internal))"),
    )
}
