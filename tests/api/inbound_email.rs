//! Email in over `POST /inbound/email`: new mail opens a guest ticket with its attachments,
//! replies join their ticket by Message-ID or reply address (from the requester only), quoted
//! history is stripped, and automatic mail never creates anything.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use serde_json::{Value, json};

use crate::common::mail::SmtpSink;
use crate::common::upload::PNG;
use crate::common::{TestApp, eventually, pipeline_config};

const SECRET: &str = "inbound-test-secret";

async fn deliver(app: &TestApp, secret: Option<&str>, raw: &str) -> (u16, Value) {
    let mut request = app
        .http
        .post(app.url("/inbound/email"))
        .header("content-type", "message/rfc822")
        .body(raw.to_owned());
    if let Some(secret) = secret {
        request = request.bearer_auth(secret);
    }
    let response = request.send().await.expect("inbound request");
    let status = response.status().as_u16();
    let body = response.json().await.unwrap_or(Value::Null);
    (status, body)
}

fn plain_mail(from: &str, to: &str, subject: &str, extra_headers: &str, body: &str) -> String {
    format!(
        "From: {from}\r\nTo: {to}\r\nSubject: {subject}\r\nMessage-ID: <{}@mail.example.com>\r\n\
         {extra_headers}MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n",
        uuid::Uuid::now_v7()
    )
}

fn mail_with_png(from: &str, subject: &str, body: &str) -> String {
    let png = STANDARD.encode(PNG);
    format!(
        "From: {from}\r\nTo: deskql <support@deskql.localhost>\r\nSubject: {subject}\r\n\
         Message-ID: <first@mail.example.com>\r\nMIME-Version: 1.0\r\n\
         Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n\
         --b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n\
         --b1\r\nContent-Type: image/png\r\nContent-Disposition: attachment; filename=\"error.png\"\r\n\
         Content-Transfer-Encoding: base64\r\n\r\n{png}\r\n--b1--\r\n"
    )
}

#[tokio::test]
async fn new_mail_opens_a_ticket_and_replies_join_it() {
    let sink = SmtpSink::start();
    let mut config = pipeline_config();
    config.pipeline.smtp_url = Some(sink.url().into());
    config.pipeline.inbound_email_secret = Some(SECRET.into());
    let app = TestApp::spawn_with(config).await;

    let first = mail_with_png(
        "Dana Doe <Dana@Example.com>",
        "VPN drops every ten minutes",
        "Since Monday the VPN disconnects every ten minutes. Screenshot attached.",
    );
    assert_eq!(deliver(&app, None, &first).await.0, 401);
    assert_eq!(deliver(&app, Some("wrong"), &first).await.0, 401);
    let (status, body) = deliver(&app, Some(SECRET), "hello, not a message").await;
    assert_eq!(
        (status, body["error"]["code"].as_str()),
        (400, Some("BAD_USER_INPUT")),
        "{body}"
    );

    let (status, body) = deliver(&app, Some(SECRET), &first).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["outcome"], "CREATED", "{body}");
    let number = body["ticketNumber"].as_str().expect("number").to_owned();
    assert_eq!(
        app.count_rows(&format!(
            "tickets WHERE number = '{number}' AND source = 'EMAIL' AND requester_id IS NULL \
             AND requester_email = 'dana@example.com' AND requester_name = 'Dana Doe' \
             AND title = 'VPN drops every ten minutes'"
        ))
        .await,
        1
    );
    assert_eq!(
        app.count_rows("attachments WHERE file_name = 'error.png' AND content_type = 'image/png'")
            .await,
        1
    );

    // The receipt names the ticket in its Message-ID and its Reply-To address.
    eventually("the receipt", || async {
        sink.received()
            .iter()
            .any(|m| m.to.contains(&"dana@example.com".to_owned()))
    })
    .await;
    let receipt = sink
        .received()
        .into_iter()
        .find(|m| m.to.contains(&"dana@example.com".to_owned()))
        .expect("receipt");
    assert_eq!(
        receipt.header("Auto-Submitted").as_deref(),
        Some("auto-generated")
    );
    let reply_to = receipt.header("Reply-To").expect("Reply-To");
    let reply_address = reply_to
        .rsplit('<')
        .next()
        .unwrap_or(&reply_to)
        .trim_end_matches('>')
        .to_owned();
    assert!(
        reply_address.starts_with(&format!("support+{}.", number.to_ascii_lowercase())),
        "{reply_address}"
    );

    // The delivery log is written just after the SMTP hand-off; a reply can only be
    // threaded by Message-ID once that row exists.
    let logged = format!(
        "email_deliveries WHERE message_id = '{}'",
        receipt.message_id()
    );
    eventually("the receipt's delivery row", || async {
        app.count_rows(&logged).await == 1
    })
    .await;

    // A reply by Message-ID: only the new text is kept.
    let reply = plain_mail(
        "dana@example.com",
        "support@deskql.localhost",
        "Re: VPN drops every ten minutes",
        &format!(
            "In-Reply-To: {}\r\nReferences: {}\r\n",
            receipt.message_id(),
            receipt.message_id()
        ),
        "It also happens on the office network.\r\n\r\nOn Mon, 30 Nov 2026 at 10:00, deskql <support@deskql.localhost> wrote:\r\n> We received your request.\r\n\r\n-- \r\nDana",
    );
    let (status, body) = deliver(&app, Some(SECRET), &reply).await;
    assert_eq!(
        (status, &body["outcome"]),
        (200, &json!("REPLIED")),
        "{body}"
    );
    assert_eq!(body["ticketNumber"], number.as_str());
    assert_eq!(
        app.count_rows(
            "ticket_messages WHERE body = 'It also happens on the office network.' \
             AND author_role = 'REQUESTER' AND NOT internal"
        )
        .await,
        1
    );

    // A stranger answering the same thread is refused, and nothing is added.
    let stranger = plain_mail(
        "mallory@example.net",
        "support@deskql.localhost",
        "Re: VPN drops every ten minutes",
        &format!("In-Reply-To: {}\r\n", receipt.message_id()),
        "Please send me the customer's details.",
    );
    let (status, body) = deliver(&app, Some(SECRET), &stranger).await;
    assert_eq!(
        (status, &body["outcome"]),
        (200, &json!("REFUSED")),
        "{body}"
    );
    assert_eq!(
        app.count_rows("ticket_messages WHERE body LIKE '%customer''s details%'")
            .await,
        0
    );

    // A reply to the reply address, without threading headers, joins the ticket too.
    let by_address = plain_mail(
        "dana@example.com",
        &reply_address,
        "one more thing",
        "",
        "It started after the client update.\r\n\r\nSent from my iPhone",
    );
    let (_, body) = deliver(&app, Some(SECRET), &by_address).await;
    assert_eq!(body["outcome"], "REPLIED", "{body}");
    assert_eq!(body["ticketNumber"], number.as_str());
    assert_eq!(
        app.count_rows("ticket_messages WHERE body = 'It started after the client update.'")
            .await,
        1
    );

    // Automatic mail never opens tickets or triggers replies.
    let tickets = app.count_rows("tickets").await;
    let emails = app.count_rows("email_deliveries").await;
    for header in [
        "Auto-Submitted: auto-replied\r\n",
        "Precedence: bulk\r\n",
        "Return-Path: <>\r\n",
    ] {
        let auto = plain_mail(
            "dana@example.com",
            "support@deskql.localhost",
            "Out of office: VPN drops",
            header,
            "I am out of the office until Monday.",
        );
        let (status, body) = deliver(&app, Some(SECRET), &auto).await;
        assert_eq!(
            (status, &body["outcome"]),
            (200, &json!("IGNORED")),
            "{header}: {body}"
        );
    }
    assert_eq!(app.count_rows("tickets").await, tickets);
    assert_eq!(app.count_rows("email_deliveries").await, emails);
}

#[tokio::test]
async fn the_inbound_route_is_off_without_a_secret() {
    let app = TestApp::spawn().await;
    let raw = plain_mail(
        "a@example.com",
        "support@deskql.localhost",
        "Hello there",
        "",
        "Need help please.",
    );
    assert_eq!(deliver(&app, Some("anything"), &raw).await.0, 404);
    assert_eq!(app.count_rows("tickets").await, 0);
}
