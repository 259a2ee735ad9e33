//! Help articles: admin CRUD, public reading, suggestions before filing, links on tickets.

use deskql::domain::roles::Role;
use serde_json::{Value, json};

use crate::common::{TestApp, TestUser, error_code, test_config};

const CREATE: &str = r#"mutation($input: HelpArticleInput!) {
  createHelpArticle(input: $input) { id slug title bodyHtml tags published }
}"#;

const SUGGEST: &str =
    r#"query($text: String!) { suggestArticles(text: $text) { score article { slug } } }"#;

async fn article(
    app: &TestApp,
    admin: &TestUser,
    title: &str,
    body: &str,
    tags: &[&str],
    published: bool,
) -> Value {
    let response = app
        .gql(
            Some(&admin.token),
            CREATE,
            json!({ "input": { "title": title, "body": body, "tags": tags, "published": published } }),
        )
        .await;
    let created = response["data"]["createHelpArticle"].clone();
    assert!(created.is_object(), "{response}");
    created
}

fn slugs(body: &Value) -> Vec<String> {
    body["data"]["suggestArticles"]
        .as_array()
        .unwrap_or_else(|| panic!("{body}"))
        .iter()
        .map(|hit| hit["article"]["slug"].as_str().expect("slug").to_owned())
        .collect()
}

#[tokio::test]
async fn admins_write_articles_everyone_reads_published_ones() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    let moderator = app.user_with_role("mod", Role::Moderator, &[]).await;
    let created = article(
        &app,
        &admin,
        "Reset your password",
        "Use **Forgot password** on the login page.",
        &["Account", "login"],
        true,
    )
    .await;
    assert_eq!(created["slug"], "reset-your-password");
    assert_eq!(created["tags"], json!(["account", "login"]));
    assert!(
        created["bodyHtml"]
            .as_str()
            .expect("html")
            .contains("<strong>Forgot password</strong>")
    );
    let draft = article(
        &app,
        &admin,
        "Upcoming billing changes",
        "Not yet public.",
        &[],
        false,
    )
    .await;

    let list = "query($drafts: Boolean) { helpArticles(includeDrafts: $drafts) { slug } }";
    let public = app.gql(None, list, json!({})).await;
    assert_eq!(
        public["data"]["helpArticles"],
        json!([{ "slug": "reset-your-password" }]),
        "{public}"
    );
    let asked = app.gql(None, list, json!({ "drafts": true })).await;
    assert_eq!(
        asked["data"]["helpArticles"]
            .as_array()
            .expect("list")
            .len(),
        1,
        "drafts stay hidden from the public"
    );
    let staff = app
        .gql(Some(&moderator.token), list, json!({ "drafts": true }))
        .await;
    assert_eq!(
        staff["data"]["helpArticles"]
            .as_array()
            .expect("list")
            .len(),
        2,
        "{staff}"
    );
    let hidden = app
        .gql(
            None,
            "{ helpArticle(slug: \"upcoming-billing-changes\") { title } }",
            json!({}),
        )
        .await;
    assert_eq!(error_code(&hidden), "NOT_FOUND");

    // Only admins write; duplicates and bad input are typed errors.
    let denied = app
        .gql(
            Some(&moderator.token),
            CREATE,
            json!({ "input": { "title": "Mine", "body": "x" } }),
        )
        .await;
    assert_eq!(error_code(&denied), "FORBIDDEN", "{denied}");
    let duplicate = app
        .gql(
            Some(&admin.token),
            CREATE,
            json!({ "input": { "title": "Reset your password", "body": "again" } }),
        )
        .await;
    assert_eq!(error_code(&duplicate), "CONFLICT", "{duplicate}");
    let bad_slug = app
        .gql(
            Some(&admin.token),
            CREATE,
            json!({ "input": { "title": "Fine title", "body": "x", "slug": "Not OK!" } }),
        )
        .await;
    assert_eq!(error_code(&bad_slug), "BAD_USER_INPUT");

    let publish = app
        .gql(
            Some(&admin.token),
            "mutation($id: ID!) { updateHelpArticle(id: $id, input: { published: true, body: \"Now *public*.\" }) { published bodyHtml } }",
            json!({ "id": draft["id"] }),
        )
        .await;
    assert_eq!(
        publish["data"]["updateHelpArticle"]["published"], true,
        "{publish}"
    );
    let shown = app
        .gql(
            None,
            "{ helpArticle(slug: \"upcoming-billing-changes\") { bodyHtml } }",
            json!({}),
        )
        .await;
    assert_eq!(
        shown["data"]["helpArticle"]["bodyHtml"], "<p>Now <em>public</em>.</p>\n",
        "{shown}"
    );
    let deleted = app
        .gql(
            Some(&admin.token),
            "mutation($id: ID!) { deleteHelpArticle(id: $id) }",
            json!({ "id": draft["id"] }),
        )
        .await;
    assert_eq!(deleted["data"]["deleteHelpArticle"], true);
    assert_eq!(app.count_rows("help_articles").await, 1);
}

#[tokio::test]
async fn suggestions_rank_title_over_tags_over_body_and_hide_drafts() {
    let mut config = test_config();
    config.conversation.suggest_limit_per_ip = 6;
    let app = TestApp::spawn_with(config).await;
    let admin = app.admin().await;
    article(
        &app,
        &admin,
        "General troubleshooting",
        "If the printer shows an error, restart it.",
        &[],
        true,
    )
    .await;
    article(
        &app,
        &admin,
        "Connect a printer",
        "Use the setup wizard.",
        &["hardware"],
        true,
    )
    .await;
    article(
        &app,
        &admin,
        "Office hardware",
        "Scanners and more.",
        &["printer"],
        true,
    )
    .await;
    article(
        &app,
        &admin,
        "Printer recall notice",
        "Internal draft.",
        &[],
        false,
    )
    .await;
    article(
        &app,
        &admin,
        "Refund policy",
        "Refunds take five days.",
        &["billing"],
        true,
    )
    .await;

    let ranked = slugs(&app.gql(None, SUGGEST, json!({ "text": "printer" })).await);
    assert_eq!(
        ranked,
        [
            "connect-a-printer",
            "office-hardware",
            "general-troubleshooting"
        ]
    );

    // A whole sentence still finds articles sharing its words.
    let loose = slugs(
        &app.gql(None, SUGGEST, json!({ "text": "my refund did not arrive" }))
            .await,
    );
    assert_eq!(loose, ["refund-policy"]);
    let nothing = slugs(&app.gql(None, SUGGEST, json!({ "text": "zebracorn" })).await);
    assert!(nothing.is_empty());

    // Anonymous callers are limited per IP (6 here; 3 used above).
    for _ in 0..3 {
        assert!(app.gql(None, SUGGEST, json!({ "text": "printer" })).await["data"].is_object());
    }
    let limited = app.gql(None, SUGGEST, json!({ "text": "printer" })).await;
    assert_eq!(error_code(&limited), "RATE_LIMITED", "{limited}");
}

#[tokio::test]
async fn staff_link_articles_to_tickets_and_requesters_see_published_links() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    let agent = app.user_with_role("agent", Role::Moderator, &[]).await;
    let owner = app.sign_up("owner").await;
    let public = article(&app, &admin, "Reset your password", "Steps.", &[], true).await;
    let draft = article(&app, &admin, "Internal runbook", "Steps.", &[], false).await;
    let ticket = app.create_ticket(&owner, "Cannot log in").await;
    let link = "mutation($t: ID!, $a: ID!) { linkHelpArticle(ticketId: $t, articleId: $a) { id } }";
    for article in [&public, &draft] {
        let linked = app
            .gql(
                Some(&agent.token),
                link,
                json!({ "t": ticket["id"], "a": article["id"] }),
            )
            .await;
        assert!(linked["data"].is_object(), "{linked}");
    }
    let denied = app
        .gql(
            Some(&owner.token),
            link,
            json!({ "t": ticket["id"], "a": public["id"] }),
        )
        .await;
    assert_eq!(error_code(&denied), "FORBIDDEN");
    let view = "query($id: ID!) { ticket(id: $id) { helpArticles { slug } } }";
    let mine = app
        .gql(Some(&owner.token), view, json!({ "id": ticket["id"] }))
        .await;
    assert_eq!(
        mine["data"]["ticket"]["helpArticles"],
        json!([{ "slug": "reset-your-password" }]),
        "{mine}"
    );
    let staff = app
        .gql(Some(&agent.token), view, json!({ "id": ticket["id"] }))
        .await;
    assert_eq!(
        staff["data"]["ticket"]["helpArticles"]
            .as_array()
            .expect("links")
            .len(),
        2
    );
}
