//! The background pipeline end to end, with the default (builtin) triage: a new ticket is
//! analysed, assigned by skills and workload, announced live, and emailed about.

use std::collections::HashMap;

use deskql::domain::roles::Role;
use serde_json::{Value, json};

use crate::common::mail::SmtpSink;
use crate::common::ws::WsClient;
use crate::common::{PIPELINE_DEADLINE, TestApp, eventually, pipeline_config};

const MY_ASSIGNMENTS: &str =
    r#"subscription { myAssignments { kind toValue actor { id } ticket { id number } } }"#;

pub const STAFF_VIEW: &str = r#"query($id: ID!) { ticket(id: $id) {
    number priority prioritySource summary helpfulNotes relatedSkills version
    assignee { id }
    assignmentReason { rule matchedSkills ticketSkills score openTickets moderatorsConsidered }
    triage { provider model confidence analyzedAt suggestedPriority suggestedCategory { slug } }
    history { kind actor { id } toValue }
} }"#;

pub async fn staff_view(app: &TestApp, token: &str, id: &Value) -> Value {
    let body = app.gql(Some(token), STAFF_VIEW, json!({ "id": id })).await;
    assert!(body["errors"].is_null(), "{body}");
    body["data"]["ticket"].clone()
}

async fn file(app: &TestApp, token: &str, title: &str, description: &str) -> Value {
    let body = app
        .gql(
            Some(token),
            "mutation($input: CreateTicketInput!) { createTicket(input: $input) { id number } }",
            json!({ "input": { "title": title, "description": description } }),
        )
        .await;
    let ticket = body["data"]["createTicket"].clone();
    assert!(ticket.is_object(), "{body}");
    ticket
}

/// Staff assign `ticket` to `assignee` by hand.
async fn assign(app: &TestApp, token: &str, ticket: &Value, assignee: &str) {
    let body = app
        .gql(
            Some(token),
            "mutation($id: ID!, $to: ID) { assignTicket(id: $id, input: { assigneeId: $to }) { assignee { id } } }",
            json!({ "id": ticket["id"], "to": assignee }),
        )
        .await;
    assert_eq!(
        body["data"]["assignTicket"]["assignee"]["id"], assignee,
        "{body}"
    );
}

#[tokio::test]
async fn new_ticket_is_triaged_assigned_live_and_emailed() {
    let sink = SmtpSink::start();
    let mut config = pipeline_config();
    config.pipeline.smtp_url = Some(sink.url().into());
    let app = TestApp::spawn_with(config).await;
    let ui = app
        .user_with_role("mod-ui", Role::Moderator, &["React", "CSS"])
        .await;
    app.user_with_role("mod-billing", Role::Moderator, &["billing"])
        .await;
    let mut ws = WsClient::connect(&app, &ui.token).await;
    ws.subscribe("1", MY_ASSIGNMENTS, json!({})).await;

    let customer = app.sign_up("customer").await;
    let ticket = file(
        &app,
        &customer.token,
        "Frontend dashboard shows a blank page",
        "Since this morning the dashboard renders a blank page in Firefox. The console shows a \
         TypeError in the layout code. Thanks for looking.",
    )
    .await;

    // The moderator's live subscription shows the assignment the pipeline made (after
    // triage, whose first run in a process trains the model: the pipeline's deadline).
    let event = ws.next_event_within(PIPELINE_DEADLINE).await;
    let assigned = &event["data"]["myAssignments"];
    assert_eq!(assigned["kind"], "ASSIGNED", "{event}");
    assert_eq!(assigned["ticket"]["id"], ticket["id"]);
    assert_eq!(assigned["toValue"], ui.id.as_str());
    assert!(
        assigned["actor"].is_null(),
        "the system assigned it: {event}"
    );

    let view = staff_view(&app, &ui.token, &ticket["id"]).await;
    assert_eq!(view["assignee"]["id"], ui.id.as_str());
    assert_eq!(view["triage"]["provider"], "builtin");
    assert_eq!(view["triage"]["model"], "linear-v2");
    assert_eq!(view["triage"]["suggestedCategory"]["slug"], "bug");
    let confidence = view["triage"]["confidence"].as_f64().expect("confidence");
    assert!((0.0..=1.0).contains(&confidence));
    assert!(
        view["summary"]
            .as_str()
            .is_some_and(|s| s.contains("blank page") && s.len() <= 200),
        "{view}"
    );
    // Most likely first; the model may add a weaker guess, which only widens the moderators
    // considered.
    assert_eq!(view["relatedSkills"][0], "ui", "{view}");
    assert!(
        view["helpfulNotes"]
            .as_str()
            .is_some_and(|n| n.contains("steps to reproduce"))
    );
    let reason = &view["assignmentReason"];
    assert_eq!(reason["rule"], "SKILL_MATCH");
    assert_eq!(reason["matchedSkills"], json!(["ui"]));
    assert_eq!(reason["moderatorsConsidered"], 2);
    let kinds: Vec<&str> = view["history"]
        .as_array()
        .expect("history")
        .iter()
        .filter_map(|e| e["kind"].as_str())
        // Whether triage moves the priority is the model's call ("since this morning" is an
        // urgency cue); this test is about the flow.
        .filter(|kind| *kind != "PRIORITY_CHANGED")
        .collect();
    assert_eq!(kinds, ["CREATED", "TRIAGED", "ASSIGNED"]);

    // The requester's receipt and "an agent is on it", and the moderator's assignment email,
    // each once (beside the three sign-ups' verification emails).
    let mails = sink.wait_for(6).await;
    let by_recipient: HashMap<String, &crate::common::mail::ReceivedMail> = mails
        .iter()
        .filter(|m| !m.subject().contains("Confirm your email"))
        .filter(|m| !m.subject().contains("An agent is on it"))
        .map(|m| (m.to[0].clone(), m))
        .collect();
    assert!(
        mails
            .iter()
            .any(|m| m.to == [customer.email.clone()] && m.subject().contains("An agent is on it"))
    );
    let receipt = by_recipient[&customer.email];
    assert!(
        receipt
            .subject()
            .contains(ticket["number"].as_str().expect("number"))
    );
    assert!(
        receipt.raw.contains("/tickets/"),
        "account holders get the portal link"
    );
    let assignment = by_recipient[&ui.email];
    assert!(
        assignment.subject().contains("Assigned to you"),
        "{}",
        assignment.subject()
    );
    assert!(assignment.raw.contains("blank page"));
    assert_ne!(receipt.message_id(), assignment.message_id());
    eventually("the three deliveries logged", || async {
        app.count_rows("email_deliveries WHERE kind <> 'VERIFY_EMAIL'")
            .await
            == 3
    })
    .await;
}

#[tokio::test]
async fn no_matching_moderator_falls_back_to_the_least_loaded_admin() {
    let app = TestApp::spawn_with(pipeline_config()).await;
    let admin = app.admin().await;
    app.user_with_role("mod-billing", Role::Moderator, &["billing"])
        .await;
    let customer = app.sign_up("customer").await;
    let ticket = file(
        &app,
        &customer.token,
        "Question about dark mode",
        "Is there a way to switch the portal to a dark colour scheme?",
    )
    .await;
    eventually("the admin fallback", || async {
        staff_view(&app, &admin.token, &ticket["id"]).await["assignee"]["id"] == admin.id.as_str()
    })
    .await;
    let view = staff_view(&app, &admin.token, &ticket["id"]).await;
    assert_eq!(view["assignmentReason"]["rule"], "ADMIN_FALLBACK");
}

#[tokio::test]
async fn a_moderator_past_the_cap_is_skipped_and_the_admin_load_is_counted_in_full() {
    let mut config = pipeline_config();
    config.pipeline.assign_max_open = 2;
    let app = TestApp::spawn_with(config).await;
    let admin = app.admin().await;
    let moderator = app
        .user_with_role("mod-billing", Role::Moderator, &["billing"])
        .await;
    let customer = app.sign_up("customer").await;
    // Six tickets no moderator's skills match: all fall back to the only admin.
    let mut held = Vec::new();
    for i in 0..6 {
        held.push(
            file(
                &app,
                &customer.token,
                &format!("Dark mode question {i}"),
                "Is there a way to switch the portal to a dark colour scheme?",
            )
            .await,
        );
    }
    eventually("six admin fallbacks", || async {
        app.count_rows(&format!("tickets WHERE assignee_id = '{}'", admin.id))
            .await
            == 6
    })
    .await;
    // Three move to the moderator, who is then past the cap of two; the admin keeps three.
    for ticket in &held[..3] {
        assign(&app, &admin.token, ticket, &moderator.id).await;
    }
    let billing = file(
        &app,
        &customer.token,
        "Charged twice",
        "I was charged twice for my subscription invoice this month.",
    )
    .await;
    eventually("the billing ticket's assignment", || async {
        !staff_view(&app, &admin.token, &billing["id"]).await["assignee"].is_null()
    })
    .await;
    let view = staff_view(&app, &admin.token, &billing["id"]).await;
    assert_eq!(view["assignee"]["id"], admin.id.as_str(), "{view}");
    let reason = &view["assignmentReason"];
    // The moderator's skill matched; only the cap turned them down.
    assert!(
        reason["ticketSkills"]
            .as_array()
            .is_some_and(|skills| skills.contains(&json!("billing"))),
        "{view}"
    );
    assert_eq!(reason["rule"], "ADMIN_FALLBACK", "{view}");
    assert_eq!(reason["moderatorsConsidered"], 0, "{view}");
    assert_eq!(reason["openTickets"], 3, "{view}");
}

#[tokio::test]
async fn a_person_assigning_first_wins_over_auto_assignment() {
    let mut config = pipeline_config();
    // No workers: the ticket waits in the queue while staff act.
    config.pipeline.workers = 0;
    let app = TestApp::spawn_with(config).await;
    let chosen = app.user_with_role("mod-chosen", Role::Moderator, &[]).await;
    let expert = app
        .user_with_role("mod-expert", Role::Moderator, &["database"])
        .await;
    let customer = app.sign_up("customer").await;
    let ticket = file(
        &app,
        &customer.token,
        "Postgres reports are slow",
        "Our database reports take minutes since Monday.",
    )
    .await;
    let admin = app.admin().await;
    assign(&app, &admin.token, &ticket, &chosen.id).await;

    // Now let the pipeline run, on a second instance with workers.
    let worker = crate::common::Instance::start(&app.db, pipeline_config()).await;
    eventually("triage and assignment jobs to finish", || async {
        app.count_rows(
            "graphile_worker.jobs WHERE task_identifier IN ('triage_ticket', 'assign_ticket')",
        )
        .await
            == 0
    })
    .await;
    drop(worker);
    let view = staff_view(&app, &admin.token, &ticket["id"]).await;
    assert_eq!(view["assignee"]["id"], chosen.id.as_str(), "{view}");
    assert!(view["assignmentReason"].is_null());
    assert_eq!(
        view["triage"]["provider"], "builtin",
        "triage still ran: {view}"
    );
    assert_ne!(view["assignee"]["id"], expert.id.as_str());
}

#[tokio::test]
async fn triage_raises_a_requester_priority_but_never_lowers_it() {
    let app = TestApp::spawn_with(pipeline_config()).await;
    let admin = app.admin().await;
    let customer = app.sign_up("customer").await;
    let create = "mutation($input: CreateTicketInput!) { createTicket(input: $input) { id } }";
    let outage = app
        .gql(
            Some(&customer.token),
            create,
            json!({ "input": { "title": "Production outage", "description":
                "URGENT!!! The site is down for all users, payments failed everywhere.",
                "priority": "LOW" } }),
        )
        .await["data"]["createTicket"]
        .clone();
    let idle = app
        .gql(
            Some(&customer.token),
            create,
            json!({ "input": { "title": "Small wording idea", "description":
                "No rush at all, just a suggestion for the footer wording.",
                "priority": "HIGH" } }),
        )
        .await["data"]["createTicket"]
        .clone();
    for ticket in [&outage, &idle] {
        eventually("triage", || async {
            staff_view(&app, &admin.token, &ticket["id"]).await["triage"].is_object()
        })
        .await;
    }
    let outage = staff_view(&app, &admin.token, &outage["id"]).await;
    assert_eq!(outage["priority"], "URGENT", "{outage}");
    assert_eq!(outage["prioritySource"], "TRIAGE");
    let idle = staff_view(&app, &admin.token, &idle["id"]).await;
    assert_eq!(idle["priority"], "HIGH", "{idle}");
    assert_eq!(idle["triage"]["suggestedPriority"], "LOW");
    assert_eq!(idle["prioritySource"], "REQUESTER");
}

#[tokio::test]
async fn two_hundred_concurrent_tickets_are_all_triaged_and_spread_by_workload() {
    let mut config = pipeline_config();
    config.pipeline.assign_max_open = 1_000;
    let app = TestApp::spawn_with(config).await;
    let mut moderators = Vec::new();
    for name in ["mod-a", "mod-b", "mod-c", "mod-d"] {
        moderators.push(
            app.user_with_role(name, Role::Moderator, &["billing"])
                .await,
        );
    }
    let customer = app.sign_up("customer").await;
    let filings = (0..200).map(|i| {
        let app = &app;
        let token = customer.token.clone();
        async move {
            file(
                app,
                &token,
                &format!("Invoice question {i}"),
                "I was charged twice for my subscription invoice this month.",
            )
            .await
        }
    });
    let tickets = futures::future::join_all(filings).await;
    assert_eq!(tickets.len(), 200);
    eventually("200 assignments", || async {
        app.count_rows("tickets WHERE assignee_id IS NOT NULL")
            .await
            == 200
    })
    .await;
    assert_eq!(app.count_rows("ticket_triage").await, 200);
    assert_eq!(
        app.count_rows("ticket_events WHERE kind = 'ASSIGNED'")
            .await,
        200
    );
    for moderator in &moderators {
        let held = app
            .count_rows(&format!("tickets WHERE assignee_id = '{}'", moderator.id))
            .await;
        // Equal skills: the workload term keeps everyone within one ticket of a fair share.
        assert!(
            (49..=51).contains(&held),
            "{} holds {held}",
            moderator.email
        );
    }
}

#[tokio::test]
async fn idle_workers_leave_the_database_alone() {
    let app = TestApp::spawn_with(pipeline_config()).await;
    let customer = app.sign_up("customer").await;
    let ticket = file(
        &app,
        &customer.token,
        "Refund",
        "Please refund my last invoice.",
    )
    .await;
    eventually("the ticket's triage", || async {
        app.count_rows(&format!(
            "ticket_triage WHERE ticket_id = '{}'",
            ticket["id"].as_str().unwrap_or_default()
        ))
        .await
            == 1
    })
    .await;

    // A measurement window, not a wait for an outcome: with nothing queued, the workers
    // look for jobs once per poll interval (200 ms), not continuously.
    let window = std::time::Duration::from_secs(4);
    let before = app.db.committed_transactions().await;
    tokio::time::sleep(window).await;
    let during = app.db.committed_transactions().await - before;
    assert!(
        during < 200,
        "{during} transactions in {window:?} with nothing to do"
    );
}
