//! Tags: staff tag tickets with normalised slugs, filter by them, and admins curate the
//! vocabulary; requesters never see them.

use futures::future::join_all;
use serde_json::{Value, json};

use crate::common::{TestApp, error_code};

const ADD: &str = "mutation($id: ID!, $tags: [String!]!) { addTicketTags(ticketId: $id, tags: $tags) { id tags version } }";
const REMOVE: &str = "mutation($id: ID!, $tags: [String!]!) { removeTicketTags(ticketId: $id, tags: $tags) { id tags } }";
const TAGS: &str = "{ tags { name openTickets tickets } }";
const FILTER: &str = "query($f: TicketFilterInput) { tickets(first: 50, filter: $f) { totalCount edges { node { title } } } }";

fn titles(body: &Value) -> Vec<String> {
    let mut titles: Vec<String> = body["data"]["tickets"]["edges"]
        .as_array()
        .map(|edges| {
            edges
                .iter()
                .filter_map(|e| e["node"]["title"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    titles.sort();
    titles
}

#[tokio::test]
async fn staff_tag_filter_and_curate_tickets_requesters_never_see_tags() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    let user = app.sign_up("requester").await;
    let a = app.create_ticket(&user, "Invoice twice").await;
    let b = app.create_ticket(&user, "Refund please").await;
    let c = app.create_ticket(&user, "Dark mode").await;

    // Tags become slugs, are kept once, and come back alphabetical.
    let tagged = app
        .gql(
            Some(&admin.token),
            ADD,
            json!({ "id": a["id"], "tags": ["VIP", "Billing Issue", "vip"] }),
        )
        .await;
    assert_eq!(
        tagged["data"]["addTicketTags"]["tags"],
        json!(["billing-issue", "vip"]),
        "{tagged}"
    );
    app.gql(
        Some(&admin.token),
        ADD,
        json!({ "id": b["id"], "tags": ["billing_issue"] }),
    )
    .await;
    app.gql(
        Some(&admin.token),
        ADD,
        json!({ "id": c["id"], "tags": ["vip", "ui"] }),
    )
    .await;
    // Adding a tag the ticket has changes nothing and records nothing.
    let again = app
        .gql(
            Some(&admin.token),
            ADD,
            json!({ "id": a["id"], "tags": ["VIP"] }),
        )
        .await;
    assert_eq!(
        again["data"]["addTicketTags"]["version"], tagged["data"]["addTicketTags"]["version"],
        "{again}"
    );
    assert_eq!(
        app.count_rows("ticket_events WHERE kind = 'TAGGED' AND internal")
            .await,
        3
    );
    assert_eq!(
        app.count_rows(&format!(
            "ticket_events WHERE kind = 'TAGGED' AND ticket_id = '{}' \
             AND from_value = '' AND to_value = 'billing-issue,vip'",
            a["id"].as_str().unwrap_or_default()
        ))
        .await,
        1
    );

    // Bad input and the wrong people are refused.
    let blank = app
        .gql(
            Some(&admin.token),
            ADD,
            json!({ "id": a["id"], "tags": [" -- "] }),
        )
        .await;
    assert_eq!(error_code(&blank), "BAD_USER_INPUT", "{blank}");
    let by_user = app
        .gql(
            Some(&user.token),
            ADD,
            json!({ "id": a["id"], "tags": ["mine"] }),
        )
        .await;
    assert_eq!(error_code(&by_user), "FORBIDDEN", "{by_user}");
    let peek = app
        .gql(
            Some(&user.token),
            "query($id: ID!) { ticket(id: $id) { tags } }",
            json!({ "id": a["id"] }),
        )
        .await;
    assert_eq!(error_code(&peek), "FORBIDDEN", "{peek}");
    let user_filter = app
        .gql(
            Some(&user.token),
            FILTER,
            json!({ "f": { "tagsAny": ["vip"] } }),
        )
        .await;
    assert_eq!(error_code(&user_filter), "BAD_USER_INPUT", "{user_filter}");

    // Filters: any of, all of (normalised like the tags).
    let any = app
        .gql(
            Some(&admin.token),
            FILTER,
            json!({ "f": { "tagsAny": ["Billing Issue", "ui"] } }),
        )
        .await;
    assert_eq!(
        titles(&any),
        ["Dark mode", "Invoice twice", "Refund please"],
        "{any}"
    );
    let all = app
        .gql(
            Some(&admin.token),
            FILTER,
            json!({ "f": { "tagsAll": ["vip", "billing-issue"] } }),
        )
        .await;
    assert_eq!(titles(&all), ["Invoice twice"], "{all}");
    assert_eq!(all["data"]["tickets"]["totalCount"], 1);
    let searched = app
        .gql(
            Some(&admin.token),
            r#"{ searchTickets(query: "broken", filter: { tagsAny: ["ui"] }) { totalCount edges { node { title } } } }"#,
            json!({}),
        )
        .await;
    assert_eq!(
        searched["data"]["searchTickets"]["edges"][0]["node"]["title"], "Dark mode",
        "{searched}"
    );
    assert_eq!(
        searched["data"]["searchTickets"]["totalCount"], 1,
        "{searched}"
    );

    // Counts: open tickets and all live tickets per tag.
    let resolved = app
        .gql(
            Some(&admin.token),
            "mutation($id: ID!) { updateTicket(id: $id, input: { status: RESOLVED }) { status } }",
            json!({ "id": b["id"] }),
        )
        .await;
    assert_eq!(
        resolved["data"]["updateTicket"]["status"], "RESOLVED",
        "{resolved}"
    );
    let counts = app.gql(Some(&admin.token), TAGS, json!({})).await;
    assert_eq!(
        counts["data"]["tags"],
        json!([
            { "name": "vip", "openTickets": 2, "tickets": 2 },
            { "name": "billing-issue", "openTickets": 1, "tickets": 2 },
            { "name": "ui", "openTickets": 1, "tickets": 1 },
        ]),
        "{counts}"
    );

    // Removing.
    let removed = app
        .gql(
            Some(&admin.token),
            REMOVE,
            json!({ "id": c["id"], "tags": ["UI", "unknown"] }),
        )
        .await;
    assert_eq!(
        removed["data"]["removeTicketTags"]["tags"],
        json!(["vip"]),
        "{removed}"
    );

    // Admins rename and merge; a rename onto a tag in use is a conflict.
    let moderator_rename = app
        .gql(
            Some(
                &app.user_with_role("mod", deskql::domain::roles::Role::Moderator, &[])
                    .await
                    .token,
            ),
            "mutation { renameTag(from: \"vip\", to: \"key-account\") { name } }",
            json!({}),
        )
        .await;
    assert_eq!(
        error_code(&moderator_rename),
        "FORBIDDEN",
        "{moderator_rename}"
    );
    let clash = app
        .gql(
            Some(&admin.token),
            "mutation { renameTag(from: \"vip\", to: \"Billing Issue\") { name } }",
            json!({}),
        )
        .await;
    assert_eq!(error_code(&clash), "CONFLICT", "{clash}");
    let missing = app
        .gql(
            Some(&admin.token),
            "mutation { renameTag(from: \"nope\", to: \"other\") { name } }",
            json!({}),
        )
        .await;
    assert_eq!(error_code(&missing), "NOT_FOUND", "{missing}");
    let renamed = app
        .gql(
            Some(&admin.token),
            "mutation { renameTag(from: \"VIP\", to: \"Key Account\") { name openTickets tickets } }",
            json!({}),
        )
        .await;
    assert_eq!(
        renamed["data"]["renameTag"],
        json!({ "name": "key-account", "openTickets": 2, "tickets": 2 }),
        "{renamed}"
    );
    let merged = app
        .gql(
            Some(&admin.token),
            "mutation { mergeTags(source: \"key-account\", target: \"billing-issue\") { name openTickets tickets } }",
            json!({}),
        )
        .await;
    assert_eq!(
        merged["data"]["mergeTags"],
        json!({ "name": "billing-issue", "openTickets": 2, "tickets": 3 }),
        "{merged}"
    );
    assert_eq!(
        app.count_rows(&format!(
            "ticket_tags WHERE ticket_id = '{}'",
            a["id"].as_str().unwrap_or_default()
        ))
        .await,
        1,
        "a ticket that had both keeps one"
    );
    assert_eq!(
        app.count_rows("audit_log WHERE action IN ('tags.rename', 'tags.merge')")
            .await,
        2
    );
}

#[tokio::test]
async fn the_per_ticket_tag_limit_holds_under_concurrent_adds() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    let user = app.sign_up("requester").await;
    let ticket = app.create_ticket(&user, "Many labels").await;
    let adds = (0..30).map(|n| {
        let app = &app;
        let token = admin.token.clone();
        let id = ticket["id"].clone();
        async move {
            app.gql(
                Some(&token),
                ADD,
                json!({ "id": id, "tags": [format!("tag-{n}")] }),
            )
            .await
        }
    });
    let bodies = join_all(adds).await;
    let accepted = bodies.iter().filter(|b| b["errors"].is_null()).count();
    let refused = bodies
        .iter()
        .filter(|b| error_code(b) == "BAD_USER_INPUT")
        .count();
    assert_eq!((accepted, refused), (20, 10), "{bodies:?}");
    assert_eq!(
        app.count_rows(&format!(
            "ticket_tags WHERE ticket_id = '{}'",
            ticket["id"].as_str().unwrap_or_default()
        ))
        .await,
        20
    );
}

#[tokio::test]
async fn tags_of_tickets_alike_are_suggested_to_staff_only() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    let user = app.sign_up("requester").await;
    let classify = "mutation($id: ID!, $skills: [String!]) { updateTicket(id: $id, input: { category: \"billing\", relatedSkills: $skills }) { id } }";
    let suggested = "query($id: ID!) { ticket(id: $id) { suggestedTags } }";
    let tagged = app.create_ticket(&user, "Charged twice").await;
    let other_skill = app.create_ticket(&user, "Card declined").await;
    let fresh = app.create_ticket(&user, "Double charge again").await;
    for (ticket, skills) in [
        (&tagged, json!(["billing"])),
        (&other_skill, json!(["api"])),
        (&fresh, json!(["billing"])),
    ] {
        let body = app
            .gql(
                Some(&admin.token),
                classify,
                json!({ "id": ticket["id"], "skills": skills }),
            )
            .await;
        assert!(body["errors"].is_null(), "{body}");
    }
    app.gql(
        Some(&admin.token),
        ADD,
        json!({ "id": tagged["id"], "tags": ["refund", "vip"] }),
    )
    .await;
    app.gql(
        Some(&admin.token),
        ADD,
        json!({ "id": other_skill["id"], "tags": ["gateway"] }),
    )
    .await;
    app.gql(
        Some(&admin.token),
        ADD,
        json!({ "id": fresh["id"], "tags": ["vip"] }),
    )
    .await;

    // Only the tag it lacks, from the ticket sharing its category and skill.
    let body = app
        .gql(Some(&admin.token), suggested, json!({ "id": fresh["id"] }))
        .await;
    assert_eq!(
        body["data"]["ticket"]["suggestedTags"],
        json!(["refund"]),
        "{body}"
    );
    let refused = app
        .gql(Some(&user.token), suggested, json!({ "id": fresh["id"] }))
        .await;
    assert_eq!(error_code(&refused), "FORBIDDEN", "{refused}");
    // Suggestions are never applied by themselves.
    assert_eq!(
        app.count_rows(&format!(
            "ticket_tags WHERE ticket_id = '{}'",
            fresh["id"].as_str().expect("id")
        ))
        .await,
        1
    );
}
