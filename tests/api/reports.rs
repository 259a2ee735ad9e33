//! `ticketStats`: counts, times, rates, SLA compliance, CSAT, the volume series and the agent
//! table, over tickets whose every step went through the API.

use chrono::{DateTime, NaiveTime, TimeDelta, Utc};
use chrono_tz::Tz;
use deskql::domain::roles::Role;
use serde_json::{Value, json};

use crate::common::{TestApp, error_code};

const STATS: &str = r#"query($input: TicketStatsInput!) { ticketStats(input: $input) {
  total openNow unassignedNow
  byStatus { status count } byPriority { priority count } bySource { source count }
  byCategory { category { slug } count } byAssignee { assignee { id } count }
  firstResponse { businessMinutes { count mean median p90 } wallMinutes { count mean median p90 } }
  resolution { businessMinutes { count } wallMinutes { count median } }
  resolutionRate reopenRate
  sla { metric total met breached compliance }
  satisfaction { average responses responseRate }
  volume { start created resolved }
  agents { agent { id } assigned resolved medianFirstResponseMinutes satisfactionAverage }
} }"#;
const UPDATE: &str = r#"mutation($id: ID!, $input: UpdateTicketInput!) { updateTicket(id: $id, input: $input) { status } }"#;
const ASSIGN: &str =
    r#"mutation($id: ID!, $to: ID) { assignTicket(id: $id, input: { assigneeId: $to }) { id } }"#;
const REPLY: &str = r#"mutation($id: ID!) { addTicketMessage(ticketId: $id, input: { body: "On it." }) { message { id } } }"#;
const RATE: &str =
    r#"mutation($id: ID!) { rateTicket(ticketId: $id, input: { score: 4 }) { score } }"#;

async fn ok(app: &TestApp, token: &str, query: &str, variables: Value) -> Value {
    let body = app.gql(Some(token), query, variables).await;
    assert!(body["errors"].is_null(), "{query}: {body}");
    body["data"].clone()
}

fn count_of(list: &Value, key: &str, value: &Value) -> i64 {
    list.as_array()
        .expect("list")
        .iter()
        .find(|row| &row[key] == value)
        .map_or(0, |row| row["count"].as_i64().expect("count"))
}

fn period() -> Value {
    let now = Utc::now();
    json!({ "from": now - TimeDelta::hours(1), "to": now + TimeDelta::hours(1) })
}

#[tokio::test]
async fn the_report_counts_what_happened_through_the_api() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    let ana = app.user_with_role("ana", Role::Moderator, &[]).await;
    let ben = app.user_with_role("ben", Role::Moderator, &[]).await;
    let owner = app.sign_up("owner").await;
    ok(&app, &admin.token, "mutation { upsertSlaPolicy(input: { name: \"Medium\", priority: MEDIUM, firstResponseMinutes: 60, resolutionMinutes: 600 }) { id } }", json!({})).await;
    let mut ids = Vec::new();
    for title in [
        "Answered and resolved",
        "Resolved then reopened",
        "Waiting in line",
        "Nobody's yet",
    ] {
        ids.push(app.create_ticket(&owner, title).await["id"].clone());
    }
    // 1: Ana answers, resolves; the owner rates it.
    ok(
        &app,
        &admin.token,
        ASSIGN,
        json!({ "id": ids[0], "to": ana.id }),
    )
    .await;
    ok(&app, &ana.token, REPLY, json!({ "id": ids[0] })).await;
    ok(
        &app,
        &ana.token,
        UPDATE,
        json!({ "id": ids[0], "input": { "status": "RESOLVED" } }),
    )
    .await;
    ok(&app, &owner.token, RATE, json!({ "id": ids[0] })).await;
    // 2: Ana resolves without a reply; it is reopened.
    ok(
        &app,
        &admin.token,
        ASSIGN,
        json!({ "id": ids[1], "to": ana.id }),
    )
    .await;
    ok(
        &app,
        &ana.token,
        UPDATE,
        json!({ "id": ids[1], "input": { "status": "RESOLVED" } }),
    )
    .await;
    ok(
        &app,
        &ana.token,
        UPDATE,
        json!({ "id": ids[1], "input": { "status": "IN_PROGRESS" } }),
    )
    .await;
    // 3: Ben's, untouched. 4: unassigned, raised to HIGH (no policy for HIGH).
    ok(
        &app,
        &admin.token,
        ASSIGN,
        json!({ "id": ids[2], "to": ben.id }),
    )
    .await;
    ok(
        &app,
        &admin.token,
        UPDATE,
        json!({ "id": ids[3], "input": { "priority": "HIGH" } }),
    )
    .await;

    let stats =
        ok(&app, &admin.token, STATS, json!({ "input": period() })).await["ticketStats"].clone();
    assert_eq!(stats["total"], 4, "{stats}");
    assert_eq!(stats["openNow"], 3);
    assert_eq!(stats["unassignedNow"], 1);
    assert_eq!(
        count_of(&stats["byStatus"], "status", &json!("RESOLVED")),
        1
    );
    assert_eq!(
        count_of(&stats["byStatus"], "status", &json!("IN_PROGRESS")),
        1
    );
    assert_eq!(count_of(&stats["byStatus"], "status", &json!("TODO")), 2);
    assert_eq!(
        count_of(&stats["byPriority"], "priority", &json!("MEDIUM")),
        3
    );
    assert_eq!(
        count_of(&stats["byPriority"], "priority", &json!("HIGH")),
        1
    );
    assert_eq!(count_of(&stats["bySource"], "source", &json!("PORTAL")), 4);
    assert_eq!(
        count_of(
            &stats["byCategory"],
            "category",
            &json!({ "slug": "general" })
        ),
        4
    );
    assert_eq!(
        count_of(&stats["byAssignee"], "assignee", &json!({ "id": ana.id })),
        2
    );
    assert_eq!(
        count_of(&stats["byAssignee"], "assignee", &json!({ "id": ben.id })),
        1
    );
    assert_eq!(count_of(&stats["byAssignee"], "assignee", &Value::Null), 1);

    let first = &stats["firstResponse"];
    assert_eq!(first["wallMinutes"]["count"], 1, "{first}");
    assert_eq!(
        first["businessMinutes"]["count"], 1,
        "24×7: business time is measured too"
    );
    let wall = first["wallMinutes"]["mean"].as_f64().expect("mean");
    let business = first["businessMinutes"]["mean"].as_f64().expect("mean");
    assert!(
        (0.0..1.0).contains(&wall) && (wall - business).abs() < 0.05,
        "{first}"
    );
    assert_eq!(
        stats["resolution"]["wallMinutes"]["count"], 1,
        "the reopened one is not resolved"
    );
    assert_eq!(stats["resolutionRate"], 0.25);
    assert_eq!(
        stats["reopenRate"], 0.5,
        "one of the two resolved tickets came back"
    );
    assert_eq!(
        stats["sla"],
        json!([
            { "metric": "FIRST_RESPONSE", "total": 3, "met": 1, "breached": 0, "compliance": 1.0 },
            { "metric": "RESOLUTION", "total": 3, "met": 1, "breached": 0, "compliance": 1.0 },
        ])
    );
    assert_eq!(
        stats["satisfaction"],
        json!({ "average": 4.0, "responses": 1, "responseRate": 1.0 })
    );
    let agents = stats["agents"].as_array().expect("agents");
    assert_eq!(agents.len(), 2, "{agents:?}");
    assert_eq!(agents[0]["agent"]["id"], json!(ana.id));
    assert_eq!(
        (agents[0]["assigned"].clone(), agents[0]["resolved"].clone()),
        (json!(2), json!(1))
    );
    assert_eq!(agents[0]["satisfactionAverage"], 4.0);
    assert!(agents[0]["medianFirstResponseMinutes"].is_number());
    assert_eq!(
        (agents[1]["assigned"].clone(), agents[1]["resolved"].clone()),
        (json!(1), json!(0))
    );

    // Moderators see their own rows only.
    let mine =
        ok(&app, &ana.token, STATS, json!({ "input": period() })).await["ticketStats"].clone();
    assert_eq!(mine["total"], 2, "{mine}");
    assert_eq!(mine["agents"].as_array().map(Vec::len), Some(1));
    let refused = app
        .gql(Some(&owner.token), STATS, json!({ "input": period() }))
        .await;
    assert_eq!(error_code(&refused), "FORBIDDEN", "{refused}");
}

#[tokio::test]
async fn the_volume_series_has_every_bucket_of_the_callers_time_zone() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    let owner = app.sign_up("owner").await;
    for title in ["First of today", "Second of today"] {
        app.create_ticket(&owner, title).await;
    }
    let zone: Tz = "Asia/Kolkata".parse().expect("zone");
    let now = Utc::now();
    let (from, to) = (now - TimeDelta::days(3), now + TimeDelta::hours(1));
    let stats = ok(
        &app,
        &admin.token,
        STATS,
        json!({ "input": {
        "from": from, "to": to, "timeZone": "Asia/Kolkata", "bucket": "DAY" } }),
    )
    .await["ticketStats"]
        .clone();
    let volume = stats["volume"].as_array().expect("volume");
    let first_day = from.with_timezone(&zone).date_naive();
    let last_day = (to - TimeDelta::microseconds(1))
        .with_timezone(&zone)
        .date_naive();
    let days = (last_day - first_day).num_days() + 1;
    assert_eq!(volume.len() as i64, days, "{volume:?}");
    for (i, bucket) in volume.iter().enumerate() {
        let start: DateTime<Utc> = bucket["start"]
            .as_str()
            .and_then(|s| s.parse().ok())
            .expect("start");
        let local = start.with_timezone(&zone);
        assert_eq!(
            local.date_naive(),
            first_day + TimeDelta::days(i as i64),
            "{bucket}"
        );
        assert_eq!(
            local.time(),
            NaiveTime::MIN,
            "buckets start at local midnight: {bucket}"
        );
    }
    let today = now.with_timezone(&zone).date_naive();
    let created: Vec<i64> = volume
        .iter()
        .map(|b| b["created"].as_i64().expect("created"))
        .collect();
    let today_index = (today - first_day).num_days() as usize;
    assert_eq!(created[today_index], 2, "{created:?}");
    assert_eq!(
        created.iter().sum::<i64>(),
        2,
        "the other buckets are there, empty"
    );

    for (field, input) in [
        (
            "to",
            json!({ "from": now, "to": now - TimeDelta::hours(1) }),
        ),
        (
            "to",
            json!({ "from": now - TimeDelta::days(400), "to": now }),
        ),
        (
            "timeZone",
            json!({ "from": from, "to": to, "timeZone": "Moon/Base" }),
        ),
        (
            "bucket",
            json!({ "from": now - TimeDelta::days(40), "to": now, "bucket": "HOUR" }),
        ),
    ] {
        let body = app
            .gql(Some(&admin.token), STATS, json!({ "input": input }))
            .await;
        assert_eq!(error_code(&body), "BAD_USER_INPUT", "{field}: {body}");
        assert_eq!(body["errors"][0]["extensions"]["field"], field, "{body}");
    }
}
