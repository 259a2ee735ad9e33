//! Deterministic demo and benchmark data: the same arguments always produce the same rows
//! (ids are derived from the row number), so benchmark runs are comparable.

use diesel::sql_types::{Integer, Text};
use diesel_async::{AsyncConnection, RunQueryDsl};

use crate::app::AppState;
use crate::auth::password;

/// Every demo account shares this password (printed by `deskql seed-demo`).
pub const DEMO_PASSWORD: &str = "deskql-demo-password";
pub const ADMINS: i32 = 5;
pub const MODERATORS: i32 = 50;

const SEED_USERS: &str = r#"
INSERT INTO users (id, email, name, password_hash, role, skills, created_at)
SELECT md5('deskql-demo-user-' || i)::uuid,
       CASE WHEN i <= $2 THEN 'admin' || i
            WHEN i <= $2 + $3 THEN 'moderator' || (i - $2)
            ELSE 'user' || (i - $2 - $3) END || '@demo.deskql.test',
       CASE WHEN i <= $2 THEN 'Admin ' || i
            WHEN i <= $2 + $3 THEN 'Moderator ' || (i - $2)
            ELSE 'User ' || (i - $2 - $3) END,
       $4,
       CASE WHEN i <= $2 THEN 'ADMIN' WHEN i <= $2 + $3 THEN 'MODERATOR' ELSE 'USER' END,
       CASE WHEN i > $2 AND i <= $2 + $3 THEN
           ARRAY[(ARRAY['billing','database','ui','networking','security','mobile','email','api'])[1 + i % 8],
                 (ARRAY['postgres','react','payments','auth','linux','ios','android','sso'])[1 + (i / 8) % 8]]
       ELSE '{}' END,
       now() - make_interval(days => 400) + make_interval(mins => i)
FROM generate_series(1, $1) AS i
ON CONFLICT (email) DO NOTHING
"#;

const SEED_TICKETS: &str = r#"
INSERT INTO tickets (id, number, title, description, status, priority, category_id, source,
    requester_id, requester_name, requester_email, created_by_id, assignee_id,
    created_at, updated_at, resolved_at, closed_at)
-- A UUIDv7 of the creation time, as the server makes them: ids, creation order and the
-- table's physical order agree, as they do in a real deployment.
SELECT (lpad(to_hex((extract(epoch FROM t.created_at) * 1000)::bigint), 12, '0') || '7'
        || substr(md5('deskql-demo-ticket-' || t.i), 1, 3) || '8'
        || substr(md5('deskql-demo-ticket-' || t.i), 4, 15))::uuid,
       'TKT-' || t.year || '-' || CASE WHEN t.seq < 10000 THEN lpad(t.seq::text, 4, '0') ELSE t.seq::text END,
       (ARRAY['Cannot log in', 'Invoice shows the wrong amount', 'Dashboard loads slowly',
              'Password reset email never arrives', 'App crashes on startup', 'Feature request: dark mode',
              'Export to CSV is empty', 'Payment failed twice'])[1 + t.i % 8] || ' (#' || t.i || ')',
       'Demo ticket ' || t.i || '. Steps to reproduce: open the page, click the button, see the error. '
           || 'Expected it to work; it did not.',
       t.status,
       (ARRAY['LOW', 'MEDIUM', 'MEDIUM', 'HIGH', 'URGENT'])[1 + t.i % 5],
       (SELECT id FROM categories ORDER BY slug OFFSET (t.i % 8) LIMIT 1),
       (ARRAY['PORTAL', 'PORTAL', 'GUEST', 'EMAIL', 'STAFF', 'AI_ASSISTANT'])[1 + t.i % 6],
       u.id, u.name, u.email, u.id,
       CASE WHEN t.status = 'TODO' THEN NULL ELSE md5('deskql-demo-user-' || ($2 + 1 + t.i % $3))::uuid END,
       t.created_at, t.created_at + interval '1 hour',
       CASE WHEN t.status IN ('RESOLVED', 'CLOSED') THEN t.created_at + interval '1 day' END,
       CASE WHEN t.status = 'CLOSED' THEN t.created_at + interval '2 days' END
FROM (
    SELECT s.*,
           COALESCE((SELECT last_value FROM ticket_counters c WHERE c.year = s.year), 0)
               + row_number() OVER (PARTITION BY s.year ORDER BY s.i) AS seq
    FROM (
        SELECT i, created_at, extract(year FROM created_at AT TIME ZONE 'UTC')::int AS year,
               (ARRAY['TODO', 'IN_PROGRESS', 'WAITING_FOR_CUSTOMER', 'ON_HOLD', 'RESOLVED', 'CLOSED', 'CANCELLED'])[1 + i % 7] AS status
        FROM generate_series(1, $1) AS i,
             LATERAL (SELECT now() - make_interval(secs => ($1 - i) * 300) AS created_at) AS c
    ) AS s
) AS t
JOIN users u ON u.id = md5('deskql-demo-user-' || ($2 + $3 + 1 + t.i % GREATEST($4 - $2 - $3, 1)))::uuid
"#;

const SEED_EVENTS: &str = r#"
INSERT INTO ticket_events (ticket_id, kind, to_value, actor_id, occurred_at)
SELECT id, 'CREATED', 'TODO', created_by_id, created_at FROM tickets
WHERE requester_email LIKE '%@demo.deskql.test'
"#;

/// A staff reply on every assigned demo ticket (every tenth an internal note), so thread
/// search has realistic data. Deterministic ids make it safe to run again.
const SEED_MESSAGES: &str = r#"
INSERT INTO ticket_messages (id, ticket_id, author_id, author_role, author_name, internal, body,
    body_html, created_at)
SELECT md5('deskql-demo-message-' || t.id)::uuid, t.id, t.assignee_id, 'STAFF', 'Support team',
       m.internal, m.body, '<p>' || m.body || '</p>', t.created_at + interval '30 minutes'
FROM (SELECT *, row_number() OVER (ORDER BY id) AS n FROM tickets
      WHERE requester_email LIKE '%@demo.deskql.test' AND assignee_id IS NOT NULL) AS t
CROSS JOIN LATERAL (SELECT t.n % 10 = 0 AS internal,
    (ARRAY['Please clear your browser cache and sign in again.',
           'We restarted the mail relay; the reset email should arrive within minutes.',
           'The refund was issued and takes five business days to show up.',
           'Could you send a screenshot of the error and your browser version?',
           'Our payment provider had an outage; please retry the payment.',
           'The export job was fixed in release 4.2; please try again.',
           'Dark mode is on our roadmap for the next quarter.',
           'The dashboard was slow because of a database migration; it is fast again.'])[1 + t.n % 8]
    AS body) AS m
ON CONFLICT (id) DO NOTHING
"#;

/// The first public reply is the first response.
const SEED_FIRST_RESPONSES: &str = r#"
UPDATE tickets t SET first_response_at = m.created_at
FROM ticket_messages m
WHERE m.ticket_id = t.id AND NOT m.internal AND t.first_response_at IS NULL
    AND t.requester_email LIKE '%@demo.deskql.test'
"#;

/// Both clocks of every demo ticket, as the application would have kept them with no policy
/// and no calendar (24×7): stopped clocks hold their elapsed time.
const SEED_CLOCKS: &str = r#"
INSERT INTO ticket_sla_clocks (ticket_id, metric, consumed_secs, running_since, stopped_at)
SELECT t.id, m.metric,
       CASE WHEN s.stop IS NULL THEN 0 ELSE extract(epoch FROM s.stop - t.created_at)::bigint END,
       CASE WHEN s.stop IS NULL AND t.status IN ('TODO', 'IN_PROGRESS') THEN t.created_at END,
       s.stop
FROM tickets t
CROSS JOIN (VALUES ('FIRST_RESPONSE'), ('RESOLUTION')) AS m(metric)
CROSS JOIN LATERAL (SELECT CASE m.metric
    WHEN 'FIRST_RESPONSE' THEN COALESCE(t.first_response_at, t.resolved_at)
    ELSE t.resolved_at END AS stop) AS s
WHERE t.requester_email LIKE '%@demo.deskql.test'
ON CONFLICT DO NOTHING
"#;

/// Every third resolution rated, scores spread over 1 to 5.
const SEED_RATINGS: &str = r#"
INSERT INTO ticket_ratings (ticket_id, resolved_at, score, rated_at, updated_at)
SELECT id, resolved_at, 1 + abs(hashtext(id::text)) % 5, resolved_at + interval '1 hour',
       resolved_at + interval '1 hour'
FROM tickets
WHERE requester_email LIKE '%@demo.deskql.test' AND resolved_at IS NOT NULL
    AND abs(hashtext(id::text)) % 3 = 0
ON CONFLICT DO NOTHING
"#;

/// What later releases derive from the demo tickets; each statement only fills what is
/// missing, so it also brings an older demo database up to date.
const SEED_DERIVED: [&str; 4] = [
    SEED_MESSAGES,
    SEED_FIRST_RESPONSES,
    SEED_CLOCKS,
    SEED_RATINGS,
];

const SEED_COUNTERS: &str = r#"
INSERT INTO ticket_counters (year, last_value)
SELECT split_part(number, '-', 2)::int, max(split_part(number, '-', 3)::int)
FROM tickets GROUP BY 1
ON CONFLICT (year) DO UPDATE SET last_value = GREATEST(ticket_counters.last_value, EXCLUDED.last_value)
"#;

pub async fn seed_demo(app: &AppState, users: u32, tickets: u32) -> anyhow::Result<String> {
    let users = i32::try_from(users)?;
    let tickets = i32::try_from(tickets)?;
    anyhow::ensure!(
        users > ADMINS + MODERATORS,
        "--users must exceed {} (admins and moderators)",
        ADMINS + MODERATORS
    );
    let progress = Progress::start();
    let hash = password::hash(&app.password_slots, DEMO_PASSWORD.to_owned()).await?;
    let mut conn = app.pool.get().await?;
    // Seeding inserts hundreds of thousands of rows per statement; the request-sized
    // statement timeout is not for this one-off command's connection.
    diesel::sql_query("SET statement_timeout = 0")
        .execute(&mut conn)
        .await?;
    let existing: i64 = diesel::select(diesel::dsl::sql::<diesel::sql_types::BigInt>(
        "(SELECT count(*) FROM tickets WHERE requester_email LIKE '%@demo.deskql.test')",
    ))
    .get_result(&mut conn)
    .await?;
    if existing > 0 {
        // Older demo databases predate threads, clocks and ratings; give them theirs, without
        // jobs or emails.
        let added = conn
            .transaction(async |conn| {
                diesel::sql_query("SET LOCAL session_replication_role = replica")
                    .execute(conn)
                    .await?;
                let mut added = 0;
                for statement in SEED_DERIVED {
                    added += diesel::sql_query(statement).execute(conn).await?;
                }
                Ok::<_, diesel::result::Error>(added)
            })
            .await?;
        return Ok(format!(
            "demo data already present ({existing} demo tickets; {added} derived rows added). \
             Password: {DEMO_PASSWORD}"
        ));
    }
    conn.transaction(async |conn| {
        // Bulk rows must not flood live subscribers with NOTIFYs.
        diesel::sql_query("SET LOCAL session_replication_role = replica")
            .execute(conn)
            .await?;
        progress.step(&format!("{users} users"));
        diesel::sql_query(SEED_USERS)
            .bind::<Integer, _>(users)
            .bind::<Integer, _>(ADMINS)
            .bind::<Integer, _>(MODERATORS)
            .bind::<Text, _>(&hash)
            .execute(conn)
            .await?;
        progress.step(&format!("{tickets} tickets"));
        diesel::sql_query(SEED_TICKETS)
            .bind::<Integer, _>(tickets)
            .bind::<Integer, _>(ADMINS)
            .bind::<Integer, _>(MODERATORS)
            .bind::<Integer, _>(users)
            .execute(conn)
            .await?;
        progress.step("their events");
        diesel::sql_query(SEED_EVENTS).execute(conn).await?;
        for (index, statement) in SEED_DERIVED.iter().enumerate() {
            progress.step(&format!(
                "threads, clocks and ratings ({}/{})",
                index + 1,
                SEED_DERIVED.len()
            ));
            diesel::sql_query(*statement).execute(conn).await?;
        }
        progress.step("ticket counters, then commit");
        diesel::sql_query(SEED_COUNTERS).execute(conn).await?;
        Ok::<_, diesel::result::Error>(())
    })
    .await?;
    progress.step("ANALYZE");
    diesel::sql_query("ANALYZE").execute(&mut conn).await?;
    progress.step("done");
    Ok(format!(
        "seeded {users} users ({ADMINS} admins: admin1..admin{ADMINS}@demo.deskql.test, \
         {MODERATORS} moderators: moderator1..@demo.deskql.test, the rest user1..@demo.deskql.test) \
         and {tickets} tickets. Every demo account's password: {DEMO_PASSWORD}"
    ))
}

/// Seeding runs minutes at a million tickets: on a terminal, each step is announced on
/// stderr with the time so far (a redirected run stays quiet).
struct Progress {
    started: std::time::Instant,
    terminal: bool,
}

impl Progress {
    fn start() -> Self {
        use std::io::IsTerminal;
        Self {
            started: std::time::Instant::now(),
            terminal: std::io::stderr().is_terminal(),
        }
    }

    fn step(&self, what: &str) {
        if self.terminal {
            eprintln!("[{:>6.1} s] {what}", self.started.elapsed().as_secs_f64());
        }
    }
}
