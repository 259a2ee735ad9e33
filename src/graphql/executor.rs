//! Operations over a WebSocket: each one runs as the caller is *now* (role and active flag
//! re-read through the principal cache, not as they were at `connection_init`), and live
//! subscriptions are capped per connection and per user.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use async_graphql::{Data, Executor, Request, Response};
use futures::StreamExt;
use futures::stream::BoxStream;
use uuid::Uuid;

use crate::auth::Viewer;
use crate::config::IntrospectionMode;
use crate::graphql::Schemas;
use crate::graphql::endpoint::Endpoint;
use crate::graphql::error::{INTERNAL_MESSAGE, code, coded_error};
use crate::metrics::LiveGauge;
use crate::services::RequestContext;

/// Open subscriptions per user on this instance.
#[derive(Default)]
pub struct SubscriptionCounts {
    by_user: Mutex<HashMap<Uuid, usize>>,
}

/// Live subscriptions held by one user (or one anonymous connection) until dropped.
struct Slot {
    counts: Arc<SubscriptionCounts>,
    user: Option<Uuid>,
    connection: Arc<Mutex<usize>>,
    _live: LiveGauge,
}

impl Drop for Slot {
    fn drop(&mut self) {
        if let Ok(mut open) = self.connection.lock() {
            *open = open.saturating_sub(1);
        }
        if let Some(user) = self.user
            && let Ok(mut by_user) = self.counts.by_user.lock()
            && let Some(open) = by_user.get_mut(&user)
        {
            *open = open.saturating_sub(1);
            if *open == 0 {
                by_user.remove(&user);
            }
        }
    }
}

#[derive(Clone, Copy)]
pub struct SubscriptionCaps {
    pub per_connection: usize,
    pub per_user: usize,
}

#[derive(Clone)]
pub struct ConnectionExecutor {
    schemas: Schemas,
    introspection: IntrospectionMode,
    /// The connection as it was initialised: the session to re-check, the client address.
    base: RequestContext,
    counts: Arc<SubscriptionCounts>,
    caps: SubscriptionCaps,
    open_here: Arc<Mutex<usize>>,
}

/// Why an operation is not run: its code and message.
struct Refusal {
    code: &'static str,
    message: String,
}

impl Refusal {
    fn internal() -> Self {
        Self {
            code: code::INTERNAL_SERVER_ERROR,
            message: INTERNAL_MESSAGE.to_owned(),
        }
    }

    fn into_response(self) -> Response {
        Response::from_errors(vec![coded_error(self.code, self.message)])
    }
}

impl ConnectionExecutor {
    pub fn new(
        schemas: Schemas,
        base: RequestContext,
        counts: Arc<SubscriptionCounts>,
        caps: SubscriptionCaps,
    ) -> Self {
        Self {
            introspection: base.state.config.introspection,
            schemas,
            base,
            counts,
            caps,
            open_here: Arc::default(),
        }
    }

    /// The caller as of now; `Err` is an internal error (the session store is unreachable).
    async fn current(&self) -> Result<RequestContext, Refusal> {
        let viewer = match self.base.viewer {
            Viewer::Anonymous => Viewer::Anonymous,
            Viewer::User(principal) => {
                let state = &self.base.state;
                match state
                    .principals
                    .resolve(&state.pool, principal.session_id)
                    .await
                {
                    Ok(Some(current)) => Viewer::User(current),
                    Ok(None) => Viewer::Anonymous,
                    Err(err) => {
                        tracing::error!(error = ?err, "cannot re-check a WebSocket session");
                        return Err(Refusal::internal());
                    }
                }
            }
        };
        Ok(RequestContext {
            viewer,
            ..self.base.clone()
        })
    }

    fn endpoint_for(&self, viewer: &Viewer) -> &Endpoint {
        let allowed = match self.introspection {
            IntrospectionMode::On => true,
            IntrospectionMode::Staff => viewer.is_staff(),
            IntrospectionMode::Off => false,
        };
        self.schemas.pick(allowed)
    }

    fn take_slot(&self, viewer: &Viewer) -> Result<Slot, Refusal> {
        let mut open_here = self.open_here.lock().map_err(|_| Refusal::internal())?;
        if *open_here >= self.caps.per_connection {
            return Err(Refusal {
                code: code::SUBSCRIPTION_LIMIT,
                message: format!(
                    "at most {} subscriptions per connection; complete one first",
                    self.caps.per_connection
                ),
            });
        }
        let user = viewer.user_id();
        if let Some(user) = user {
            let mut by_user = self
                .counts
                .by_user
                .lock()
                .map_err(|_| Refusal::internal())?;
            let open = by_user.entry(user).or_default();
            if *open >= self.caps.per_user {
                return Err(Refusal {
                    code: code::SUBSCRIPTION_LIMIT,
                    message: format!(
                        "at most {} subscriptions per user; complete one first",
                        self.caps.per_user
                    ),
                });
            }
            *open += 1;
        }
        *open_here += 1;
        Ok(Slot {
            counts: self.counts.clone(),
            user,
            connection: self.open_here.clone(),
            _live: LiveGauge::subscription(),
        })
    }
}

impl Executor for ConnectionExecutor {
    async fn execute(&self, request: Request) -> Response {
        match self.current().await {
            Ok(context) => {
                self.endpoint_for(&context.viewer)
                    .execute(request, context)
                    .await
            }
            Err(refusal) => refusal.into_response(),
        }
    }

    fn execute_stream(
        &self,
        request: Request,
        session_data: Option<Arc<Data>>,
    ) -> BoxStream<'static, Response> {
        let this = self.clone();
        // Boxed: `once` keeps its future's space for as long as the subscription lives; a
        // box is freed as soon as the stream is set up.
        futures::stream::once(Box::pin(async move {
            let context = match this.current().await {
                Ok(context) => context,
                Err(refusal) => return refused(refusal),
            };
            let slot = match this.take_slot(&context.viewer) {
                Ok(slot) => slot,
                Err(refusal) => return refused(refusal),
            };
            this.endpoint_for(&context.viewer)
                .execute_stream(request, context, session_data.unwrap_or_default())
                // The slot is released when the client completes the subscription or leaves.
                .map(move |response| {
                    let _held = &slot;
                    response
                })
                .boxed()
        }))
        .flatten()
        .boxed()
    }
}

fn refused(refusal: Refusal) -> BoxStream<'static, Response> {
    futures::stream::once(async move { refusal.into_response() }).boxed()
}
