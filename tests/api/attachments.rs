//! Real multipart uploads stored on disk through object_store, and authorized downloads.

use deskql::domain::roles::Role;
use serde_json::{Value, json};

use crate::common::upload::{PNG, file, upload};
use crate::common::{TestApp, error_code, test_config};

const CREATE_WITH_FILES: &str = r#"mutation($input: CreateTicketInput!) {
  createTicket(input: $input) {
    id number
    attachments { id kind fileName contentType sizeBytes sha256 downloadPath }
  }
}"#;

const ADD_WITH_FILES: &str = r#"mutation($id: ID!, $input: AddTicketMessageInput!) {
  addTicketMessage(ticketId: $id, input: $input) {
    message { id attachments { id fileName contentType downloadPath } }
  }
}"#;

fn ticket_input(attachments: usize, screenshot: bool) -> Value {
    let mut input = json!({
        "title": "Invoice shows the wrong VAT",
        "description": "The PDF invoice for March lists 19% instead of 7%.",
        "pageUrl": "https://shop.example.com/invoices/3",
        "browserInfo": "Firefox 140 on Linux",
        "attachments": vec![Value::Null; attachments],
    });
    if screenshot {
        input["screenshot"] = Value::Null;
    }
    json!({ "input": input })
}

fn stored_files(app: &TestApp) -> usize {
    fn walk(dir: &std::path::Path) -> usize {
        std::fs::read_dir(dir)
            .map(|entries| {
                entries
                    .flatten()
                    .map(|e| {
                        if e.path().is_dir() {
                            walk(&e.path())
                        } else {
                            1
                        }
                    })
                    .sum()
            })
            .unwrap_or(0)
    }
    walk(&app.state.config.conversation.attachments_dir)
}

async fn download(app: &TestApp, path: &str, token: Option<&str>) -> reqwest::Response {
    let mut request = app.http.get(app.url(path));
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    request.send().await.expect("download")
}

#[tokio::test]
async fn files_and_a_screenshot_are_stored_and_downloaded_by_those_who_may_see_them() {
    let app = TestApp::spawn().await;
    let owner = app.sign_up("owner").await;
    let agent = app.user_with_role("agent", Role::Moderator, &[]).await;
    let stranger = app.sign_up("stranger").await;
    let pdf = b"%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".to_vec();

    let (status, body) = upload(
        &app,
        Some(&owner.token),
        CREATE_WITH_FILES,
        ticket_input(1, true),
        vec![
            file(
                "variables.input.attachments.0",
                "../../etc/invoice \"march\".pdf",
                &pdf,
            ),
            file("variables.input.screenshot", "screen.png", PNG),
        ],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let ticket = &body["data"]["createTicket"];
    let files = ticket["attachments"].as_array().expect("attachments");
    assert_eq!(files.len(), 2, "{body}");
    let invoice = &files[0];
    assert_eq!(invoice["kind"], "FILE");
    assert_eq!(invoice["fileName"], "invoice march.pdf");
    assert_eq!(invoice["contentType"], "application/pdf");
    assert_eq!(invoice["sizeBytes"], pdf.len());
    assert_eq!(files[1]["kind"], "SCREENSHOT");
    assert_eq!(files[1]["contentType"], "image/png");
    assert_eq!(stored_files(&app), 2);

    let path = invoice["downloadPath"].as_str().expect("path");
    let response = download(&app, path, Some(&owner.token)).await;
    assert_eq!(response.status(), 200);
    let headers = response.headers().clone();
    assert_eq!(headers["content-type"], "application/pdf");
    assert_eq!(headers["x-content-type-options"], "nosniff");
    let disposition = headers["content-disposition"].to_str().expect("ascii");
    assert!(
        disposition.starts_with("attachment; filename=\"invoice march.pdf\""),
        "{disposition}"
    );
    assert_eq!(
        response.bytes().await.expect("bytes").as_ref(),
        pdf.as_slice()
    );

    assert_eq!(download(&app, path, Some(&agent.token)).await.status(), 200);
    assert_eq!(
        download(&app, path, Some(&stranger.token)).await.status(),
        404
    );
    assert_eq!(download(&app, path, None).await.status(), 404);

    // Files on a message; an internal note's files are staff-only.
    let id = ticket["id"].clone();
    let (status, body) = upload(
        &app,
        Some(&agent.token),
        ADD_WITH_FILES,
        json!({ "id": id, "input": { "body": "log excerpt", "internal": true, "attachments": [null] } }),
        vec![file("variables.input.attachments.0", "server.log", b"ERROR vat table missing\n")],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let note_file = &body["data"]["addTicketMessage"]["message"]["attachments"][0];
    assert_eq!(
        note_file["contentType"], "text/plain; charset=utf-8",
        "{body}"
    );
    let note_path = note_file["downloadPath"].as_str().expect("path");
    assert_eq!(
        download(&app, note_path, Some(&agent.token)).await.status(),
        200
    );
    assert_eq!(
        download(&app, note_path, Some(&owner.token)).await.status(),
        404
    );
}

#[tokio::test]
async fn rejected_uploads_leave_no_row_and_no_file() {
    let mut config = test_config();
    config.conversation.max_upload_bytes = 1024;
    let app = TestApp::spawn_with(config).await;
    let owner = app.sign_up("owner").await;
    let ticket = app.create_ticket(&owner, "Base ticket").await;
    let tickets_before = app.count_rows("tickets").await;

    let cases: Vec<(&str, Value, Vec<crate::common::upload::FilePart>)> = vec![
        (
            "an executable",
            ticket_input(1, false),
            vec![file(
                "variables.input.attachments.0",
                "setup.pdf",
                b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00",
            )],
        ),
        (
            "a file over the limit",
            ticket_input(2, false),
            vec![
                file("variables.input.attachments.0", "ok.txt", b"fine\n"),
                file("variables.input.attachments.1", "big.txt", &[b'a'; 2048]),
            ],
        ),
        (
            "a PDF as screenshot",
            ticket_input(0, true),
            vec![file(
                "variables.input.screenshot",
                "shot.png",
                b"%PDF-1.7\n",
            )],
        ),
        (
            "six files",
            ticket_input(6, false),
            (0..6)
                .map(|i| {
                    let path: &'static str =
                        Box::leak(format!("variables.input.attachments.{i}").into_boxed_str());
                    file(path, "a.txt", b"text\n")
                })
                .collect(),
        ),
    ];
    for (what, variables, files) in cases {
        let (status, body) = upload(
            &app,
            Some(&owner.token),
            CREATE_WITH_FILES,
            variables,
            files,
        )
        .await;
        let code = error_code(&body);
        assert!(
            matches!(code, "BAD_USER_INPUT" | "PAYLOAD_TOO_LARGE"),
            "{what}: {status} {body}"
        );
    }
    let (_, body) = upload(
        &app,
        Some(&owner.token),
        ADD_WITH_FILES,
        json!({ "id": ticket["id"], "input": { "body": "see file", "attachments": [null] } }),
        vec![file(
            "variables.input.attachments.0",
            "x.svg",
            b"\x7fELF\x02\x01\x01\x00",
        )],
    )
    .await;
    assert_eq!(error_code(&body), "BAD_USER_INPUT", "{body}");

    assert_eq!(app.count_rows("tickets").await, tickets_before);
    assert_eq!(app.count_rows("ticket_messages").await, 0);
    assert_eq!(app.count_rows("attachments").await, 0);
    assert_eq!(stored_files(&app), 0);
}
