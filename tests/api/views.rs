//! Saved views: personal and shared named filters, their tickets as a connection, and their
//! counts in one statement.

use deskql::domain::roles::Role;
use futures::future::join_all;
use serde_json::{Value, json};

use crate::common::{TestApp, error_code};

const CREATE: &str = "mutation($input: CreateViewInput!) { createView(input: $input) { id name filter orderField orderDirection shared owner { id } } }";
const UPDATE: &str = "mutation($id: ID!, $input: UpdateViewInput!) { updateView(id: $id, input: $input) { id name shared filter } }";
const DELETE: &str = "mutation($id: ID!) { deleteView(id: $id) }";
const VIEWS: &str = "{ views { name shared } }";
const COUNTS: &str = "{ viewCounts { view { name } count } }";
const IN_VIEW: &str = "query($id: ID!, $after: String) { ticketsInView(id: $id, first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { title priority } } } }";

async fn create(app: &TestApp, token: &str, input: Value) -> Value {
    app.gql(Some(token), CREATE, json!({ "input": input }))
        .await
}

fn counts(body: &Value) -> Vec<(String, i64)> {
    body["data"]["viewCounts"]
        .as_array()
        .map(|rows| {
            rows.iter()
                .map(|row| {
                    (
                        row["view"]["name"].as_str().unwrap_or_default().to_owned(),
                        row["count"].as_i64().unwrap_or(-1),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test]
async fn views_filter_page_count_and_follow_their_sharing_rules() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    let moderator = app.user_with_role("mod", Role::Moderator, &[]).await;
    let user = app.sign_up("requester").await;
    let other = app.sign_up("other").await;
    for (title, priority) in [
        ("Outage", "URGENT"),
        ("Slow page", "HIGH"),
        ("Typo on the pricing page", "LOW"),
        ("Crash on start", "HIGH"),
    ] {
        let body = app
            .gql(
                Some(&user.token),
                crate::common::CREATE_TICKET,
                json!({ "input": { "title": title, "description": "Details of the problem here.", "priority": priority } }),
            )
            .await;
        assert!(body["errors"].is_null(), "{body}");
    }
    app.create_ticket(&other, "Not mine").await;

    // A moderator's personal view: the filter comes back as it was given.
    let hot = create(
        &app,
        &moderator.token,
        json!({ "name": "Hot", "filter": { "priority": ["URGENT", "HIGH"] },
                "orderBy": { "field": "PRIORITY", "direction": "DESC" } }),
    )
    .await;
    let view = &hot["data"]["createView"];
    assert_eq!(
        view["filter"],
        json!({ "priority": ["URGENT", "HIGH"] }),
        "{hot}"
    );
    assert_eq!(
        (
            view["orderField"].as_str(),
            view["orderDirection"].as_str(),
            view["shared"].as_bool()
        ),
        (Some("PRIORITY"), Some("DESC"), Some(false))
    );
    assert_eq!(view["owner"]["id"], moderator.id.as_str());
    let hot_id = view["id"].clone();

    // Its tickets, paged in its order.
    let page = app
        .gql(Some(&moderator.token), IN_VIEW, json!({ "id": hot_id }))
        .await;
    let connection = &page["data"]["ticketsInView"];
    assert_eq!(connection["totalCount"], 3, "{page}");
    assert_eq!(connection["edges"][0]["node"]["title"], "Outage", "{page}");
    assert_eq!(connection["pageInfo"]["hasNextPage"], true);
    let rest = app
        .gql(
            Some(&moderator.token),
            IN_VIEW,
            json!({ "id": hot_id, "after": connection["pageInfo"]["endCursor"] }),
        )
        .await;
    assert_eq!(
        rest["data"]["ticketsInView"]["edges"]
            .as_array()
            .map(Vec::len),
        Some(1),
        "{rest}"
    );

    // Refusals: a taken name, an unknown category, sharing without being an admin, a
    // requester filtering by staff-only fields.
    let taken = create(&app, &moderator.token, json!({ "name": " hot " })).await;
    assert_eq!(error_code(&taken), "CONFLICT", "{taken}");
    let unknown = create(
        &app,
        &moderator.token,
        json!({ "name": "X", "filter": { "category": "nope" } }),
    )
    .await;
    assert_eq!(error_code(&unknown), "BAD_USER_INPUT", "{unknown}");
    let share = create(
        &app,
        &moderator.token,
        json!({ "name": "Team", "shared": true }),
    )
    .await;
    assert_eq!(error_code(&share), "FORBIDDEN", "{share}");
    let staff_only = create(
        &app,
        &user.token,
        json!({ "name": "Tagged", "filter": { "tagsAny": ["vip"] } }),
    )
    .await;
    assert_eq!(error_code(&staff_only), "BAD_USER_INPUT", "{staff_only}");
    let blank = create(&app, &user.token, json!({ "name": "  " })).await;
    assert_eq!(error_code(&blank), "BAD_USER_INPUT", "{blank}");

    // An admin shares a view with all staff; requesters keep their own.
    let team = create(
        &app,
        &admin.token,
        json!({ "name": "Unassigned", "filter": { "unassigned": true }, "shared": true }),
    )
    .await;
    let team_id = team["data"]["createView"]["id"].clone();
    assert_eq!(team["data"]["createView"]["shared"], true, "{team}");
    let mine = create(&app, &user.token, json!({ "name": "All mine" })).await;
    assert!(mine["errors"].is_null(), "{mine}");

    let listed = app.gql(Some(&moderator.token), VIEWS, json!({})).await;
    assert_eq!(
        listed["data"]["views"],
        json!([{ "name": "Unassigned", "shared": true }, { "name": "Hot", "shared": false }]),
        "{listed}"
    );
    let listed = app.gql(Some(&user.token), VIEWS, json!({})).await;
    assert_eq!(
        listed["data"]["views"],
        json!([{ "name": "All mine", "shared": false }]),
        "{listed}"
    );

    // Counts are what each caller may see: the requester's view holds only their tickets.
    let body = app.gql(Some(&moderator.token), COUNTS, json!({})).await;
    assert_eq!(
        counts(&body),
        [("Unassigned".to_owned(), 5), ("Hot".to_owned(), 3)],
        "{body}"
    );
    let body = app.gql(Some(&user.token), COUNTS, json!({})).await;
    assert_eq!(counts(&body), [("All mine".to_owned(), 4)], "{body}");

    // Others' views: personal ones look missing, shared ones are the admins' to edit.
    let peek = app
        .gql(Some(&user.token), IN_VIEW, json!({ "id": hot_id }))
        .await;
    assert_eq!(error_code(&peek), "NOT_FOUND", "{peek}");
    let edit_shared = app
        .gql(
            Some(&moderator.token),
            UPDATE,
            json!({ "id": team_id, "input": { "name": "Mine now" } }),
        )
        .await;
    assert_eq!(error_code(&edit_shared), "FORBIDDEN", "{edit_shared}");
    let edited = app
        .gql(
            Some(&moderator.token),
            UPDATE,
            json!({ "id": hot_id, "input": { "name": "Urgent only", "filter": { "priority": ["URGENT"] } } }),
        )
        .await;
    assert_eq!(
        edited["data"]["updateView"]["name"], "Urgent only",
        "{edited}"
    );
    let body = app.gql(Some(&moderator.token), COUNTS, json!({})).await;
    assert_eq!(
        counts(&body),
        [("Unassigned".to_owned(), 5), ("Urgent only".to_owned(), 1)],
        "{body}"
    );

    let deleted = app
        .gql(Some(&admin.token), DELETE, json!({ "id": team_id }))
        .await;
    assert_eq!(deleted["data"]["deleteView"], true, "{deleted}");
    assert_eq!(app.count_rows("saved_views WHERE shared").await, 0);
}

#[tokio::test]
async fn view_counts_take_one_statement_however_many_views() {
    let app = TestApp::spawn().await;
    let moderator = app.user_with_role("mod", Role::Moderator, &[]).await;
    let user = app.sign_up("requester").await;
    app.create_ticket(&user, "Something").await;
    let mut statements = Vec::new();
    for views in [2, 8] {
        let existing = app.count_rows("saved_views").await;
        for n in existing..views {
            let body = create(
                &app,
                &moderator.token,
                json!({ "name": format!("View {n}"), "filter": { "status": ["TODO"] } }),
            )
            .await;
            assert!(body["errors"].is_null(), "{body}");
        }
        // Warm the session cache so only the counting is measured.
        app.gql(Some(&moderator.token), "{ me { id } }", json!({}))
            .await;
        let before = app.state.statements.total();
        let body = app.gql(Some(&moderator.token), COUNTS, json!({})).await;
        let after = app.state.statements.total();
        assert_eq!(counts(&body).len(), views as usize, "{body}");
        assert!(counts(&body).iter().all(|(_, count)| *count == 1), "{body}");
        statements.push(after - before);
    }
    assert_eq!(
        statements[0], statements[1],
        "statements grew with the views: {statements:?}"
    );
}

#[tokio::test]
async fn the_per_user_view_limit_holds_under_concurrent_creates() {
    let app = TestApp::spawn().await;
    let user = app.sign_up("requester").await;
    let creates = (0..60).map(|n| {
        let app = &app;
        let token = user.token.clone();
        async move { create(app, &token, json!({ "name": format!("View {n}") })).await }
    });
    let bodies = join_all(creates).await;
    let accepted = bodies.iter().filter(|b| b["errors"].is_null()).count();
    let refused = bodies
        .iter()
        .filter(|b| error_code(b) == "BAD_USER_INPUT")
        .count();
    assert_eq!((accepted, refused), (50, 10));
    assert_eq!(app.count_rows("saved_views").await, 50);
}
