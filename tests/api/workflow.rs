use deskql::domain::roles::Role;
use deskql::domain::ticket::TicketStatus;
use deskql::domain::workflow::allowed_transitions;
use serde_json::{Value, json};

use crate::common::{TestApp, TestUser, error_code};

const UPDATE: &str = r#"mutation($id: ID!, $input: UpdateTicketInput!) {
    updateTicket(id: $id, input: $input) { status resolvedAt closedAt }
}"#;

/// A path from TODO to `status` through allowed transitions.
fn path_to(status: TicketStatus) -> Vec<TicketStatus> {
    use TicketStatus::*;
    match status {
        Todo => vec![],
        Resolved => vec![Resolved],
        Closed => vec![Resolved, Closed],
        other => vec![other],
    }
}

async fn ticket_in(
    app: &TestApp,
    owner: &TestUser,
    agent: &TestUser,
    status: TicketStatus,
) -> Value {
    let ticket = app
        .create_ticket(owner, &format!("Ticket in {status}"))
        .await;
    for step in path_to(status) {
        let body = app
            .gql(
                Some(&agent.token),
                UPDATE,
                json!({ "id": ticket["id"], "input": { "status": step.to_string() } }),
            )
            .await;
        assert_eq!(
            body["data"]["updateTicket"]["status"],
            step.to_string(),
            "{body}"
        );
    }
    ticket
}

const ALL: [TicketStatus; 7] = [
    TicketStatus::Todo,
    TicketStatus::InProgress,
    TicketStatus::WaitingForCustomer,
    TicketStatus::OnHold,
    TicketStatus::Resolved,
    TicketStatus::Closed,
    TicketStatus::Cancelled,
];

#[tokio::test]
async fn every_allowed_transition_succeeds_and_others_are_refused() {
    let app = TestApp::spawn().await;
    let owner = app.sign_up("owner").await;
    let agent = app.user_with_role("agent", Role::Moderator, &[]).await;
    for from in ALL {
        for to in ALL.into_iter().filter(|to| *to != from) {
            let ticket = ticket_in(&app, &owner, &agent, from).await;
            let body = app
                .gql(
                    Some(&agent.token),
                    UPDATE,
                    json!({ "id": ticket["id"], "input": { "status": to.to_string() } }),
                )
                .await;
            if allowed_transitions(from).contains(&to) {
                assert_eq!(
                    body["data"]["updateTicket"]["status"],
                    to.to_string(),
                    "{from}->{to}: {body}"
                );
            } else {
                assert_eq!(
                    error_code(&body),
                    "INVALID_TRANSITION",
                    "{from}->{to}: {body}"
                );
                let extensions = &body["errors"][0]["extensions"];
                assert_eq!(extensions["from"], from.to_string());
                assert_eq!(extensions["to"], to.to_string());
                let allowed: Vec<String> = allowed_transitions(from)
                    .iter()
                    .map(ToString::to_string)
                    .collect();
                assert_eq!(extensions["allowed"], json!(allowed));
            }
        }
    }
}

#[tokio::test]
async fn resolution_timestamps_follow_the_status() {
    let app = TestApp::spawn().await;
    let owner = app.sign_up("owner").await;
    let agent = app.user_with_role("agent", Role::Moderator, &[]).await;
    let ticket = app.create_ticket(&owner, "Timestamps").await;
    let set = |status: &str| json!({ "id": ticket["id"], "input": { "status": status } });
    let resolved = app.gql(Some(&agent.token), UPDATE, set("RESOLVED")).await;
    assert!(
        resolved["data"]["updateTicket"]["resolvedAt"].is_string(),
        "{resolved}"
    );
    let reopened = app
        .gql(Some(&agent.token), UPDATE, set("IN_PROGRESS"))
        .await;
    assert!(
        reopened["data"]["updateTicket"]["resolvedAt"].is_null(),
        "{reopened}"
    );
    app.gql(Some(&agent.token), UPDATE, set("RESOLVED")).await;
    let closed = app.gql(Some(&agent.token), UPDATE, set("CLOSED")).await;
    assert!(
        closed["data"]["updateTicket"]["closedAt"].is_string(),
        "{closed}"
    );
    assert!(
        closed["data"]["updateTicket"]["resolvedAt"].is_string(),
        "{closed}"
    );
    let history = app
        .gql(Some(&agent.token), "query($id: ID!) { ticket(id: $id) { history { kind fromStatus toStatus actor { email } } } }", json!({ "id": ticket["id"] }))
        .await;
    let kinds: Vec<&str> = history["data"]["ticket"]["history"]
        .as_array()
        .expect("history")
        .iter()
        .map(|e| e["kind"].as_str().expect("kind"))
        .collect();
    assert_eq!(
        kinds,
        [
            "CREATED",
            "STATUS_CHANGED",
            "STATUS_CHANGED",
            "STATUS_CHANGED",
            "STATUS_CHANGED"
        ]
    );
    assert_eq!(
        history["data"]["ticket"]["history"][4]["toStatus"],
        "CLOSED"
    );
    assert_eq!(
        history["data"]["ticket"]["history"][4]["actor"]["email"],
        agent.email.as_str()
    );
}
