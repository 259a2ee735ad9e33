//! Notification email over real SMTP to a local sink.

use std::collections::HashMap;
use std::time::Instant;

use deskql::domain::roles::Role;
use serde_json::json;

use crate::common::mail::SmtpSink;
use crate::common::{TestApp, eventually, pipeline_config};

#[tokio::test]
async fn smtp_down_then_up_delivers_every_email_exactly_once() {
    const EXPECTED: usize = 11;
    let sink = SmtpSink::reserve();
    let mut config = pipeline_config();
    config.pipeline.smtp_url = Some(sink.url().into());
    let app = TestApp::spawn_with(config).await;
    let agent = app
        .user_with_role("agent", Role::Moderator, &["billing"])
        .await;
    let customer = app.sign_up("customer").await;

    let started = Instant::now();
    let mut numbers = Vec::new();
    for i in 0..3 {
        let ticket = app
            .create_ticket(&customer, &format!("Refund request {i}"))
            .await;
        numbers.push(ticket["number"].as_str().expect("number").to_owned());
    }
    // Filing never waits for mail.
    assert!(started.elapsed().as_secs() < 5);

    // Every receipt fails at least once while nothing listens.
    eventually("failed email attempts", || async {
        app.count_rows("graphile_worker.jobs WHERE task_identifier = 'send_email' AND attempts >= 1 AND last_error IS NOT NULL").await >= 3
    })
    .await;
    assert_eq!(app.count_rows("email_deliveries").await, 0);

    sink.listen();
    // 3 receipts + 3 assignment emails to the agent + 3 "an agent is on it" emails to the
    // customer + the 2 sign-ups' verification emails.
    let mails = sink.wait_for(EXPECTED).await;
    eventually("all email jobs done", || async {
        app.count_rows("graphile_worker.jobs WHERE task_identifier = 'send_email'")
            .await
            == 0
    })
    .await;
    let mails_now = sink.received();
    assert_eq!(
        mails_now.len(),
        EXPECTED,
        "no duplicates after the queue drained: {mails:?}"
    );
    let mut per_id: HashMap<String, usize> = HashMap::new();
    for mail in &mails_now {
        *per_id.entry(mail.message_id()).or_default() += 1;
    }
    assert_eq!(per_id.len(), EXPECTED);
    assert!(per_id.values().all(|n| *n == 1));
    for number in &numbers {
        assert!(
            mails_now
                .iter()
                .any(|m| m.to == [customer.email.clone()] && m.subject().contains(number))
        );
        assert!(
            mails_now
                .iter()
                .any(|m| m.to == [agent.email.clone()] && m.subject().contains(number))
        );
    }
    assert_eq!(app.count_rows("email_deliveries").await, EXPECTED as i64);
}

#[tokio::test]
async fn resolving_a_ticket_emails_the_requester() {
    let sink = SmtpSink::start();
    let mut config = pipeline_config();
    config.pipeline.smtp_url = Some(sink.url().into());
    let app = TestApp::spawn_with(config).await;
    let agent = app.user_with_role("agent", Role::Moderator, &[]).await;
    let customer = app.sign_up("customer").await;
    let ticket = app.create_ticket(&customer, "Please fix my export").await;
    let set = r#"mutation($id: ID!, $s: TicketStatus!) { updateTicket(id: $id, input: { status: $s }) { status } }"#;
    for status in ["IN_PROGRESS", "RESOLVED"] {
        let body = app
            .gql(
                Some(&agent.token),
                set,
                json!({ "id": ticket["id"], "s": status }),
            )
            .await;
        assert_eq!(body["data"]["updateTicket"]["status"], status, "{body}");
    }
    eventually("the resolution email", || async {
        sink.received()
            .iter()
            .any(|m| m.subject().contains("Resolved"))
    })
    .await;
    let resolved: Vec<_> = sink
        .received()
        .into_iter()
        .filter(|m| m.subject().contains("Resolved"))
        .collect();
    assert_eq!(resolved.len(), 1);
    assert_eq!(resolved[0].to, std::slice::from_ref(&customer.email));
    assert!(resolved[0].message_id().starts_with("<resolved."));
}

#[tokio::test]
async fn without_smtp_emails_are_written_as_eml_files() {
    let config = pipeline_config();
    let dir = config.pipeline.mail_dir.clone();
    let app = TestApp::spawn_with(config).await;
    let customer = app.sign_up("customer").await;
    let ticket = app.create_ticket(&customer, "Where is my order").await;
    eventually("the receipt file", || async {
        app.count_rows("email_deliveries WHERE transport = 'FILE' AND kind = 'TICKET_CREATED'")
            .await
            >= 1
    })
    .await;
    let files: Vec<_> = std::fs::read_dir(&dir)
        .expect("mail dir")
        .flatten()
        .collect();
    let contents: Vec<String> = files
        .iter()
        .map(|f| std::fs::read_to_string(f.path()).unwrap_or_default())
        .collect();
    let number = ticket["number"].as_str().expect("number");
    assert!(
        contents
            .iter()
            .any(|c| c.contains(number) && c.contains("customer@example.com"))
    );
    let _ = std::fs::remove_dir_all(&dir);
}
