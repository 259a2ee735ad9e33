use async_graphql::{Context, Object};
use chrono::{DateTime, Utc};

use crate::db::models::ticket::Ticket;
use crate::graphql::context::request_ctx;
use crate::graphql::error::GqlResult;
use crate::graphql::guards::RoleGuard;
use crate::graphql::types::ticket::{TicketObject, load_user};
use crate::graphql::types::user::UserObject;
use crate::services::tickets;

#[derive(Default)]
pub struct TrashQuery;

/// A page of the trash.
pub struct TrashPage {
    tickets: Vec<Ticket>,
    total_count: i64,
}

#[Object]
impl TrashPage {
    /// Tickets in the trash, all of them.
    async fn total_count(&self) -> i64 {
        self.total_count
    }

    async fn tickets(&self) -> Vec<TrashedTicket> {
        self.tickets.iter().cloned().map(TrashedTicket).collect()
    }
}

/// A ticket in the trash, with who put it there and when.
pub struct TrashedTicket(Ticket);

#[Object]
impl TrashedTicket {
    async fn ticket(&self) -> TicketObject {
        TicketObject(self.0.clone())
    }

    async fn deleted_at(&self) -> Option<DateTime<Utc>> {
        self.0.deleted_at
    }

    async fn deleted_by(&self, ctx: &Context<'_>) -> GqlResult<Option<UserObject>> {
        load_user(ctx, self.0.deleted_by_id).await
    }
}

#[Object]
impl TrashQuery {
    /// Admins: the trash, most recently trashed first (1–100 per page, 20 by default), so `restoreTicket`
    /// can find what it brings back. Trashed tickets are purged after the retention period.
    #[graphql(guard = "RoleGuard::admin()")]
    async fn deleted_tickets(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        offset: Option<i32>,
    ) -> GqlResult<TrashPage> {
        let (first, offset) = (first.unwrap_or(20), offset.unwrap_or(0));
        let (tickets, total_count) = tickets::trash(request_ctx(ctx)?, first, offset).await?;
        Ok(TrashPage {
            tickets,
            total_count,
        })
    }
}
