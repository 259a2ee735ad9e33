//! Live ticket events. One task per instance owns a LISTEN connection and the broadcast
//! sender; subscribers filter what they may see. Auth invalidations arrive on the same
//! connection and evict the principal cache.

use std::sync::Arc;
use std::time::Duration;

use diesel::sql_types::Bool;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use futures::StreamExt;
use tokio::sync::{broadcast, watch};
use tokio_util::sync::CancellationToken;

use crate::auth::principals::{AUTH_CHANNEL, Invalidation, PrincipalCache};
use crate::db::models::event::{RoutedEvent, TicketEvent};

pub mod filter;

pub const EVENTS_CHANNEL: &str = "deskql_ticket_events";
const BROADCAST_CAPACITY: usize = 4096;

#[derive(Clone)]
pub struct EventHub {
    sender: broadcast::Sender<Arc<RoutedEvent>>,
    listening: watch::Receiver<bool>,
}

impl EventHub {
    /// Starts the listener task; it reconnects with backoff until `shutdown` fires.
    pub fn start(
        database_url: String,
        principals: Arc<PrincipalCache>,
        shutdown: CancellationToken,
    ) -> Self {
        let (sender, _) = broadcast::channel(BROADCAST_CAPACITY);
        let (listening_tx, listening) = watch::channel(false);
        let listener = Listener {
            database_url,
            principals,
            sender: sender.clone(),
            listening: listening_tx,
        };
        tokio::spawn(listener.run(shutdown));
        Self { sender, listening }
    }

    pub fn subscribe(&self) -> broadcast::Receiver<Arc<RoutedEvent>> {
        self.sender.subscribe()
    }

    /// Resolves once the LISTEN connection is up (readiness, and tests).
    pub async fn wait_listening(&self) {
        let mut listening = self.listening.clone();
        // An error means the task ended, which only happens at shutdown.
        let _ = listening.wait_for(|up| *up).await;
    }

    pub fn is_listening(&self) -> bool {
        *self.listening.borrow()
    }
}

struct Listener {
    database_url: String,
    principals: Arc<PrincipalCache>,
    sender: broadcast::Sender<Arc<RoutedEvent>>,
    listening: watch::Sender<bool>,
}

/// Events are loaded (and broadcast) in pages of this many.
const PAGE: i64 = 500;
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);

impl Listener {
    async fn run(self, shutdown: CancellationToken) {
        let mut backoff = Duration::from_millis(100);
        // The last position broadcast (or passed over while nobody listened). It survives
        // reconnects, so what committed during an outage is published on return.
        let mut published: Option<i64> = None;
        loop {
            tokio::select! {
                () = shutdown.cancelled() => return,
                result = self.listen_once(&mut published) => {
                    self.listening.send_replace(false);
                    // Invalidations may have been missed while disconnected.
                    self.principals.clear();
                    if let Err(err) = result {
                        tracing::warn!(error = %err, "event listener disconnected; reconnecting");
                    }
                }
            }
            tokio::select! {
                () = shutdown.cancelled() => return,
                () = tokio::time::sleep(backoff) => {}
            }
            backoff = (backoff * 2).min(Duration::from_secs(5));
        }
    }

    async fn listen_once(&self, published: &mut Option<i64>) -> anyhow::Result<()> {
        let mut conn = tokio::time::timeout(
            CONNECT_TIMEOUT,
            AsyncPgConnection::establish(&self.database_url),
        )
        .await
        .map_err(|_| anyhow::anyhow!("connecting timed out"))??;
        diesel::sql_query(format!("LISTEN {EVENTS_CHANNEL}"))
            .execute(&mut conn)
            .await?;
        diesel::sql_query(format!("LISTEN {AUTH_CHANNEL}"))
            .execute(&mut conn)
            .await?;
        // Anything cached before LISTEN took effect may be stale.
        self.principals.clear();
        match published {
            // Catch up on what committed while the connection was down.
            Some(_) => self.publish_up_to(&mut conn, published, None).await?,
            // First start: live subscribers get what commits from now on.
            None => *published = Some(TicketEvent::last_position(&mut conn).await?),
        }
        self.listening.send_replace(true);
        tracing::debug!("listening for ticket events");
        let mut keepalive = tokio::time::interval(Duration::from_secs(30));
        loop {
            let next = {
                let mut notifications = std::pin::pin!(conn.notifications_stream());
                tokio::select! {
                    next = notifications.next() => Some(next),
                    _ = keepalive.tick() => None,
                }
            };
            match next {
                // A silent connection may be dead; a trivial query finds out.
                None => {
                    diesel::select(diesel::dsl::sql::<Bool>("true"))
                        .execute(&mut conn)
                        .await?;
                }
                Some(None) => anyhow::bail!("notification stream ended"),
                Some(Some(notification)) => {
                    let notification = notification?;
                    if notification.channel == AUTH_CHANNEL {
                        if let Some(invalidation) = Invalidation::parse(&notification.payload) {
                            self.principals.invalidate(&invalidation);
                        }
                    } else if let Ok(position) = notification.payload.parse::<i64>() {
                        self.publish_up_to(&mut conn, published, Some(position))
                            .await?;
                    }
                }
            }
        }
    }

    /// Broadcasts, in commit order, every event committed after `published`: up to at least
    /// the notified `position`, or (`None`, after a reconnect) whatever is there. One
    /// notification may stand for many events: they are loaded in pages, and notifications of
    /// events already sent are passed over. With nobody subscribed, nothing is loaded: the
    /// position just moves on.
    async fn publish_up_to(
        &self,
        conn: &mut AsyncPgConnection,
        published: &mut Option<i64>,
        position: Option<i64>,
    ) -> anyhow::Result<()> {
        let mut last = published.unwrap_or_default();
        if position.is_some_and(|position| position <= last) {
            return Ok(());
        }
        if self.sender.receiver_count() == 0 {
            let newest = match position {
                Some(position) => position,
                None => TicketEvent::last_position(conn).await?,
            };
            *published = Some(last.max(newest));
            return Ok(());
        }
        loop {
            let page = TicketEvent::replay(conn, last, None, PAGE).await?;
            let full = page.len() as i64 == PAGE;
            for event in page {
                last = event.event.cursor();
                if let Ok(lag) = (chrono::Utc::now() - event.event.occurred_at).to_std() {
                    crate::metrics::event_lag(lag);
                }
                // No receivers is not an error: everyone may have just left.
                let _ = self.sender.send(Arc::new(event));
            }
            *published = Some(last);
            if !full {
                return Ok(());
            }
        }
    }
}
