//! Group commit for ticket creation. Ticket numbers are gap-free per year, so every filing
//! locks the year's counter row until its commit is flushed; one filing per commit caps the
//! whole system at about one commit-flush per ticket. One writer task per instance instead
//! files everything that queued while its previous batch committed, in one statement.

use std::sync::Arc;

use diesel_async::{AsyncConnection, AsyncPgConnection};
use futures::future::BoxFuture;
use tokio::sync::{mpsc, oneshot};

use crate::db::DbPool;
use crate::db::models::ticket::{NewTicket, Ticket, insert_tickets};

const MAX_BATCH: usize = 128;
const QUEUE: usize = 4096;

type Reply = oneshot::Sender<Result<Ticket, String>>;

/// What must commit together with every filed batch (the SLA clocks); it may update the rows.
pub trait AfterFiling: Send + Sync + 'static {
    fn after_filing<'a>(
        &'a self,
        conn: &'a mut AsyncPgConnection,
        tickets: &'a mut [Ticket],
    ) -> BoxFuture<'a, diesel::QueryResult<()>>;
}

#[derive(Clone)]
pub struct TicketWriter {
    queue: mpsc::Sender<(NewTicket, Reply)>,
}

impl TicketWriter {
    pub fn start(pool: DbPool, after_filing: Arc<dyn AfterFiling>) -> Self {
        let (queue, receiver) = mpsc::channel(QUEUE);
        tokio::spawn(run(pool, after_filing, receiver));
        Self { queue }
    }

    /// Files one ticket; resolves once its batch has committed.
    pub async fn file(&self, ticket: NewTicket) -> anyhow::Result<Ticket> {
        let (reply, answer) = oneshot::channel();
        self.queue
            .send((ticket, reply))
            .await
            .map_err(|_| anyhow::anyhow!("ticket writer stopped"))?;
        answer
            .await
            .map_err(|_| anyhow::anyhow!("ticket writer dropped the request"))?
            .map_err(|err| anyhow::anyhow!("filing the ticket failed: {err}"))
    }
}

async fn run(
    pool: DbPool,
    after_filing: Arc<dyn AfterFiling>,
    mut receiver: mpsc::Receiver<(NewTicket, Reply)>,
) {
    let mut batch = Vec::with_capacity(MAX_BATCH);
    while receiver.recv_many(&mut batch, MAX_BATCH).await > 0 {
        let (tickets, replies): (Vec<NewTicket>, Vec<Reply>) = batch.drain(..).unzip();
        match file_batch(&pool, &*after_filing, &tickets).await {
            Ok(rows) => {
                for (row, reply) in rows.into_iter().zip(replies) {
                    let _ = reply.send(Ok(row));
                }
            }
            // One bad row fails its whole batch; file them one by one so only it fails.
            Err(err) if tickets.len() > 1 => {
                tracing::warn!(error = %err, size = tickets.len(), "batch filing failed; retrying singly");
                for (ticket, reply) in tickets.iter().zip(replies) {
                    let single = file_batch(&pool, &*after_filing, std::slice::from_ref(ticket))
                        .await
                        .and_then(|mut rows| {
                            rows.pop().ok_or_else(|| "no row returned".to_owned())
                        });
                    let _ = reply.send(single);
                }
            }
            Err(err) => {
                for reply in replies {
                    let _ = reply.send(Err(err.clone()));
                }
            }
        }
    }
}

async fn file_batch(
    pool: &DbPool,
    after_filing: &dyn AfterFiling,
    tickets: &[NewTicket],
) -> Result<Vec<Ticket>, String> {
    let mut conn = pool.get().await.map_err(|err| err.to_string())?;
    let rows = conn
        .transaction(async |conn| {
            let mut rows = insert_tickets(conn, tickets).await?;
            after_filing.after_filing(conn, &mut rows).await?;
            Ok::<_, diesel::result::Error>(rows)
        })
        .await
        .map_err(|err| err.to_string())?;
    if rows.len() == tickets.len() {
        Ok(rows)
    } else {
        Err(format!("filed {} of {} tickets", rows.len(), tickets.len()))
    }
}
