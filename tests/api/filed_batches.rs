//! A batch the group-commit writer files at once queues its filing jobs (triage, duplicate
//! search, receipt, unassigned alert) per chunk of tickets, and every ticket of a chunk is
//! still served; a ticket whose part fails goes back to the queue on its own.

use std::collections::BTreeSet;

use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use serde_json::json;

use crate::common::mail::SmtpSink;
use crate::common::{Instance, TestApp, eventually, pipeline_config};

/// Filed after the first, while the writer waits: enough for several chunks of 8.
const HELD_BACK: usize = 20;
const CHUNK: usize = 8;

const JOBS: &str = "query($task: String) { jobs(task: $task, first: 200) { ticketIds } }";

async fn file(app: &TestApp, token: &str, i: usize) -> String {
    let body = app
        .gql(
            Some(token),
            "mutation($input: CreateTicketInput!) { createTicket(input: $input) { id } }",
            json!({ "input": {
                "title": format!("Charged twice for the March invoice ({i})"),
                "description": "My card was charged twice for the same invoice this month.",
            } }),
        )
        .await;
    body["data"]["createTicket"]["id"]
        .as_str()
        .unwrap_or_else(|| panic!("{body}"))
        .to_owned()
}

async fn sql(conn: &mut AsyncPgConnection, statement: &str) {
    diesel::sql_query(statement)
        .execute(conn)
        .await
        .unwrap_or_else(|err| panic!("{statement}: {err}"));
}

/// The tickets each queued job of `task` carries, as admins see them.
async fn tickets_per_job(app: &TestApp, admin: &str, task: &str) -> Vec<Vec<String>> {
    let body = app.gql(Some(admin), JOBS, json!({ "task": task })).await;
    let jobs = body["data"]["jobs"]
        .as_array()
        .unwrap_or_else(|| panic!("{body}"));
    jobs.iter()
        .map(|job| {
            job["ticketIds"]
                .as_array()
                .unwrap_or_else(|| panic!("{job}"))
                .iter()
                .map(|id| id.as_str().expect("ticket id").to_owned())
                .collect()
        })
        .filter(|ids: &Vec<String>| !ids.is_empty())
        .collect()
}

#[tokio::test]
async fn a_batch_is_worked_per_chunk_and_every_ticket_is_served_once() {
    // No workers here: the jobs the filing queued stay to be read.
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    let customer = app.sign_up("customer").await;
    let mut ids = vec![file(&app, &customer.token, 0).await];

    // Holding the year's ticket counter keeps the writer's next batch waiting; whatever is
    // filed meanwhile commits in the batch after it.
    let mut holder = AsyncPgConnection::establish(&app.db.url)
        .await
        .expect("connect");
    sql(&mut holder, "BEGIN").await;
    sql(
        &mut holder,
        "SELECT last_value FROM ticket_counters FOR UPDATE",
    )
    .await;
    let filings =
        futures::future::join_all((1..=HELD_BACK).map(|i| file(&app, &customer.token, i)));
    let release = async {
        eventually("every filing counted and the writer waiting", || async {
            let counted = app
                .count_rows(&format!(
                    "rate_limit_counters WHERE bucket LIKE 'create-ticket:%' AND hits = {}",
                    HELD_BACK + 1
                ))
                .await
                == 1;
            let waiting = app
                .count_rows("pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'")
                .await
                >= 1;
            counted && waiting
        })
        .await;
        sql(&mut holder, "COMMIT").await;
    };
    let (filed, ()) = futures::future::join(filings, release).await;
    ids.extend(filed);
    let all: BTreeSet<String> = ids.iter().cloned().collect();
    assert_eq!(all.len(), HELD_BACK + 1);

    for task in [
        "triage_ticket",
        "find_duplicates",
        "send_email",
        "unassigned_alert",
    ] {
        let jobs = tickets_per_job(&app, &admin.token, task).await;
        let covered: Vec<&String> = jobs.iter().flatten().collect();
        assert_eq!(
            covered.len(),
            all.len(),
            "{task}: each ticket once: {jobs:?}"
        );
        assert_eq!(
            covered.into_iter().cloned().collect::<BTreeSet<_>>(),
            all,
            "{task}"
        );
        assert!(
            jobs.iter().all(|ids| ids.len() <= CHUNK),
            "{task}: {jobs:?}"
        );
        assert!(jobs.len() < all.len(), "{task}: not chunked: {jobs:?}");
    }

    // Workers start while mail is down: triage, assignment and the duplicate search finish,
    // and each receipt of a chunk goes back to the queue as a job of its own.
    let sink = SmtpSink::reserve();
    let mut config = pipeline_config();
    config.pipeline.smtp_url = Some(sink.url().into());
    // Slow enough retries that no receipt runs out of attempts before mail is back.
    config.pipeline.job_retry_base_ms = 200;
    config.pipeline.job_retry_max_secs = 5;
    let _workers = Instance::start(&app.db, config).await;
    let receipts = "graphile_worker.jobs j JOIN graphile_worker._private_jobs p USING (id) \
                    WHERE j.task_identifier = 'send_email'";
    eventually("every ticket triaged, assigned and searched; receipts queued alone", || async {
        app.count_rows("ticket_triage").await == all.len() as i64
            && app.count_rows("tickets WHERE assignee_id IS NOT NULL").await == all.len() as i64
            && app
                .count_rows("tickets t WHERE EXISTS (SELECT 1 FROM ticket_duplicates d WHERE t.id IN (d.ticket_id, d.duplicate_of_id))")
                .await
                == all.len() as i64
            && app
                .count_rows(&format!("{receipts} AND p.payload->>'kind' = 'TICKET_CREATED'"))
                .await
                == all.len() as i64
            && app
                .count_rows(&format!("{receipts} AND p.payload->'receipts_for' IS NOT NULL"))
                .await
                == 0
            && app
                .count_rows("graphile_worker.jobs WHERE task_identifier IN ('triage_ticket', 'find_duplicates', 'assign_ticket')")
                .await
                == 0
    })
    .await;

    sink.listen();
    eventually("every receipt sent", || async {
        app.count_rows(&format!(
            "{receipts} AND p.payload->>'kind' = 'TICKET_CREATED'"
        ))
        .await
            == 0
    })
    .await;
    let receipts: Vec<String> = sink
        .received()
        .iter()
        .filter(|mail| mail.to == [customer.email.clone()])
        .map(|mail| mail.message_id())
        .filter(|id| id.starts_with("<created."))
        .collect();
    let expected: BTreeSet<String> = all.iter().map(|id| format!("<created.{id}@")).collect();
    let sent: BTreeSet<String> = receipts
        .iter()
        .map(|id| {
            id.split_inclusive('@')
                .next()
                .unwrap_or_default()
                .to_owned()
        })
        .collect();
    assert_eq!(
        receipts.len(),
        all.len(),
        "one receipt per ticket: {receipts:?}"
    );
    assert_eq!(sent, expected);
}
