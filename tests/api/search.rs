//! searchTickets: full text over tickets and their public thread, within visibility.

use deskql::domain::roles::Role;
use serde_json::{Value, json};

use crate::common::{TestApp, error_code, test_config};
use crate::thread::post;

const SEARCH: &str = r#"query($q: String!, $first: Int, $after: String, $filter: TicketFilterInput) {
  searchTickets(query: $q, first: $first, after: $after, filter: $filter) {
    totalCount totalCountIsExact exactMatch
    pageInfo { hasNextPage endCursor }
    edges { node { number title } }
  }
}"#;

fn titles(body: &Value) -> Vec<String> {
    body["data"]["searchTickets"]["edges"]
        .as_array()
        .unwrap_or_else(|| panic!("{body}"))
        .iter()
        .map(|e| e["node"]["title"].as_str().expect("title").to_owned())
        .collect()
}

#[tokio::test]
async fn search_finds_words_in_titles_descriptions_and_replies_within_visibility() {
    let app = TestApp::spawn().await;
    let agent = app.user_with_role("agent", Role::Moderator, &[]).await;
    let alice = app.sign_up("alice").await;
    let bob = app.sign_up("bob").await;
    let vpn = app.create_ticket(&alice, "VPN keeps disconnecting").await;
    let invoice = app.create_ticket(&alice, "Invoice total is wrong").await;
    app.create_ticket(&bob, "VPN client will not install").await;
    post(
        &app,
        &agent.token,
        &invoice["id"],
        json!({ "body": "Is your VPN connected while paying?" }),
    )
    .await;

    // Staff see every match; the title match ranks above the reply-only match.
    let staff = app
        .gql(Some(&agent.token), SEARCH, json!({ "q": "vpn" }))
        .await;
    let found = titles(&staff);
    assert_eq!(staff["data"]["searchTickets"]["totalCount"], 3, "{staff}");
    assert_eq!(
        staff["data"]["searchTickets"]["totalCountIsExact"], true,
        "{staff}"
    );
    assert_eq!(
        found.last().map(String::as_str),
        Some("Invoice total is wrong"),
        "{staff}"
    );

    // Alice sees only her own tickets; stemming matches "disconnects".
    let mine = app
        .gql(Some(&alice.token), SEARCH, json!({ "q": "vpn" }))
        .await;
    assert_eq!(titles(&mine).len(), 2, "{mine}");
    let stemmed = app
        .gql(Some(&alice.token), SEARCH, json!({ "q": "disconnects" }))
        .await;
    assert_eq!(titles(&stemmed), ["VPN keeps disconnecting"]);
    let phrase = app
        .gql(
            Some(&alice.token),
            SEARCH,
            json!({ "q": "\"will not install\"" }),
        )
        .await;
    assert!(
        titles(&phrase).is_empty(),
        "bob's ticket stays hidden: {phrase}"
    );

    // Pages and filters.
    let first = app
        .gql(
            Some(&agent.token),
            SEARCH,
            json!({ "q": "vpn", "first": 2 }),
        )
        .await;
    let page = &first["data"]["searchTickets"];
    assert_eq!(page["pageInfo"]["hasNextPage"], true);
    let rest = app
        .gql(
            Some(&agent.token),
            SEARCH,
            json!({ "q": "vpn", "first": 2, "after": page["pageInfo"]["endCursor"] }),
        )
        .await;
    assert_eq!(titles(&rest).len(), 1, "{rest}");
    let filtered = app
        .gql(
            Some(&agent.token),
            SEARCH,
            json!({ "q": "vpn", "filter": { "requesterId": alice.id } }),
        )
        .await;
    assert_eq!(filtered["data"]["searchTickets"]["totalCount"], 2);

    // An exact number jumps to the ticket (if the caller may see it).
    let number = vpn["number"].as_str().expect("number");
    let jump = app
        .gql(
            Some(&alice.token),
            SEARCH,
            json!({ "q": number.to_lowercase() }),
        )
        .await;
    assert_eq!(jump["data"]["searchTickets"]["exactMatch"], true, "{jump}");
    assert_eq!(titles(&jump), ["VPN keeps disconnecting"]);
    let foreign = app
        .gql(Some(&bob.token), SEARCH, json!({ "q": number }))
        .await;
    assert_eq!(foreign["data"]["searchTickets"]["totalCount"], 0);

    let anonymous = app.gql(None, SEARCH, json!({ "q": "vpn" })).await;
    assert_eq!(error_code(&anonymous), "UNAUTHENTICATED");
    let empty = app
        .gql(Some(&alice.token), SEARCH, json!({ "q": "  " }))
        .await;
    assert_eq!(error_code(&empty), "BAD_USER_INPUT");
}

/// A broad search ranks only the newest matches up to the cap, and says its total is capped.
#[tokio::test]
async fn broad_searches_rank_the_newest_matches_and_cap_the_total() {
    let mut config = test_config();
    config.search_ranked_matches = 3;
    let app = TestApp::spawn_with(config).await;
    let agent = app.user_with_role("agent", Role::Moderator, &[]).await;
    let alice = app.sign_up("alice").await;
    for n in 1..=5 {
        app.create_ticket(&alice, &format!("Printer jam number {n}"))
            .await;
    }
    app.create_ticket(&alice, "Scanner smudges pages").await;

    let broad = app
        .gql(
            Some(&agent.token),
            SEARCH,
            json!({ "q": "printer", "first": 2 }),
        )
        .await;
    let page = &broad["data"]["searchTickets"];
    assert_eq!(page["totalCount"], 3, "{broad}");
    assert_eq!(page["totalCountIsExact"], false, "{broad}");
    assert_eq!(page["pageInfo"]["hasNextPage"], true, "{broad}");
    let rest = app
        .gql(
            Some(&agent.token),
            SEARCH,
            json!({ "q": "printer", "first": 2, "after": page["pageInfo"]["endCursor"] }),
        )
        .await;
    assert_eq!(
        rest["data"]["searchTickets"]["pageInfo"]["hasNextPage"], false,
        "{rest}"
    );
    let mut ranked: Vec<String> = titles(&broad).into_iter().chain(titles(&rest)).collect();
    ranked.sort();
    assert_eq!(
        ranked,
        [
            "Printer jam number 3",
            "Printer jam number 4",
            "Printer jam number 5"
        ]
    );

    // A query of several words is looked for by walking the newest tickets: the same
    // newest matches, the same capped total.
    let walked = app
        .gql(
            Some(&agent.token),
            SEARCH,
            json!({ "q": "printer jam", "first": 5 }),
        )
        .await;
    let mut walked_titles = titles(&walked);
    walked_titles.sort();
    assert_eq!(walked_titles, ranked, "{walked}");
    assert_eq!(
        walked["data"]["searchTickets"]["totalCountIsExact"], false,
        "{walked}"
    );

    // Past the cap there is nothing more, and the total still reads as capped.
    let beyond = app
        .gql(
            Some(&agent.token),
            SEARCH,
            json!({ "q": "printer", "first": 2, "after": "3" }),
        )
        .await;
    assert!(titles(&beyond).is_empty(), "{beyond}");
    assert_eq!(beyond["data"]["searchTickets"]["totalCount"], 3, "{beyond}");
    assert_eq!(
        beyond["data"]["searchTickets"]["totalCountIsExact"], false,
        "{beyond}"
    );

    // A narrower query is counted exactly; so is one that matches exactly the cap.
    for (query, total) in [
        ("scanner", 1),
        ("\"number 3\" or \"number 4\" or scanner", 3),
    ] {
        let narrow = app
            .gql(Some(&agent.token), SEARCH, json!({ "q": query }))
            .await;
        let found = &narrow["data"]["searchTickets"];
        assert_eq!(found["totalCount"], total, "{narrow}");
        assert_eq!(found["totalCountIsExact"], true, "{narrow}");
    }
}
