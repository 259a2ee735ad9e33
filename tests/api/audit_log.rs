//! The admin audit trail: account and settings changes with before, after and request id.

use deskql::domain::roles::Role;
use serde_json::json;

use crate::common::{TestApp, error_code};

const LOG: &str = "query($f: AuditFilterInput, $after: String) { auditLog(filter: $f, first: 1, after: $after) {
    pageInfo { hasNextPage endCursor } edges { node { action target before after requestId actor { id } } } } }";

#[tokio::test]
async fn admin_changes_to_accounts_and_settings_are_audited() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    let moderator = app.user_with_role("mod", Role::Moderator, &["ui"]).await;

    let audited_before = app
        .count_rows("audit_log WHERE action = 'users.update'")
        .await;
    let updated = app
        .gql(
            Some(&admin.token),
            "mutation($id: ID!) { updateUser(id: $id, input: { role: ADMIN, skills: [\"ui\", \"billing\"] }) { role } }",
            json!({ "id": moderator.id }),
        )
        .await;
    assert_eq!(updated["data"]["updateUser"]["role"], "ADMIN", "{updated}");
    // A change to nothing is not an entry.
    app.gql(
        Some(&admin.token),
        "mutation($id: ID!) { updateUser(id: $id, input: { role: ADMIN }) { role } }",
        json!({ "id": moderator.id }),
    )
    .await;
    assert_eq!(
        app.count_rows("audit_log WHERE action = 'users.update'")
            .await,
        audited_before + 1
    );
    let deactivated = app
        .gql(
            Some(&admin.token),
            "mutation { setCategoryActive(slug: \"billing\", active: false) { active } }",
            json!({}),
        )
        .await;
    assert_eq!(
        deactivated["data"]["setCategoryActive"]["active"], false,
        "{deactivated}"
    );

    let users = app
        .gql(
            Some(&admin.token),
            LOG,
            json!({ "f": { "action": "users." } }),
        )
        .await;
    let page = &users["data"]["auditLog"];
    let entry = &page["edges"][0]["node"];
    assert_eq!(entry["action"], "users.update", "{users}");
    assert_eq!(entry["target"], moderator.id.as_str());
    assert_eq!(entry["actor"]["id"], admin.id.as_str());
    assert_eq!(
        (&entry["before"]["role"], &entry["after"]["role"]),
        (&json!("MODERATOR"), &json!("ADMIN"))
    );
    assert_eq!(entry["after"]["skills"], json!(["ui", "billing"]));
    assert!(
        entry["requestId"].as_str().is_some_and(|id| !id.is_empty()),
        "{users}"
    );

    // Newest first, paged.
    let newest = app.gql(Some(&admin.token), LOG, json!({})).await;
    let node = &newest["data"]["auditLog"]["edges"][0]["node"];
    assert_eq!(node["action"], "categories.set_active", "{newest}");
    assert_eq!(
        (&node["before"]["active"], &node["after"]["active"]),
        (&json!(true), &json!(false))
    );
    let older = app
        .gql(
            Some(&admin.token),
            LOG,
            json!({ "after": newest["data"]["auditLog"]["pageInfo"]["endCursor"] }),
        )
        .await;
    assert_eq!(
        older["data"]["auditLog"]["edges"][0]["node"]["action"], "users.update",
        "{older}"
    );

    let refused = app
        .gql(
            Some(
                &app.user_with_role("other", Role::Moderator, &[])
                    .await
                    .token,
            ),
            LOG,
            json!({}),
        )
        .await;
    assert_eq!(error_code(&refused), "FORBIDDEN", "{refused}");
    let bad = app
        .gql(Some(&admin.token), LOG, json!({ "after": "not-a-cursor" }))
        .await;
    assert_eq!(error_code(&bad), "BAD_USER_INPUT", "{bad}");
}
