//! What must commit together with every newly filed ticket, whichever path filed it (the
//! group-commit writer or a transaction with uploads): its SLA clocks and, when configured,
//! the job that alerts staff if nobody has taken it in time.

use chrono::TimeDelta;
use diesel_async::AsyncPgConnection;
use futures::future::BoxFuture;
use serde_json::json;
use uuid::Uuid;

use crate::config::ServerConfig;
use crate::db::models::job::{self, NewJob};
use crate::db::models::ticket::Ticket;
use crate::db::ticket_writer::AfterFiling;
use crate::queue::{self, FiledTickets};
use crate::services::sla::start::start_clocks;

pub struct OnFiled {
    warn_percent: u8,
    unassigned_alert: Option<TimeDelta>,
}

impl OnFiled {
    pub fn from_config(config: &ServerConfig) -> Self {
        let minutes = config.pipeline.unassigned_alert_minutes;
        Self {
            warn_percent: config.pipeline.sla_warning_percent,
            unassigned_alert: (minutes > 0).then(|| TimeDelta::minutes(i64::from(minutes))),
        }
    }

    pub async fn run(
        &self,
        conn: &mut AsyncPgConnection,
        tickets: &mut [Ticket],
    ) -> diesel::QueryResult<()> {
        start_clocks(conn, tickets, self.warn_percent).await?;
        let Some(delay) = self.unassigned_alert else {
            return Ok(());
        };
        let unassigned: Vec<&Ticket> = tickets
            .iter()
            .filter(|ticket| ticket.assignee_id.is_none())
            .collect();
        // One alert job per chunk, as the filing trigger queues the other jobs; due when the
        // chunk's newest ticket is, so no ticket is alerted before its time.
        let alerts = unassigned
            .chunks(queue::FILED_CHUNK)
            .filter_map(|chunk| {
                let ids: Vec<Uuid> = chunk.iter().map(|ticket| ticket.id).collect();
                let newest = chunk.iter().map(|ticket| ticket.created_at).max()?;
                Some(NewJob {
                    task: queue::UNASSIGNED_ALERT,
                    payload: json!(FiledTickets::of(&ids)),
                    max_attempts: queue::EMAIL_MAX_ATTEMPTS,
                    priority: queue::EMAIL_PRIORITY,
                    job_key: match ids.as_slice() {
                        [id] => Some(format!("unassigned:{id}")),
                        _ => None,
                    },
                    run_at: Some(newest + delay),
                })
            })
            .collect();
        job::enqueue_all(conn, alerts).await
    }
}

impl AfterFiling for OnFiled {
    fn after_filing<'a>(
        &'a self,
        conn: &'a mut AsyncPgConnection,
        tickets: &'a mut [Ticket],
    ) -> BoxFuture<'a, diesel::QueryResult<()>> {
        Box::pin(self.run(conn, tickets))
    }
}
