//! `GET /exports/tickets.csv`: staff only, the `tickets` filters, RFC 4180, formulas
//! defused, optional BOM, audited; bad input is a JSON 400 before any CSV.

use deskql::domain::roles::Role;
use serde_json::{Value, json};

use crate::common::{TestApp, TestUser};

async fn export(app: &TestApp, user: Option<&TestUser>, query: &str) -> reqwest::Response {
    let mut request = app
        .http
        .get(app.url(&format!("/exports/tickets.csv{query}")));
    if let Some(user) = user {
        request = request.bearer_auth(&user.token);
    }
    request.send().await.expect("send")
}

fn records(body: &[u8]) -> Vec<Vec<String>> {
    csv::Reader::from_reader(body)
        .records()
        .map(|record| {
            record
                .expect("valid CSV")
                .iter()
                .map(str::to_owned)
                .collect()
        })
        .collect()
}

#[tokio::test]
async fn staff_export_filtered_tickets_as_safe_csv() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    let owner = app.sign_up("csv").await;
    let hostile = app
        .create_ticket(&owner, "=HYPERLINK(\"http://evil\",\"x\")")
        .await;
    let plain = app.create_ticket(&owner, "Quotes \"and\", commas").await;
    let done = app.create_ticket(&owner, "Already solved").await;
    app.gql(
        Some(&admin.token),
        "mutation($id: ID!) { updateTicket(id: $id, input: { status: RESOLVED }) { status } }",
        json!({ "id": done["id"] }),
    )
    .await;

    let response = export(&app, Some(&admin), "?status=TODO&bom=1").await;
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()["content-type"].to_str().expect("type"),
        "text/csv; charset=utf-8"
    );
    assert!(
        response.headers()["content-disposition"]
            .to_str()
            .expect("disposition")
            .starts_with("attachment")
    );
    let body = response.bytes().await.expect("body");
    assert!(body.starts_with(b"\xEF\xBB\xBF"), "BOM first");
    let rows = records(&body[3..]);
    assert_eq!(
        rows.len(),
        2,
        "the RESOLVED ticket is filtered out: {rows:?}"
    );
    let titles: Vec<&str> = rows.iter().map(|row| row[1].as_str()).collect();
    assert!(
        titles.contains(&"'=HYPERLINK(\"http://evil\",\"x\")"),
        "{titles:?}"
    );
    assert!(titles.contains(&"Quotes \"and\", commas"), "{titles:?}");
    let numbers: Vec<&str> = rows.iter().map(|row| row[0].as_str()).collect();
    assert!(numbers.contains(&hostile["number"].as_str().expect("number")));
    assert!(numbers.contains(&plain["number"].as_str().expect("number")));
    assert_eq!(rows[0][7], "csv@example.com");

    let audit = app
        .count_rows("audit_log WHERE action = 'tickets.export' AND details->'filter'->'status' = '[\"TODO\"]'")
        .await;
    assert_eq!(audit, 1);
}

#[tokio::test]
async fn exports_refuse_the_wrong_caller_and_bad_filters_with_json() {
    let app = TestApp::spawn().await;
    let user = app.sign_up("nosy").await;
    let moderator = app.user_with_role("mod", Role::Moderator, &[]).await;
    assert_eq!(export(&app, None, "").await.status(), 401);
    assert_eq!(export(&app, Some(&user), "").await.status(), 403);
    for (query, field) in [
        ("?status=BOGUS", "status"),
        ("?createdAfter=yesterday", "createdAfter"),
        ("?category=nope", "category"),
        ("?colour=red", "colour"),
    ] {
        let response = export(&app, Some(&moderator), query).await;
        assert_eq!(response.status(), 400, "{query}");
        let body: Value = response.json().await.expect("a JSON error, not CSV");
        assert_eq!(
            body["errors"][0]["extensions"]["code"], "BAD_USER_INPUT",
            "{body}"
        );
        assert_eq!(body["errors"][0]["extensions"]["field"], field, "{body}");
    }
    assert_eq!(
        app.count_rows("audit_log WHERE action = 'tickets.export'")
            .await,
        0
    );
}

#[tokio::test]
async fn large_exports_stream_every_row_once() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    let owner = app.sign_up("bulk").await;
    let create = "mutation($t: String!) { createTicket(input: { title: $t, description: \"Bulk export row.\" }) { id } }";
    let tickets = 1_203;
    for chunk in (0..tickets).collect::<Vec<_>>().chunks(50) {
        futures::future::join_all(chunk.iter().map(|n| {
            app.gql(
                Some(&owner.token),
                create,
                json!({ "t": format!("Row {n}") }),
            )
        }))
        .await;
    }
    let body = export(&app, Some(&admin), "")
        .await
        .bytes()
        .await
        .expect("body");
    let rows = records(&body);
    assert_eq!(rows.len(), tickets);
    let mut numbers: Vec<&str> = rows.iter().map(|row| row[0].as_str()).collect();
    numbers.sort_unstable();
    numbers.dedup();
    assert_eq!(numbers.len(), tickets, "no row twice across pages");
}
