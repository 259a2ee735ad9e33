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

#[tokio::test]
async fn sla_and_webhook_settings_are_audited_without_secrets() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    let token = Some(admin.token.as_str());

    let policy = app
        .gql(
            token,
            "mutation { upsertSlaPolicy(input: { name: \"Urgent\", priority: URGENT, firstResponseMinutes: 30 }) { id } }",
            json!({}),
        )
        .await;
    let policy_id = policy["data"]["upsertSlaPolicy"]["id"].clone();
    assert!(policy_id.is_string(), "{policy}");
    app.gql(
        token,
        "mutation { upsertSlaPolicy(input: { name: \"Urgent\", priority: URGENT, firstResponseMinutes: 15 }) { id } }",
        json!({}),
    )
    .await;
    let deleted = app
        .gql(
            token,
            "mutation($id: ID!) { deleteSlaPolicy(id: $id) }",
            json!({ "id": policy_id }),
        )
        .await;
    assert_eq!(deleted["data"]["deleteSlaPolicy"], true, "{deleted}");

    let created = app
        .gql(
            token,
            "mutation { createWebhookEndpoint(input: { url: \"https://hooks.example.com/deskql\", eventTypes: [TICKET_CREATED] }) { secret endpoint { id } } }",
            json!({}),
        )
        .await;
    let secret = created["data"]["createWebhookEndpoint"]["secret"]
        .as_str()
        .unwrap_or_else(|| panic!("{created}"))
        .to_owned();
    let endpoint = created["data"]["createWebhookEndpoint"]["endpoint"]["id"].clone();
    let rotated = app
        .gql(
            token,
            "mutation($id: ID!) { rotateWebhookSecret(id: $id) { secret } }",
            json!({ "id": endpoint }),
        )
        .await;
    let new_secret = rotated["data"]["rotateWebhookSecret"]["secret"]
        .as_str()
        .unwrap_or_else(|| panic!("{rotated}"))
        .to_owned();
    app.gql(
        token,
        "mutation($id: ID!) { deleteWebhookEndpoint(id: $id) }",
        json!({ "id": endpoint }),
    )
    .await;

    let log = app
        .gql(
            token,
            "{ auditLog(first: 20) { edges { node { action target before after } } } }",
            json!({}),
        )
        .await;
    let entries = log["data"]["auditLog"]["edges"]
        .as_array()
        .unwrap_or_else(|| panic!("{log}"));
    let actions: Vec<&str> = entries
        .iter()
        .filter_map(|e| e["node"]["action"].as_str())
        .filter(|a| a.starts_with("sla.") || a.starts_with("webhooks."))
        .collect();
    assert_eq!(
        actions,
        [
            "webhooks.delete",
            "webhooks.rotate_secret",
            "webhooks.create",
            "sla.delete_policy",
            "sla.upsert_policy",
            "sla.upsert_policy",
        ]
    );
    let replaced = entries
        .iter()
        .map(|e| &e["node"])
        .filter(|n| n["action"] == "sla.upsert_policy")
        .find(|n| !n["before"].is_null())
        .unwrap_or_else(|| panic!("{log}"));
    assert_eq!(
        (
            &replaced["before"]["firstResponseMinutes"],
            &replaced["after"]["firstResponseMinutes"]
        ),
        (&json!(30), &json!(15))
    );
    assert!(!log.to_string().contains(&secret), "{log}");
    assert!(!log.to_string().contains(&new_secret), "{log}");
}
