//! CSAT: the requester (or guest) rates a resolved ticket, may change it, and rates again
//! after a reopen; staff read it; a RATED event is recorded.

use deskql::domain::roles::Role;
use serde_json::{Value, json};

use crate::common::{TestApp, error_code};

const RATE: &str = r#"mutation($id: ID!, $input: RatingInput!) {
  rateTicket(ticketId: $id, input: $input) { score comment ratedAt }
}"#;
const SET_STATUS: &str = "mutation($id: ID!, $s: TicketStatus!) { updateTicket(id: $id, input: { status: $s }) { status } }";
const SATISFACTION: &str = "query($id: ID!) { ticket(id: $id) { satisfaction { score comment } history { kind fromValue toValue } } }";

fn rating(score: i64, comment: Option<&str>) -> Value {
    json!({ "score": score, "comment": comment })
}

#[tokio::test]
async fn requesters_rate_resolved_tickets_once_per_resolution() {
    let app = TestApp::spawn().await;
    let agent = app.user_with_role("sally", Role::Moderator, &[]).await;
    let owner = app.sign_up("rater").await;
    let stranger = app.sign_up("stranger").await;
    let ticket = app.create_ticket(&owner, "Export fails").await;
    let id = &ticket["id"];

    let early = app
        .gql(
            Some(&owner.token),
            RATE,
            json!({ "id": id, "input": rating(5, None) }),
        )
        .await;
    assert_eq!(error_code(&early), "CONFLICT", "not resolved yet: {early}");

    app.gql(
        Some(&agent.token),
        SET_STATUS,
        json!({ "id": id, "s": "RESOLVED" }),
    )
    .await;
    for (score, field) in [(0, "score"), (6, "score")] {
        let bad = app
            .gql(
                Some(&owner.token),
                RATE,
                json!({ "id": id, "input": rating(score, None) }),
            )
            .await;
        assert_eq!(error_code(&bad), "BAD_USER_INPUT", "{bad}");
        assert_eq!(bad["errors"][0]["extensions"]["field"], field);
    }
    let long = "x".repeat(2_001);
    let bad = app
        .gql(
            Some(&owner.token),
            RATE,
            json!({ "id": id, "input": rating(3, Some(&long)) }),
        )
        .await;
    assert_eq!(bad["errors"][0]["extensions"]["field"], "comment", "{bad}");
    let other = app
        .gql(
            Some(&stranger.token),
            RATE,
            json!({ "id": id, "input": rating(1, None) }),
        )
        .await;
    assert_eq!(error_code(&other), "NOT_FOUND", "{other}");
    let staff = app
        .gql(
            Some(&agent.token),
            RATE,
            json!({ "id": id, "input": rating(5, None) }),
        )
        .await;
    assert_eq!(error_code(&staff), "FORBIDDEN", "{staff}");

    let rated = app
        .gql(
            Some(&owner.token),
            RATE,
            json!({ "id": id, "input": rating(2, Some("  Slow answer.  ")) }),
        )
        .await;
    assert_eq!(rated["data"]["rateTicket"]["score"], 2, "{rated}");
    assert_eq!(rated["data"]["rateTicket"]["comment"], "Slow answer.");
    // Changed within the week: one rating, the new score.
    app.gql(
        Some(&owner.token),
        RATE,
        json!({ "id": id, "input": rating(4, None) }),
    )
    .await;
    let seen = app
        .gql(Some(&agent.token), SATISFACTION, json!({ "id": id }))
        .await;
    assert_eq!(
        seen["data"]["ticket"]["satisfaction"],
        json!({ "score": 4, "comment": null }),
        "{seen}"
    );
    let rated_events: Vec<&Value> = seen["data"]["ticket"]["history"]
        .as_array()
        .expect("history")
        .iter()
        .filter(|e| e["kind"] == "RATED")
        .collect();
    assert_eq!(rated_events.len(), 2);
    assert_eq!(rated_events[1]["fromValue"], "2");
    assert_eq!(rated_events[1]["toValue"], "4");
    assert_eq!(app.count_rows("ticket_ratings").await, 1);

    // Reopened and resolved again: a new resolution to rate.
    app.gql(
        Some(&agent.token),
        SET_STATUS,
        json!({ "id": id, "s": "IN_PROGRESS" }),
    )
    .await;
    let reopened = app
        .gql(
            Some(&owner.token),
            RATE,
            json!({ "id": id, "input": rating(1, None) }),
        )
        .await;
    assert_eq!(error_code(&reopened), "CONFLICT", "{reopened}");
    app.gql(
        Some(&agent.token),
        SET_STATUS,
        json!({ "id": id, "s": "RESOLVED" }),
    )
    .await;
    app.gql(
        Some(&owner.token),
        RATE,
        json!({ "id": id, "input": rating(5, Some("Fixed now")) }),
    )
    .await;
    let mine = app
        .gql(Some(&owner.token), SATISFACTION, json!({ "id": id }))
        .await;
    assert_eq!(mine["data"]["ticket"]["satisfaction"]["score"], 5, "{mine}");
    assert_eq!(app.count_rows("ticket_ratings").await, 2);

    // The change window runs from the first rating of a resolution.
    let mut conn = app.state.pool.get().await.expect("conn");
    use diesel_async::RunQueryDsl;
    diesel::sql_query("UPDATE ticket_ratings SET rated_at = now() - interval '8 days'")
        .execute(&mut conn)
        .await
        .expect("age ratings");
    drop(conn);
    let late = app
        .gql(
            Some(&owner.token),
            RATE,
            json!({ "id": id, "input": rating(3, None) }),
        )
        .await;
    assert_eq!(error_code(&late), "CONFLICT", "{late}");
}

#[tokio::test]
async fn guests_rate_with_their_tracking_token() {
    let app = TestApp::spawn().await;
    let agent = app.user_with_role("tom", Role::Moderator, &[]).await;
    let receipt = app
        .gql(None, "mutation { submitGuestTicket(input: { title: \"Wrong size\", description: \"The shoes are too small.\", customerEmail: \"shoe@example.org\" }) { id trackingToken } }", json!({}))
        .await;
    let receipt = &receipt["data"]["submitGuestTicket"];
    app.gql(
        Some(&agent.token),
        SET_STATUS,
        json!({ "id": receipt["id"], "s": "RESOLVED" }),
    )
    .await;
    let rate = "mutation($t: String!, $input: RatingInput!) { rateTicketAsGuest(trackingToken: $t, input: $input) { score } }";
    let forged = app
        .gql(
            None,
            rate,
            json!({ "t": "not-a-token", "input": rating(5, None) }),
        )
        .await;
    assert_eq!(error_code(&forged), "UNAUTHENTICATED", "{forged}");
    let rated = app
        .gql(
            None,
            rate,
            json!({ "t": receipt["trackingToken"], "input": rating(5, Some("Quick exchange")) }),
        )
        .await;
    assert_eq!(rated["data"]["rateTicketAsGuest"]["score"], 5, "{rated}");
    let tracked = app
        .gql(
            None,
            "query($t: String!) { trackTicket(token: $t) { satisfaction { score comment } } }",
            json!({ "t": receipt["trackingToken"] }),
        )
        .await;
    assert_eq!(
        tracked["data"]["trackTicket"]["satisfaction"],
        json!({ "score": 5, "comment": "Quick exchange" }),
        "{tracked}"
    );
}

/// The signed token of the first `/rate/` link in a mail (quoted-printable unfolded).
fn rating_token(mail: &crate::common::mail::ReceivedMail) -> String {
    let text = mail
        .raw
        .replace("=\r\n", "")
        .replace("=\n", "")
        .replace("=3D", "=");
    let start = text
        .find("/rate/")
        .unwrap_or_else(|| panic!("a rating link in {text}"))
        + 6;
    text[start..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        .collect()
}

#[tokio::test]
async fn the_resolution_email_rates_with_one_click() {
    let sink = crate::common::mail::SmtpSink::start();
    let mut config = crate::common::pipeline_config();
    config.pipeline.smtp_url = Some(sink.url().into());
    let app = TestApp::spawn_with(config).await;
    let agent = app.user_with_role("clicky", Role::Moderator, &[]).await;
    let owner = app.sign_up("clicker").await;
    let ticket = app.create_ticket(&owner, "Password reset loop").await;
    app.gql(
        Some(&agent.token),
        SET_STATUS,
        json!({ "id": ticket["id"], "s": "RESOLVED" }),
    )
    .await;
    let resolved = crate::common::eventually("the resolution email", || async {
        sink.received()
            .iter()
            .any(|m| m.subject().contains("Resolved"))
    });
    resolved.await;
    let mail = sink
        .received()
        .into_iter()
        .find(|m| m.subject().contains("Resolved"))
        .expect("resolution email");
    let token = rating_token(&mail);
    let click = |score: &str| {
        app.http
            .get(app.url(&format!("/rate/{token}?score={score}")))
            .send()
    };
    assert_eq!(click("9").await.expect("send").status(), 400);
    let thanks = click("4").await.expect("send");
    assert_eq!(thanks.status(), 200);
    assert!(thanks.text().await.expect("page").contains("4/5"));
    let seen = app
        .gql(
            Some(&agent.token),
            SATISFACTION,
            json!({ "id": ticket["id"] }),
        )
        .await;
    assert_eq!(seen["data"]["ticket"]["satisfaction"]["score"], 4, "{seen}");

    // A forged or altered link does nothing.
    let forged = app
        .http
        .get(app.url(&format!("/rate/{}x?score=1", token)))
        .send()
        .await
        .expect("send");
    assert_eq!(forged.status(), 401);
    // After a reopen, the old email's links no longer rate anything.
    app.gql(
        Some(&agent.token),
        SET_STATUS,
        json!({ "id": ticket["id"], "s": "IN_PROGRESS" }),
    )
    .await;
    assert_eq!(click("1").await.expect("send").status(), 409);
    assert_eq!(app.count_rows("ticket_ratings WHERE score = 4").await, 1);
}
