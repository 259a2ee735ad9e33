use std::collections::BTreeSet;

use deskql::domain::roles::Role;
use serde_json::json;

use crate::common::{CREATE_TICKET, TestApp, error_code};

const GUEST: &str =
    r#"mutation($input: GuestTicketInput!) { submitGuestTicket(input: $input) { id number } }"#;

#[tokio::test]
async fn create_ticket_applies_defaults_and_numbers() {
    let app = TestApp::spawn().await;
    let ann = app.sign_up("ann").await;
    let ticket = app.create_ticket(&ann, "Cannot open dashboard").await;
    assert_eq!(ticket["status"], "TODO");
    assert_eq!(ticket["priority"], "MEDIUM");
    assert_eq!(ticket["category"]["slug"], "general");
    assert_eq!(ticket["version"], 1);
    let year = chrono::Utc::now().format("%Y").to_string();
    assert_eq!(ticket["number"], format!("TKT-{year}-0001"));
    assert_eq!(
        app.count_rows("ticket_events WHERE kind = 'CREATED'").await,
        1
    );
}

#[tokio::test]
async fn create_ticket_validates_each_field() {
    let app = TestApp::spawn().await;
    let ann = app.sign_up("ann").await;
    let valid = json!({ "title": "Valid title", "description": "A long enough description." });
    let cases = [
        ("title", json!("abc")),
        ("title", json!("x".repeat(201))),
        ("description", json!("too short")),
        ("description", json!("x".repeat(5001))),
        ("category", json!("no-such-category")),
        ("pageUrl", json!("javascript:alert(1)")),
    ];
    for (field, value) in cases {
        let mut input = valid.clone();
        input[field] = value;
        let body = app
            .gql(Some(&ann.token), CREATE_TICKET, json!({ "input": input }))
            .await;
        assert_eq!(error_code(&body), "BAD_USER_INPUT", "{field}: {body}");
        assert_eq!(body["errors"][0]["extensions"]["field"], field, "{body}");
    }
    assert_eq!(app.count_rows("tickets").await, 0);
    let anonymous = app
        .gql(None, CREATE_TICKET, json!({ "input": valid }))
        .await;
    assert_eq!(error_code(&anonymous), "UNAUTHENTICATED", "{anonymous}");
}

/// Portal tickets are filed in group-committed batches, guest tickets one by one inside their
/// rate-limit transaction; both draw from the same per-year counter.
#[tokio::test]
async fn concurrent_creation_yields_unique_gap_free_numbers() {
    let app = TestApp::spawn().await;
    let ann = app.sign_up("ann").await;
    let portal = (0..40).map(|i| {
        let (app, ann) = (&app, &ann);
        async move {
            app.create_ticket(ann, &format!("Concurrent ticket {i}"))
                .await["number"]
                .clone()
        }
    });
    let guests = (0..10).map(|i| {
        let app = &app;
        async move {
            let input = json!({ "title": "Guest ticket", "description": "Filed while others file.", "customerEmail": format!("g{i}@example.org") });
            app.gql(None, GUEST, json!({ "input": input })).await["data"]["submitGuestTicket"]["number"].clone()
        }
    });
    let (portal, guests) = futures::future::join(
        futures::future::join_all(portal),
        futures::future::join_all(guests),
    )
    .await;
    let numbers: BTreeSet<u32> = portal
        .iter()
        .chain(&guests)
        .map(|number| {
            let number = number.as_str().expect("number");
            number
                .rsplit('-')
                .next()
                .expect("seq")
                .parse()
                .expect("digits")
        })
        .collect();
    assert_eq!(numbers, (1..=50).collect::<BTreeSet<u32>>());
    assert_eq!(
        app.count_rows("ticket_events WHERE kind = 'CREATED'").await,
        50
    );
}

#[tokio::test]
async fn guest_intake_returns_only_a_receipt_and_is_limited_per_email() {
    let app = TestApp::spawn().await;
    let input = json!({
        "title": "Printer on fire",
        "description": "The office printer is emitting smoke.",
        "customerEmail": "visitor@example.org",
    });
    let submissions = (0..20).map(|_| app.gql(None, GUEST, json!({ "input": input.clone() })));
    let results = futures::future::join_all(submissions).await;
    let accepted = results
        .iter()
        .filter(|b| b["data"]["submitGuestTicket"]["number"].is_string())
        .count();
    let limited: Vec<_> = results
        .iter()
        .filter(|b| error_code(b) == "RATE_LIMITED")
        .collect();
    assert_eq!(accepted, 5);
    assert_eq!(limited.len(), 15);
    assert!(
        limited[0]["errors"][0]["extensions"]["retryAfter"]
            .as_i64()
            .unwrap_or(0)
            > 0
    );
    assert_eq!(app.count_rows("tickets WHERE source = 'GUEST'").await, 5);
    assert_eq!(
        app.count_rows("tickets WHERE requester_name = 'Guest'")
            .await,
        5
    );

    let bad = app
        .gql(None, GUEST, json!({ "input": { "title": "Hello there", "description": "Some description", "customerEmail": "nope" } }))
        .await;
    assert_eq!(error_code(&bad), "BAD_USER_INPUT");
    assert_eq!(bad["errors"][0]["extensions"]["field"], "customerEmail");
}

#[tokio::test]
async fn guest_intake_is_limited_per_ip() {
    let app = TestApp::spawn().await;
    for i in 0..20 {
        let body = app
            .gql(None, GUEST, json!({ "input": { "title": "Guest question", "description": "A question from a guest.", "customerEmail": format!("g{i}@example.org") } }))
            .await;
        assert!(body["data"]["submitGuestTicket"].is_object(), "{body}");
    }
    let body = app
        .gql(None, GUEST, json!({ "input": { "title": "Guest question", "description": "A question from a guest.", "customerEmail": "late@example.org" } }))
        .await;
    assert_eq!(error_code(&body), "RATE_LIMITED", "{body}");
}

#[tokio::test]
async fn on_behalf_tickets_link_existing_customers() {
    let app = TestApp::spawn().await;
    let customer = app.sign_up("cora").await;
    let agent = app.user_with_role("mia", Role::Moderator, &[]).await;
    let query = r#"mutation($input: CreateTicketOnBehalfInput!) {
        createTicketOnBehalf(input: $input) { source requester { name email user { id } } createdBy { id } }
    }"#;
    let body = app
        .gql(Some(&agent.token), query, json!({ "input": { "customerEmail": "Cora@Example.com", "title": "Phone call", "description": "Customer called about an invoice.", "source": "EMAIL" } }))
        .await;
    let ticket = &body["data"]["createTicketOnBehalf"];
    assert_eq!(ticket["source"], "EMAIL", "{body}");
    assert_eq!(ticket["requester"]["user"]["id"], customer.id.as_str());
    assert_eq!(ticket["createdBy"]["id"], agent.id.as_str());

    let mine = app
        .gql(
            Some(&customer.token),
            "{ tickets { totalCount } }",
            json!({}),
        )
        .await;
    assert_eq!(mine["data"]["tickets"]["totalCount"], 1, "{mine}");
}

#[tokio::test]
async fn stale_expected_version_is_a_conflict() {
    let app = TestApp::spawn().await;
    let ann = app.sign_up("ann").await;
    let agent = app.user_with_role("mia", Role::Moderator, &[]).await;
    let ticket = app.create_ticket(&ann, "Version check").await;
    let update = "mutation($id: ID!, $input: UpdateTicketInput!) { updateTicket(id: $id, input: $input) { version priority } }";
    let first = app
        .gql(
            Some(&agent.token),
            update,
            json!({ "id": ticket["id"], "input": { "priority": "HIGH", "expectedVersion": 1 } }),
        )
        .await;
    assert_eq!(first["data"]["updateTicket"]["version"], 2, "{first}");
    let stale = app
        .gql(
            Some(&agent.token),
            update,
            json!({ "id": ticket["id"], "input": { "priority": "LOW", "expectedVersion": 1 } }),
        )
        .await;
    assert_eq!(error_code(&stale), "CONFLICT", "{stale}");
    assert_eq!(app.count_rows("tickets WHERE priority = 'HIGH'").await, 1);
}

#[tokio::test]
async fn list_filters_orders_and_paginates() {
    let app = TestApp::spawn().await;
    let ann = app.sign_up("ann").await;
    let agent = app.user_with_role("mia", Role::Moderator, &[]).await;
    for i in 0..7 {
        app.create_ticket(&ann, &format!("Listed ticket {i}")).await;
    }
    let page = r#"query($after: String, $filter: TicketFilterInput) {
        tickets(first: 3, after: $after, filter: $filter) {
            totalCount pageInfo { hasNextPage endCursor } edges { node { title } }
        }
    }"#;
    let mut titles = Vec::new();
    let mut after = serde_json::Value::Null;
    loop {
        let body = app
            .gql(Some(&agent.token), page, json!({ "after": after }))
            .await;
        let tickets = &body["data"]["tickets"];
        assert_eq!(tickets["totalCount"], 7, "{body}");
        for edge in tickets["edges"].as_array().expect("edges") {
            titles.push(edge["node"]["title"].as_str().expect("title").to_owned());
        }
        if tickets["pageInfo"]["hasNextPage"] != true {
            break;
        }
        after = tickets["pageInfo"]["endCursor"].clone();
    }
    let expected: Vec<String> = (0..7).rev().map(|i| format!("Listed ticket {i}")).collect();
    assert_eq!(titles, expected);

    let filtered = app
        .gql(
            Some(&agent.token),
            page,
            json!({ "filter": { "text": "ticket 3", "unassigned": true, "status": ["TODO"] } }),
        )
        .await;
    assert_eq!(filtered["data"]["tickets"]["totalCount"], 1, "{filtered}");

    let too_many = app
        .gql(
            Some(&agent.token),
            "{ tickets(first: 101) { totalCount } }",
            json!({}),
        )
        .await;
    assert_eq!(error_code(&too_many), "BAD_USER_INPUT", "{too_many}");

    let last = app
        .gql(
            Some(&agent.token),
            "{ tickets(last: 2) { pageInfo { hasPreviousPage } edges { node { title } } } }",
            json!({}),
        )
        .await;
    assert_eq!(
        last["data"]["tickets"]["edges"][1]["node"]["title"], "Listed ticket 0",
        "{last}"
    );
    assert_eq!(last["data"]["tickets"]["pageInfo"]["hasPreviousPage"], true);
}

#[tokio::test]
async fn deleted_tickets_are_hidden_until_restored() {
    let app = TestApp::spawn().await;
    let ann = app.sign_up("ann").await;
    let agent = app.user_with_role("mia", Role::Moderator, &[]).await;
    let admin = app.admin().await;
    let ticket = app.create_ticket(&ann, "Trash me").await;
    let id = ticket["id"].clone();
    let deleted = app
        .gql(
            Some(&agent.token),
            "mutation($id: ID!) { deleteTicket(id: $id) }",
            json!({ "id": id }),
        )
        .await;
    assert_eq!(deleted["data"]["deleteTicket"], true, "{deleted}");
    for token in [&ann.token, &agent.token, &admin.token] {
        let body = app
            .gql(
                Some(token),
                "query($id: ID!) { ticket(id: $id) { id } }",
                json!({ "id": id }),
            )
            .await;
        assert_eq!(error_code(&body), "NOT_FOUND", "{body}");
        let list = app
            .gql(Some(token), "{ tickets { totalCount } }", json!({}))
            .await;
        assert_eq!(list["data"]["tickets"]["totalCount"], 0);
    }
    let forbidden = app
        .gql(
            Some(&agent.token),
            "mutation($id: ID!) { restoreTicket(id: $id) { id } }",
            json!({ "id": id }),
        )
        .await;
    assert_eq!(error_code(&forbidden), "FORBIDDEN");
    // Admins find it in the trash, with who trashed it; nobody else reads the trash.
    let trash = "query($first: Int) { deletedTickets(first: $first) { totalCount tickets { ticket { number } deletedAt deletedBy { id } } } }";
    let listed = app.gql(Some(&admin.token), trash, json!({})).await;
    let page = &listed["data"]["deletedTickets"];
    assert_eq!(page["totalCount"], 1, "{listed}");
    assert_eq!(
        page["tickets"][0]["ticket"]["number"], ticket["number"],
        "{listed}"
    );
    assert_eq!(
        page["tickets"][0]["deletedBy"]["id"],
        agent.id.as_str(),
        "{listed}"
    );
    assert!(page["tickets"][0]["deletedAt"].is_string(), "{listed}");
    let moderator = app.gql(Some(&agent.token), trash, json!({})).await;
    assert_eq!(error_code(&moderator), "FORBIDDEN", "{moderator}");
    let too_many = app
        .gql(Some(&admin.token), trash, json!({ "first": 101 }))
        .await;
    assert_eq!(error_code(&too_many), "BAD_USER_INPUT", "{too_many}");
    let restored = app
        .gql(
            Some(&admin.token),
            "mutation($id: ID!) { restoreTicket(id: $id) { number } }",
            json!({ "id": id }),
        )
        .await;
    assert_eq!(
        restored["data"]["restoreTicket"]["number"], ticket["number"],
        "{restored}"
    );
    let kinds = app
        .count_rows("ticket_events WHERE kind IN ('DELETED', 'RESTORED')")
        .await;
    assert_eq!(kinds, 2);
    let emptied = app.gql(Some(&admin.token), trash, json!({})).await;
    assert_eq!(
        emptied["data"]["deletedTickets"]["totalCount"], 0,
        "{emptied}"
    );
}

#[tokio::test]
async fn assignment_requires_an_active_staff_member() {
    let app = TestApp::spawn().await;
    let ann = app.sign_up("ann").await;
    let agent = app.user_with_role("mia", Role::Moderator, &[]).await;
    let ticket = app.create_ticket(&ann, "Assign me").await;
    let assign = "mutation($id: ID!, $to: ID) { assignTicket(id: $id, input: { assigneeId: $to }) { assignee { id } version } }";
    let to_user = app
        .gql(
            Some(&agent.token),
            assign,
            json!({ "id": ticket["id"], "to": ann.id }),
        )
        .await;
    assert_eq!(error_code(&to_user), "BAD_USER_INPUT", "{to_user}");
    assert_eq!(to_user["errors"][0]["extensions"]["field"], "assigneeId");
    let ok = app
        .gql(
            Some(&agent.token),
            assign,
            json!({ "id": ticket["id"], "to": agent.id }),
        )
        .await;
    assert_eq!(
        ok["data"]["assignTicket"]["assignee"]["id"],
        agent.id.as_str(),
        "{ok}"
    );
    let unassigned = app
        .gql(
            Some(&agent.token),
            assign,
            json!({ "id": ticket["id"], "to": null }),
        )
        .await;
    assert!(
        unassigned["data"]["assignTicket"]["assignee"].is_null(),
        "{unassigned}"
    );
    assert_eq!(
        app.count_rows("ticket_events WHERE kind IN ('ASSIGNED', 'UNASSIGNED')")
            .await,
        2
    );
}

#[tokio::test]
async fn maintenance_purges_the_trash_after_retention() {
    let mut config = crate::common::test_config();
    config.trash_retention_days = 0;
    let app = TestApp::spawn_with(config).await;
    let ann = app.sign_up("ann").await;
    let agent = app.user_with_role("mia", Role::Moderator, &[]).await;
    let kept = app.create_ticket(&ann, "Still open").await;
    let trashed = app.create_ticket(&ann, "Going away").await;
    let deleted = app
        .gql(
            Some(&agent.token),
            "mutation($id: ID!) { deleteTicket(id: $id) }",
            json!({ "id": trashed["id"] }),
        )
        .await;
    assert_eq!(deleted["data"]["deleteTicket"], true, "{deleted}");
    let purged = deskql::services::maintenance::run_once(&app.state)
        .await
        .expect("purge");
    assert_eq!(purged.tickets, 1);
    assert_eq!(app.count_rows("tickets").await, 1);
    let id = kept["id"].as_str().expect("id");
    assert_eq!(
        app.count_rows(&format!("tickets WHERE id = '{id}'")).await,
        1
    );
}
