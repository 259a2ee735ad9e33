//! The job types: each is the payload graphile_worker stores and the handler that runs it.
//! Handlers only translate to the services that do the work.

use std::future::Future;

use graphile_worker::{IntoTaskHandlerResult, TaskHandler, WorkerContext};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::app::AppState;
use crate::db::models::job::NewJob;
use crate::queue::{
    self, ASSIGN_TICKET, AUTO_CLOSE, DELIVER_WEBHOOKS, FIND_DUPLICATES, FiledTickets, PURGE_TRASH,
    RETRAIN_TRIAGE, SEND_EMAIL, SLA_DEADLINE, SLA_REEVALUATE, TRIAGE_TICKET, UNASSIGNED_ALERT,
};
use crate::services::notifications::EmailJob;
use crate::services::sla::DeadlineJob;
use crate::services::webhooks::delivery::{self, SenderJob};
use crate::services::{
    alerts, assignment, duplicates, filed_batch, lifecycle, maintenance, notifications, sla,
    triage, triage_learning,
};

fn app(ctx: &WorkerContext) -> Result<&AppState, String> {
    ctx.get_ext::<AppState>()
        .ok_or_else(|| "worker started without application state".to_owned())
}

fn report(result: anyhow::Result<()>) -> Result<(), String> {
    result.map_err(|err| format!("{err:#}"))
}

/// How a ticket of a chunk is queued again on its own: the task, attempts and priority the
/// filing trigger gives its single job.
struct Alone {
    task: &'static str,
    max_attempts: i32,
    priority: i32,
}

/// Runs `work` for a filing job's tickets. A single ticket's failure fails the job, which the
/// queue retries; a chunk's failures go back to the queue one by one (`filed_batch`).
async fn for_filed<Fut>(
    state: &AppState,
    tickets: FiledTickets,
    work: impl Fn(Uuid) -> Fut,
    alone: Alone,
) -> Result<(), String>
where
    Fut: Future<Output = anyhow::Result<()>>,
{
    match tickets {
        FiledTickets::One { ticket_id } => report(work(ticket_id).await),
        FiledTickets::Chunk { ticket_ids } => report(
            filed_batch::each(state, &ticket_ids, work, |id| NewJob {
                task: alone.task,
                payload: serde_json::json!(FiledTickets::of(&[id])),
                max_attempts: alone.max_attempts,
                priority: alone.priority,
                job_key: None,
                run_at: None,
            })
            .await,
        ),
    }
}

/// Queued by the database when tickets are filed (see `enqueue_ticket_jobs`). Triage assigns
/// the ticket in the same job.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(transparent)]
pub struct TriageTicket(pub FiledTickets);

impl TaskHandler for TriageTicket {
    const IDENTIFIER: &'static str = TRIAGE_TICKET;

    async fn run(self, ctx: WorkerContext) -> impl IntoTaskHandlerResult {
        let state = app(&ctx)?;
        // Only a single ticket's job can be its last attempt: a chunk's failures are queued
        // again on their own.
        let last_attempt = matches!(self.0, FiledTickets::One { .. })
            && ctx.job().attempts() >= ctx.job().max_attempts();
        let alone = Alone {
            task: TRIAGE_TICKET,
            max_attempts: queue::TRIAGE_MAX_ATTEMPTS,
            priority: queue::TRIAGE_PRIORITY,
        };
        for_filed(
            state,
            self.0,
            |id| triage::triage_ticket(state, id, last_attempt),
            alone,
        )
        .await
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AssignTicket {
    pub ticket_id: Uuid,
}

impl TaskHandler for AssignTicket {
    const IDENTIFIER: &'static str = ASSIGN_TICKET;

    async fn run(self, ctx: WorkerContext) -> impl IntoTaskHandlerResult {
        report(assignment::assign_ticket(app(&ctx)?, self.ticket_id).await)
    }
}

/// Queued by the database when a ticket is filed (see `enqueue_ticket_jobs`).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(transparent)]
pub struct FindDuplicates(pub FiledTickets);

impl TaskHandler for FindDuplicates {
    const IDENTIFIER: &'static str = FIND_DUPLICATES;

    async fn run(self, ctx: WorkerContext) -> impl IntoTaskHandlerResult {
        let state = app(&ctx)?;
        let alone = Alone {
            task: FIND_DUPLICATES,
            max_attempts: queue::DUPLICATES_MAX_ATTEMPTS,
            priority: queue::DUPLICATES_PRIORITY,
        };
        for_filed(state, self.0, |id| duplicates::detect(state, id), alone).await
    }
}

/// One email, or the receipts of a filed chunk of tickets (queued by `enqueue_ticket_jobs`).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(untagged)]
pub enum SendEmail {
    Receipts { receipts_for: Vec<Uuid> },
    One(EmailJob),
}

impl TaskHandler for SendEmail {
    const IDENTIFIER: &'static str = SEND_EMAIL;

    async fn run(self, ctx: WorkerContext) -> impl IntoTaskHandlerResult {
        let state = app(&ctx)?;
        match self {
            SendEmail::One(email) => report(notifications::send(state, &email).await),
            SendEmail::Receipts { receipts_for } => report(
                filed_batch::each(
                    state,
                    &receipts_for,
                    |id| async move { notifications::send(state, &EmailJob::receipt(id)).await },
                    |id| NewJob {
                        task: SEND_EMAIL,
                        payload: serde_json::json!(EmailJob::receipt(id)),
                        max_attempts: queue::EMAIL_MAX_ATTEMPTS,
                        priority: queue::EMAIL_PRIORITY,
                        job_key: None,
                        run_at: None,
                    },
                )
                .await,
            ),
        }
    }
}

/// Scheduled hourly: empties the trash past retention and drops ended rate-limit windows.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct PurgeTrash {}

impl TaskHandler for PurgeTrash {
    const IDENTIFIER: &'static str = PURGE_TRASH;

    async fn run(self, ctx: WorkerContext) -> impl IntoTaskHandlerResult {
        let purged = maintenance::run_once(app(&ctx)?)
            .await
            .map_err(|err| format!("{err:#}"))?;
        if purged.tickets > 0 {
            tracing::info!(tickets = purged.tickets, "purged trashed tickets");
        }
        Ok::<(), String>(())
    }
}

/// An SLA warning or breach, due at the instant it names.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SlaDeadline(pub DeadlineJob);

impl TaskHandler for SlaDeadline {
    const IDENTIFIER: &'static str = SLA_DEADLINE;

    async fn run(self, ctx: WorkerContext) -> impl IntoTaskHandlerResult {
        report(sla::fire(app(&ctx)?, &self.0).await)
    }
}

/// After an SLA policy or calendar changed: every open ticket's clocks follow the new rules.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct SlaReevaluate {}

impl TaskHandler for SlaReevaluate {
    const IDENTIFIER: &'static str = SLA_REEVALUATE;

    async fn run(self, ctx: WorkerContext) -> impl IntoTaskHandlerResult {
        let tickets = sla::admin::reevaluate_open_tickets(app(&ctx)?)
            .await
            .map_err(|err| format!("{err:#}"))?;
        tracing::info!(tickets, "re-evaluated SLA clocks");
        Ok::<(), String>(())
    }
}

/// Scheduled hourly: closes resolutions nobody answered within DESKQL_AUTO_CLOSE_DAYS.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct AutoClose {}

impl TaskHandler for AutoClose {
    const IDENTIFIER: &'static str = AUTO_CLOSE;

    async fn run(self, ctx: WorkerContext) -> impl IntoTaskHandlerResult {
        let closed = lifecycle::auto_close(app(&ctx)?)
            .await
            .map_err(|err| format!("{err:#}"))?;
        if closed > 0 {
            tracing::info!(tickets = closed, "closed resolved tickets nobody answered");
        }
        Ok::<(), String>(())
    }
}

/// Due DESKQL_UNASSIGNED_ALERT_MINUTES after a ticket was filed: staff hear of it if nobody
/// took it. One job per filed ticket, or per chunk of a filed batch (see `services::filing`).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(transparent)]
pub struct UnassignedAlert(pub FiledTickets);

async fn alert_unassigned(state: &AppState, ticket_id: Uuid) -> anyhow::Result<()> {
    let alerted = alerts::unassigned(state, ticket_id).await?;
    if alerted > 0 {
        tracing::info!(ticket = %ticket_id, alerted, "ticket still unassigned; staff alerted");
    }
    Ok(())
}

impl TaskHandler for UnassignedAlert {
    const IDENTIFIER: &'static str = UNASSIGNED_ALERT;

    async fn run(self, ctx: WorkerContext) -> impl IntoTaskHandlerResult {
        let state = app(&ctx)?;
        let alone = Alone {
            task: UNASSIGNED_ALERT,
            max_attempts: queue::EMAIL_MAX_ATTEMPTS,
            priority: queue::EMAIL_PRIORITY,
        };
        for_filed(state, self.0, |id| alert_unassigned(state, id), alone).await
    }
}

/// Sends an endpoint's pending webhook deliveries for one ticket, in event order (queued by
/// the database trigger with the events, and by retries and redeliveries).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DeliverWebhooks(pub SenderJob);

impl TaskHandler for DeliverWebhooks {
    const IDENTIFIER: &'static str = DELIVER_WEBHOOKS;

    async fn run(self, ctx: WorkerContext) -> impl IntoTaskHandlerResult {
        report(delivery::send_pending(app(&ctx)?, &self.0).await)
    }
}

/// Scheduled daily: retrains triage on the shipped corpus plus staff corrections, and
/// activates the result only if it scores at least as well as the active model.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct RetrainTriage {}

impl TaskHandler for RetrainTriage {
    const IDENTIFIER: &'static str = RETRAIN_TRIAGE;

    async fn run(self, ctx: WorkerContext) -> impl IntoTaskHandlerResult {
        triage_learning::retrain(app(&ctx)?)
            .await
            .map(|_| ())
            .map_err(|err| format!("{:#}", err.into_anyhow()))
    }
}
