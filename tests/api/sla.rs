//! SLA: admins manage calendars and policies; each ticket's clock follows its status, priority
//! and first reply; warnings and breaches are events and emails, recorded once.

use std::time::Duration;

use chrono::{DateTime, Utc};
use deskql::domain::roles::Role;
use deskql::services::sla::{DeadlineJob, DeadlineKind};
use serde_json::{Value, json};

use crate::common::mail::SmtpSink;
use crate::common::ws::WsClient;
use crate::common::{TestApp, error_code, eventually, pipeline_config};

const UPSERT_CALENDAR: &str = r#"mutation($input: BusinessCalendarInput!) {
  upsertBusinessCalendar(input: $input) { id name timeZone isDefault openingHours { day start end } holidays }
}"#;
const UPSERT_POLICY: &str = r#"mutation($input: SlaPolicyInput!) {
  upsertSlaPolicy(input: $input) { id name priority category { slug } firstResponseMinutes resolutionMinutes calendarId }
}"#;
const SLA: &str = r#"query($id: ID!) { ticket(id: $id) { createdAt sla {
  policy { name } state firstResponseDueAt resolutionDueAt firstResponseBreachedAt
  resolutionBreachedAt paused businessMinutesLeft } } }"#;
const UPDATE: &str = r#"mutation($id: ID!, $input: UpdateTicketInput!) { updateTicket(id: $id, input: $input) { status priority } }"#;
const REPLY: &str = r#"mutation($id: ID!, $body: String!) { addTicketMessage(ticketId: $id, input: { body: $body }) { message { id } } }"#;
const LIST: &str = r#"query($filter: TicketFilterInput, $order: TicketOrder) {
  tickets(filter: $filter, orderBy: $order, first: 50) { totalCount nodes { id } } }"#;

fn time(value: &Value) -> DateTime<Utc> {
    value
        .as_str()
        .and_then(|t| DateTime::parse_from_rfc3339(t).ok())
        .unwrap_or_else(|| panic!("not a time: {value}"))
        .to_utc()
}

async fn policy(app: &TestApp, token: &str, input: Value) -> Value {
    let body = app
        .gql(Some(token), UPSERT_POLICY, json!({ "input": input }))
        .await;
    assert!(body["data"]["upsertSlaPolicy"].is_object(), "{body}");
    body["data"]["upsertSlaPolicy"].clone()
}

async fn file_ticket(app: &TestApp, token: &str, title: &str, priority: &str) -> String {
    let body = app
        .gql(
            Some(token),
            crate::common::CREATE_TICKET,
            json!({ "input": { "title": title, "priority": priority,
                "description": "Checkout fails with a server error every time." } }),
        )
        .await;
    body["data"]["createTicket"]["id"]
        .as_str()
        .unwrap_or_else(|| panic!("create failed: {body}"))
        .to_owned()
}

#[tokio::test]
async fn admins_manage_calendars_and_policies_with_typed_errors() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    let moderator = app.user_with_role("mod", Role::Moderator, &[]).await;
    let office = json!({ "name": "Berlin office", "timeZone": "Europe/Berlin", "isDefault": true,
        "openingHours": [{ "day": "MONDAY", "start": "09:00", "end": "17:00" },
                         { "day": "FRIDAY", "start": "22:00", "end": "06:00" }],
        "holidays": ["2026-12-25"] });

    let refused = app
        .gql(
            Some(&moderator.token),
            UPSERT_CALENDAR,
            json!({ "input": office }),
        )
        .await;
    assert_eq!(error_code(&refused), "FORBIDDEN", "{refused}");
    let bad_inputs = [
        ("timeZone", json!({ "timeZone": "Mars/Olympus" })),
        (
            "openingHours.start",
            json!({ "openingHours": [{ "day": "MONDAY", "start": "25:00", "end": "17:00" }] }),
        ),
        ("openingHours", json!({ "openingHours": [] })),
        ("name", json!({ "name": "" })),
    ];
    for (field, change) in bad_inputs {
        let mut input = office.clone();
        for (key, value) in change.as_object().expect("object") {
            input[key] = value.clone();
        }
        let body = app
            .gql(
                Some(&admin.token),
                UPSERT_CALENDAR,
                json!({ "input": input }),
            )
            .await;
        assert_eq!(error_code(&body), "BAD_USER_INPUT", "{field}: {body}");
        assert_eq!(body["errors"][0]["extensions"]["field"], field, "{body}");
    }
    let created = app
        .gql(
            Some(&admin.token),
            UPSERT_CALENDAR,
            json!({ "input": office }),
        )
        .await;
    let calendar = &created["data"]["upsertBusinessCalendar"];
    assert_eq!(calendar["isDefault"], true, "{created}");
    assert_eq!(calendar["openingHours"][1]["end"], "06:00");
    assert_eq!(calendar["holidays"], json!(["2026-12-25"]));
    // The same name replaces the calendar instead of making a second one.
    let again = app
        .gql(
            Some(&admin.token),
            UPSERT_CALENDAR,
            json!({ "input": office }),
        )
        .await;
    assert_eq!(
        again["data"]["upsertBusinessCalendar"]["id"],
        calendar["id"]
    );
    assert_eq!(app.count_rows("business_calendars").await, 1);

    let bad_policies = [
        (
            "firstResponseMinutes",
            json!({ "name": "x", "priority": "HIGH" }),
        ),
        (
            "resolutionMinutes",
            json!({ "name": "x", "priority": "HIGH", "resolutionMinutes": 0 }),
        ),
        (
            "category",
            json!({ "name": "x", "priority": "HIGH", "firstResponseMinutes": 5, "category": "nope" }),
        ),
        (
            "calendarId",
            json!({ "name": "x", "priority": "HIGH", "firstResponseMinutes": 5,
            "calendarId": "00000000-0000-0000-0000-000000000000" }),
        ),
    ];
    for (field, input) in bad_policies {
        let body = app
            .gql(Some(&admin.token), UPSERT_POLICY, json!({ "input": input }))
            .await;
        assert_eq!(error_code(&body), "BAD_USER_INPUT", "{field}: {body}");
        assert_eq!(body["errors"][0]["extensions"]["field"], field, "{body}");
    }
    let first = policy(
        &app,
        &admin.token,
        json!({ "name": "High", "priority": "HIGH",
        "firstResponseMinutes": 60, "resolutionMinutes": 480, "calendarId": calendar["id"] }),
    )
    .await;
    let replaced = policy(
        &app,
        &admin.token,
        json!({ "name": "High v2", "priority": "HIGH",
        "firstResponseMinutes": 30 }),
    )
    .await;
    assert_eq!(
        replaced["id"], first["id"],
        "one policy per priority and category"
    );
    assert_eq!(replaced["resolutionMinutes"], Value::Null);
    let billing = policy(
        &app,
        &admin.token,
        json!({ "name": "High billing", "priority": "HIGH",
        "category": "billing", "firstResponseMinutes": 15, "calendarId": calendar["id"] }),
    )
    .await;
    assert_ne!(billing["id"], first["id"]);
    let clash = app
        .gql(
            Some(&admin.token),
            UPSERT_POLICY,
            json!({ "input": { "id": first["id"], "name": "x",
            "priority": "HIGH", "category": "billing", "firstResponseMinutes": 5 } }),
        )
        .await;
    assert_eq!(error_code(&clash), "CONFLICT", "{clash}");

    let in_use = app
        .gql(
            Some(&admin.token),
            "mutation($id: ID!) { deleteBusinessCalendar(id: $id) }",
            json!({ "id": calendar["id"] }),
        )
        .await;
    assert_eq!(error_code(&in_use), "CONFLICT", "{in_use}");
    let listed = app
        .gql(
            Some(&admin.token),
            "{ slaPolicies { name } businessCalendars { name } }",
            json!({}),
        )
        .await;
    assert_eq!(
        listed["data"]["slaPolicies"].as_array().map(Vec::len),
        Some(2),
        "{listed}"
    );
    let deleted = app
        .gql(
            Some(&admin.token),
            "mutation($id: ID!) { deleteSlaPolicy(id: $id) }",
            json!({ "id": billing["id"] }),
        )
        .await;
    assert_eq!(deleted["data"]["deleteSlaPolicy"], true, "{deleted}");
    let missing = app
        .gql(
            Some(&admin.token),
            "mutation($id: ID!) { deleteSlaPolicy(id: $id) }",
            json!({ "id": billing["id"] }),
        )
        .await;
    assert_eq!(error_code(&missing), "NOT_FOUND", "{missing}");
}

#[tokio::test]
async fn the_clock_pauses_stops_and_follows_the_priority() {
    let app = TestApp::spawn().await;
    let admin = app.admin().await;
    let agent = app.user_with_role("agent", Role::Moderator, &[]).await;
    let owner = app.sign_up("owner").await;
    // No calendar: 24×7, so due times are plain arithmetic on the creation time.
    policy(
        &app,
        &admin.token,
        json!({ "name": "High", "priority": "HIGH",
        "firstResponseMinutes": 60, "resolutionMinutes": 240 }),
    )
    .await;
    policy(
        &app,
        &admin.token,
        json!({ "name": "Urgent", "priority": "URGENT",
        "firstResponseMinutes": 15, "resolutionMinutes": 120 }),
    )
    .await;
    let id = file_ticket(&app, &owner.token, "Checkout broken", "HIGH").await;
    let uncovered = file_ticket(&app, &owner.token, "Typo on the about page", "LOW").await;

    let read = || async {
        let body = app.gql(Some(&agent.token), SLA, json!({ "id": id })).await;
        assert!(body["errors"].is_null(), "{body}");
        body["data"]["ticket"].clone()
    };
    let ticket = read().await;
    let created = time(&ticket["createdAt"]);
    let sla = &ticket["sla"];
    assert_eq!(sla["policy"]["name"], "High", "{ticket}");
    assert_eq!(sla["state"], "ON_TRACK");
    assert_eq!(sla["paused"], false);
    let first_due = time(&sla["firstResponseDueAt"]);
    assert!(
        (first_due - created).num_seconds().abs() - 3600 <= 1,
        "{sla}"
    );
    assert!((time(&sla["resolutionDueAt"]) - created).num_seconds() - 4 * 3600 <= 1);
    let left = sla["businessMinutesLeft"].as_i64().expect("minutes left");
    assert!((58..=60).contains(&left), "{sla}");

    let user_view = app.gql(Some(&owner.token), SLA, json!({ "id": id })).await;
    assert_eq!(
        error_code(&user_view),
        "FORBIDDEN",
        "requesters do not see the SLA"
    );
    let user_filter = app
        .gql(
            Some(&owner.token),
            LIST,
            json!({ "filter": { "slaState": "ON_TRACK" } }),
        )
        .await;
    assert_eq!(error_code(&user_filter), "BAD_USER_INPUT", "{user_filter}");
    let none = app
        .gql(Some(&agent.token), SLA, json!({ "id": uncovered }))
        .await;
    assert_eq!(none["data"]["ticket"]["sla"], Value::Null, "{none}");

    // Waiting for the customer stops both clocks; coming back resumes them with time banked.
    let waiting = app
        .gql(
            Some(&agent.token),
            UPDATE,
            json!({ "id": id, "input": { "status": "WAITING_FOR_CUSTOMER" } }),
        )
        .await;
    assert!(waiting["errors"].is_null(), "{waiting}");
    let paused = read().await["sla"].clone();
    assert_eq!(paused["paused"], true, "{paused}");
    assert_eq!(paused["firstResponseDueAt"], Value::Null);
    assert_eq!(paused["resolutionDueAt"], Value::Null);
    app.gql(
        Some(&agent.token),
        UPDATE,
        json!({ "id": id, "input": { "status": "IN_PROGRESS" } }),
    )
    .await;
    let resumed = read().await["sla"].clone();
    assert_eq!(resumed["paused"], false, "{resumed}");
    assert!(
        time(&resumed["firstResponseDueAt"]) >= first_due,
        "{resumed}"
    );

    // The first public staff reply stops the first-response clock only.
    let reply = app
        .gql(
            Some(&agent.token),
            REPLY,
            json!({ "id": id, "body": "Looking into it now." }),
        )
        .await;
    assert!(reply["errors"].is_null(), "{reply}");
    let answered = read().await["sla"].clone();
    assert_eq!(answered["firstResponseDueAt"], Value::Null, "{answered}");
    assert!(answered["resolutionDueAt"].is_string());

    // A priority change re-evaluates the policy: URGENT's two hours run from the creation.
    app.gql(
        Some(&agent.token),
        UPDATE,
        json!({ "id": id, "input": { "priority": "URGENT" } }),
    )
    .await;
    let urgent = read().await["sla"].clone();
    assert_eq!(urgent["policy"]["name"], "Urgent", "{urgent}");
    assert!(
        (time(&urgent["resolutionDueAt"]) - created).num_seconds() - 2 * 3600 <= 5,
        "{urgent}"
    );

    // Lists: the covered ticket is on track; the uncovered one matches no SLA state; sorting
    // by the nearest deadline puts the covered one first.
    let on_track = app
        .gql(
            Some(&agent.token),
            LIST,
            json!({ "filter": { "slaState": "ON_TRACK" } }),
        )
        .await;
    assert_eq!(
        on_track["data"]["tickets"]["nodes"],
        json!([{ "id": id }]),
        "{on_track}"
    );
    let searched = app
        .gql(
            Some(&agent.token),
            r#"query($f: TicketFilterInput) { searchTickets(query: "checkout", filter: $f) { totalCount } }"#,
            json!({ "f": { "slaState": "ON_TRACK" } }),
        )
        .await;
    assert_eq!(
        searched["data"]["searchTickets"]["totalCount"], 1,
        "{searched}"
    );
    let searched_breached = app
        .gql(
            Some(&agent.token),
            r#"query($f: TicketFilterInput) { searchTickets(query: "checkout", filter: $f) { totalCount } }"#,
            json!({ "f": { "slaState": "BREACHED" } }),
        )
        .await;
    assert_eq!(
        searched_breached["data"]["searchTickets"]["totalCount"], 0,
        "{searched_breached}"
    );
    for state in ["BREACHED", "AT_RISK"] {
        let body = app
            .gql(
                Some(&agent.token),
                LIST,
                json!({ "filter": { "slaState": state } }),
            )
            .await;
        assert_eq!(body["data"]["tickets"]["totalCount"], 0, "{state}: {body}");
    }
    let sorted = app
        .gql(
            Some(&agent.token),
            LIST,
            json!({ "order": { "field": "SLA_DUE", "direction": "ASC" } }),
        )
        .await;
    assert_eq!(
        sorted["data"]["tickets"]["nodes"],
        json!([{ "id": id }, { "id": uncovered }]),
        "{sorted}"
    );

    // Resolving stops the resolution clock; a reopen starts it again.
    app.gql(
        Some(&agent.token),
        UPDATE,
        json!({ "id": id, "input": { "status": "RESOLVED" } }),
    )
    .await;
    let resolved = read().await["sla"].clone();
    assert_eq!(resolved["resolutionDueAt"], Value::Null, "{resolved}");
    assert_eq!(resolved["businessMinutesLeft"], Value::Null);
    app.gql(
        Some(&agent.token),
        UPDATE,
        json!({ "id": id, "input": { "status": "IN_PROGRESS" } }),
    )
    .await;
    let reopened = read().await["sla"].clone();
    assert!(reopened["resolutionDueAt"].is_string(), "{reopened}");
}

/// The shortest real target (one minute, 24×7): the warning at 80 % and the breach arrive as
/// events on the live subscription and as emails to the admin (nobody is assigned); running a
/// job again, or one for a deadline that has moved, records nothing more.
#[tokio::test]
async fn a_missed_target_fires_a_warning_and_a_breach_exactly_once() {
    let sink = SmtpSink::start();
    let mut config = pipeline_config();
    config.pipeline.smtp_url = Some(sink.url().into());
    let app = TestApp::spawn_with(config).await;
    let admin = app.admin().await;
    let owner = app.sign_up("owner").await;
    policy(
        &app,
        &admin.token,
        json!({ "name": "Urgent", "priority": "URGENT",
        "firstResponseMinutes": 1 }),
    )
    .await;
    let id = file_ticket(&app, &owner.token, "Production is down", "URGENT").await;

    let mut ws = WsClient::connect(&app, &admin.token).await;
    ws.subscribe(
        "1",
        "subscription($t: ID) { ticketEvents(ticketId: $t, after: \"0\") { kind toValue occurredAt } }",
        json!({ "t": id }),
    )
    .await;
    let mut sla_events = Vec::new();
    while sla_events.len() < 2 {
        let event = ws.next_event_within(Duration::from_secs(120)).await;
        let event = event["data"]["ticketEvents"].clone();
        if event["kind"]
            .as_str()
            .is_some_and(|k| k.starts_with("SLA_"))
        {
            sla_events.push(event);
        }
    }
    assert_eq!(sla_events[0]["kind"], "SLA_WARNING", "{sla_events:?}");
    assert_eq!(sla_events[1]["kind"], "SLA_BREACHED", "{sla_events:?}");
    assert_eq!(sla_events[1]["toValue"], "FIRST_RESPONSE");

    let ticket = app.gql(Some(&admin.token), SLA, json!({ "id": id })).await;
    let sla = &ticket["data"]["ticket"]["sla"];
    assert_eq!(sla["state"], "BREACHED", "{ticket}");
    let created = time(&ticket["data"]["ticket"]["createdAt"]);
    let breached_at = time(&sla["firstResponseBreachedAt"]);
    assert!((breached_at - created).num_seconds() - 60 <= 1, "{sla}");
    assert!(
        sla["businessMinutesLeft"].as_i64().is_some_and(|m| m <= 0),
        "{sla}"
    );
    let listed = app
        .gql(
            Some(&admin.token),
            LIST,
            json!({ "filter": { "slaState": "BREACHED" } }),
        )
        .await;
    assert_eq!(
        listed["data"]["tickets"]["nodes"],
        json!([{ "id": id }]),
        "{listed}"
    );

    eventually("the SLA emails", || async {
        app.count_rows("email_deliveries WHERE kind IN ('SLA_WARNING', 'SLA_BREACHED')")
            .await
            == 2
    })
    .await;
    let subjects: Vec<String> = sink.received().iter().map(|m| m.subject()).collect();
    assert!(
        subjects.iter().any(|s| s.contains("SLA breached")),
        "{subjects:?}"
    );

    // The same breach job again, and a warning for an instant that is no longer the deadline.
    let ticket_id = id.parse().expect("uuid");
    let again = DeadlineJob {
        ticket_id,
        metric: "FIRST_RESPONSE".into(),
        kind: DeadlineKind::Breach,
        at: breached_at,
    };
    deskql::services::sla::fire(&app.state, &again)
        .await
        .expect("fire again");
    let stale = DeadlineJob {
        kind: DeadlineKind::Warning,
        at: breached_at + chrono::TimeDelta::minutes(5),
        ..again
    };
    deskql::services::sla::fire(&app.state, &stale)
        .await
        .expect("stale job");
    assert_eq!(
        app.count_rows(&format!(
            "ticket_events WHERE ticket_id = '{id}' AND kind LIKE 'SLA_%'"
        ))
        .await,
        2
    );
}

/// Open tickets filed before a policy existed get its clock once the background
/// re-evaluation has run; resolved ones are left as they were.
#[tokio::test]
async fn a_new_policy_applies_to_open_tickets_in_the_background() {
    let app = TestApp::spawn_with(pipeline_config()).await;
    let admin = app.admin().await;
    let owner = app.sign_up("owner").await;
    let open = file_ticket(&app, &owner.token, "Still broken", "LOW").await;
    let done = file_ticket(&app, &owner.token, "Already fixed", "LOW").await;
    // Triage may change priorities; let it finish first, and cover every priority.
    eventually("triage and assignment", || async {
        app.count_rows(
            "graphile_worker.jobs WHERE task_identifier IN ('triage_ticket', 'assign_ticket')",
        )
        .await
            == 0
    })
    .await;
    let resolved = app
        .gql(
            Some(&admin.token),
            UPDATE,
            json!({ "id": done, "input": { "status": "RESOLVED" } }),
        )
        .await;
    assert!(resolved["errors"].is_null(), "{resolved}");

    for priority in ["LOW", "MEDIUM", "HIGH", "URGENT"] {
        policy(
            &app,
            &admin.token,
            json!({ "name": "Two days", "priority": priority,
            "resolutionMinutes": 2880 }),
        )
        .await;
    }
    eventually("the open ticket's clock follows the new policy", || async {
        let body = app
            .gql(Some(&admin.token), SLA, json!({ "id": open }))
            .await;
        body["data"]["ticket"]["sla"]["policy"]["name"] == "Two days"
    })
    .await;
    let ticket = app
        .gql(Some(&admin.token), SLA, json!({ "id": open }))
        .await;
    let ticket = &ticket["data"]["ticket"];
    let due = time(&ticket["sla"]["resolutionDueAt"]);
    assert!(
        (due - time(&ticket["createdAt"])).num_seconds() - 2 * 86_400 <= 1,
        "{ticket}"
    );
    assert_eq!(
        ticket["sla"]["firstResponseDueAt"],
        Value::Null,
        "no first-response target"
    );
    let untouched = app
        .gql(Some(&admin.token), SLA, json!({ "id": done }))
        .await;
    assert_eq!(
        untouched["data"]["ticket"]["sla"],
        Value::Null,
        "{untouched}"
    );
}
