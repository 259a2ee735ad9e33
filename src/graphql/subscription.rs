//! Live events over `/graphql/ws`: a replay from the table (with `after`), then the
//! instance's broadcast, each event re-checked against the subscriber's current rights.

use std::collections::VecDeque;
use std::sync::Arc;

use async_graphql::{Context, ErrorExtensions, ID, Subscription as SubscriptionObject};
use futures::Stream;
use tokio::sync::broadcast::{self, error::RecvError};

use crate::auth::Viewer;
use crate::db::models::event::{RoutedEvent, TicketEvent};
use crate::domain::{DomainError, DomainResult};
use crate::events::filter::EventFilter;
use crate::graphql::context::{parse_uuid, request_ctx};
use crate::graphql::error::{GqlResult, code};
use crate::graphql::types::event::TicketEventObject;
use crate::services::{RequestContext, tickets};

const REPLAY_PAGE: i64 = 500;
const REPLAY_MAX: usize = 10_000;

#[derive(Default)]
pub struct Subscription;

fn parse_event_id(id: &ID) -> DomainResult<i64> {
    id.parse::<i64>()
        .ok()
        .filter(|id| *id >= 0)
        .ok_or_else(|| DomainError::invalid("after", "after is not a valid event id"))
}

#[SubscriptionObject]
impl Subscription {
    /// Ticket events the caller may see (users: their own tickets; staff: all). With `after`,
    /// missed events are replayed first, so a reconnecting client loses nothing.
    async fn ticket_events(
        &self,
        ctx: &Context<'_>,
        ticket_id: Option<ID>,
        after: Option<ID>,
    ) -> Result<impl Stream<Item = GqlResult<TicketEventObject>> + use<>, async_graphql::Error>
    {
        let request = request_ctx(ctx)?.clone();
        request.viewer.principal()?;
        let ticket_id = ticket_id
            .map(|id| parse_uuid("ticketId", &id))
            .transpose()?;
        let after = after.as_ref().map(parse_event_id).transpose()?;
        // Boxed (as in `my_assignments`): async-graphql keeps the resolver's future inline for
        // the whole life of the subscription, so its database awaits must not size it.
        Ok(Box::pin(async move {
            if let Some(id) = ticket_id {
                tickets::get(&request, id).await?;
            }
            event_stream(request, EventFilter::Tickets { ticket_id }, after).await
        })
        .await?)
    }

    /// Staff: tickets assigned to or taken from the caller, and SLA warnings and breaches of
    /// the tickets assigned to them.
    async fn my_assignments(
        &self,
        ctx: &Context<'_>,
        after: Option<ID>,
    ) -> Result<impl Stream<Item = GqlResult<TicketEventObject>> + use<>, async_graphql::Error>
    {
        let request = request_ctx(ctx)?.clone();
        let principal = request.viewer.require_staff()?;
        let after = after.as_ref().map(parse_event_id).transpose()?;
        let filter = EventFilter::Assignments {
            user_id: principal.user_id,
        };
        Ok(Box::pin(event_stream(request, filter, after)).await?)
    }
}

struct EventStream {
    request: RequestContext,
    filter: EventFilter,
    replay: VecDeque<RoutedEvent>,
    live: broadcast::Receiver<Arc<RoutedEvent>>,
    last_id: i64,
    finished: bool,
}

async fn event_stream(
    request: RequestContext,
    filter: EventFilter,
    after: Option<i64>,
) -> DomainResult<impl Stream<Item = GqlResult<TicketEventObject>> + use<>> {
    // Subscribe before reading the replay so nothing falls between the two.
    let live = request.state.events.subscribe();
    let mut replay = VecDeque::new();
    if let Some(after) = after {
        let mut conn = request.state.pool.get().await?;
        let mut cursor = after;
        loop {
            let page =
                TicketEvent::replay(&mut conn, cursor, filter.ticket_id(), REPLAY_PAGE).await?;
            let full = page.len() as i64 == REPLAY_PAGE;
            if let Some(last) = page.last() {
                cursor = last.event.cursor();
            }
            replay.extend(page);
            if !full {
                break;
            }
            if replay.len() >= REPLAY_MAX {
                return Err(DomainError::invalid(
                    "after",
                    "too many events to replay; fetch the ticket list and resubscribe without after",
                ));
            }
        }
    }
    let state = EventStream {
        request,
        filter,
        replay,
        live,
        last_id: after.unwrap_or(0),
        finished: false,
    };
    Ok(futures::stream::unfold(state, |mut state| async move {
        let item = state.next().await?;
        Some((item, state))
    }))
}

impl EventStream {
    fn resubscribe(&mut self, message: &str) -> Option<GqlResult<TicketEventObject>> {
        self.finished = true;
        let last = self.last_id;
        Some(Err(async_graphql::Error::new(message).extend_with(
            |_, e| {
                e.set("code", code::RESUBSCRIBE);
                e.set("after", last.to_string());
            },
        )))
    }

    async fn next(&mut self) -> Option<GqlResult<TicketEventObject>> {
        loop {
            if self.finished {
                return None;
            }
            let routed = match self.replay.pop_front() {
                Some(event) => Arc::new(event),
                None => match self.live.recv().await {
                    Ok(event) => event,
                    Err(RecvError::Closed) => return None,
                    Err(RecvError::Lagged(_)) => {
                        return self.resubscribe(
                            "events were dropped because the client fell behind; resubscribe with `after`",
                        );
                    }
                },
            };
            // Replay and broadcast overlap; positions follow commit order, so anything at or
            // below the last one delivered was delivered.
            if routed.event.cursor() <= self.last_id {
                continue;
            }
            // Boxed: the lookup's (rare) database future would otherwise size the future
            // every idle subscription keeps while it waits for the next event.
            let principal = match Box::pin(self.current_principal()).await {
                Ok(principal) => principal,
                Err(err) => {
                    self.finished = true;
                    return Some(Err(err.into()));
                }
            };
            // The selection under each event resolves with the rights the subscription was
            // started with; once those change, it must be started again to be resolved anew.
            if self.request.viewer != Viewer::User(principal) {
                return self
                    .resubscribe("your access changed; resubscribe with `after` to continue");
            }
            self.last_id = routed.event.cursor();
            if self.filter.admits(&principal, &routed) {
                return Some(Ok(TicketEventObject(routed.event.clone())));
            }
        }
    }

    async fn current_principal(&self) -> DomainResult<crate::auth::Principal> {
        let session = self.request.viewer.principal()?.session_id;
        self.request
            .state
            .principals
            .resolve(&self.request.state.pool, session)
            .await?
            .ok_or(DomainError::Unauthenticated)
    }
}
