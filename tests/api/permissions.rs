//! The roles matrix, operation by operation, and IDOR probes.

use deskql::domain::roles::Role;
use serde_json::{Value, json};

use crate::common::{TestApp, TestUser, error_code};

struct Actors {
    owner: TestUser,
    other: TestUser,
    moderator: TestUser,
    admin: TestUser,
}

async fn actors(app: &TestApp) -> Actors {
    Actors {
        owner: app.sign_up("owner").await,
        other: app.sign_up("other").await,
        moderator: app
            .user_with_role("moderator", Role::Moderator, &["billing"])
            .await,
        admin: app.admin().await,
    }
}

/// Outcome of an operation for a caller: allowed, or the error code.
fn outcome(body: &Value, field: &str) -> String {
    if body["data"][field].is_null() || !body["errors"].is_null() {
        error_code(body).to_owned()
    } else {
        "OK".to_owned()
    }
}

#[tokio::test]
async fn roles_matrix() {
    let app = TestApp::spawn().await;
    let a = actors(&app).await;
    let ticket = app.create_ticket(&a.owner, "Matrix ticket").await;
    let id = ticket["id"].clone();
    // (operation, field, variables, [anonymous, owner, other user, moderator, admin])
    let cases: Vec<(&str, &str, Value, [&str; 5])> = vec![
        (
            "query($id: ID!) { ticket(id: $id) { id } }",
            "ticket",
            json!({ "id": id }),
            ["UNAUTHENTICATED", "OK", "NOT_FOUND", "OK", "OK"],
        ),
        (
            "{ tickets { totalCount } }",
            "tickets",
            json!({}),
            ["UNAUTHENTICATED", "OK", "OK", "OK", "OK"],
        ),
        (
            "{ users { totalCount } }",
            "users",
            json!({}),
            [
                "UNAUTHENTICATED",
                "FORBIDDEN",
                "FORBIDDEN",
                "FORBIDDEN",
                "OK",
            ],
        ),
        (
            "mutation($id: ID!) { updateTicket(id: $id, input: { priority: HIGH }) { id } }",
            "updateTicket",
            json!({ "id": id }),
            ["UNAUTHENTICATED", "FORBIDDEN", "FORBIDDEN", "OK", "OK"],
        ),
        (
            "mutation($id: ID!) { assignTicket(id: $id, input: { assigneeId: null }) { id } }",
            "assignTicket",
            json!({ "id": id }),
            ["UNAUTHENTICATED", "FORBIDDEN", "FORBIDDEN", "OK", "OK"],
        ),
        (
            "mutation { createTicketOnBehalf(input: { customerEmail: \"c@example.com\", title: \"On behalf\", description: \"Called in by phone.\" }) { id } }",
            "createTicketOnBehalf",
            json!({}),
            ["UNAUTHENTICATED", "FORBIDDEN", "FORBIDDEN", "OK", "OK"],
        ),
        (
            "mutation { createCategory(input: { slug: \"hardware\", name: \"Hardware\" }) { id } }",
            "createCategory",
            json!({}),
            [
                "UNAUTHENTICATED",
                "FORBIDDEN",
                "FORBIDDEN",
                "FORBIDDEN",
                "OK",
            ],
        ),
        (
            "query($id: ID!) { ticket(id: $id) { helpfulNotes } }",
            "ticket",
            json!({ "id": id }),
            ["UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "OK", "OK"],
        ),
    ];
    let callers = [
        None,
        Some(&a.owner),
        Some(&a.other),
        Some(&a.moderator),
        Some(&a.admin),
    ];
    for (query, field, variables, expected) in cases {
        for (caller, want) in callers.iter().zip(expected) {
            let body = app
                .gql(caller.map(|c| c.token.as_str()), query, variables.clone())
                .await;
            assert_eq!(
                outcome(&body, field),
                want,
                "{query} as {:?}: {body}",
                caller.map(|c| &c.email)
            );
        }
    }
    // Deletion last: it hides the ticket.
    let delete = "mutation($id: ID!) { deleteTicket(id: $id) }";
    for (caller, want) in [
        (&a.owner, "FORBIDDEN"),
        (&a.other, "FORBIDDEN"),
        (&a.moderator, "OK"),
    ] {
        let body = app
            .gql(Some(&caller.token), delete, json!({ "id": id }))
            .await;
        assert_eq!(outcome(&body, "deleteTicket"), want, "{body}");
    }
}

#[tokio::test]
async fn foreign_and_missing_tickets_look_the_same() {
    let app = TestApp::spawn().await;
    let a = actors(&app).await;
    let ticket = app.create_ticket(&a.owner, "Private ticket").await;
    let probe = "query($id: ID!) { ticket(id: $id) { id } }";
    let foreign = app
        .gql(Some(&a.other.token), probe, json!({ "id": ticket["id"] }))
        .await;
    let missing = app
        .gql(
            Some(&a.other.token),
            probe,
            json!({ "id": uuid::Uuid::now_v7().to_string() }),
        )
        .await;
    assert_eq!(error_code(&foreign), "NOT_FOUND");
    assert_eq!(
        foreign["errors"][0]["message"],
        missing["errors"][0]["message"]
    );
    let by_number = app
        .gql(
            Some(&a.other.token),
            "query($n: String!) { ticketByNumber(number: $n) { id } }",
            json!({ "n": ticket["number"] }),
        )
        .await;
    assert_eq!(error_code(&by_number), "NOT_FOUND");
    let list = app
        .gql(
            Some(&a.other.token),
            "{ tickets { totalCount } }",
            json!({}),
        )
        .await;
    assert_eq!(list["data"]["tickets"]["totalCount"], 0);
    let listed_by_requester = app
        .gql(
            Some(&a.other.token),
            "query($r: ID!) { tickets(filter: { requesterId: $r }) { totalCount } }",
            json!({ "r": a.owner.id }),
        )
        .await;
    assert_eq!(listed_by_requester["data"]["tickets"]["totalCount"], 0);
}

#[tokio::test]
async fn other_users_emails_are_staff_only() {
    let app = TestApp::spawn().await;
    let a = actors(&app).await;
    let ticket = app.create_ticket(&a.owner, "Whose email").await;
    let assign =
        "mutation($id: ID!, $to: ID) { assignTicket(id: $id, input: { assigneeId: $to }) { id } }";
    app.gql(
        Some(&a.moderator.token),
        assign,
        json!({ "id": ticket["id"], "to": a.moderator.id }),
    )
    .await;
    let query =
        "query($id: ID!) { ticket(id: $id) { assignee { name email } requester { email } } }";
    let as_owner = app
        .gql(Some(&a.owner.token), query, json!({ "id": ticket["id"] }))
        .await;
    assert_eq!(
        as_owner["data"]["ticket"]["assignee"]["name"], "moderator",
        "{as_owner}"
    );
    assert_eq!(error_code(&as_owner), "FORBIDDEN");
    assert_eq!(
        as_owner["errors"][0]["path"],
        json!(["ticket", "assignee", "email"])
    );
    let as_staff = app
        .gql(Some(&a.admin.token), query, json!({ "id": ticket["id"] }))
        .await;
    assert_eq!(
        as_staff["data"]["ticket"]["assignee"]["email"],
        a.moderator.email.as_str(),
        "{as_staff}"
    );
}
