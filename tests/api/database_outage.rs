//! The real server process while its database refuses connections: signed-in and anonymous
//! requests answer a coded error with a request id, and the job workers do not flood the log.

use std::process::{Child, Command, Stdio};
use std::time::Duration;

use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use serde_json::json;

use crate::common::{PASSWORD, SIGN_UP, TestDatabase, eventually, post_graphql};

/// Ends the server process however the test ends (a failed assertion included).
struct KillOnDrop(Child);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

async fn maintenance(db: &TestDatabase) -> AsyncPgConnection {
    let url = db.url.replace(&format!("/{}", db.name), "/postgres");
    AsyncPgConnection::establish(&url).await.expect("connect")
}

async fn run(conn: &mut AsyncPgConnection, sql: &str) {
    diesel::sql_query(sql).execute(conn).await.expect(sql);
}

#[tokio::test]
async fn a_refusing_database_gets_coded_errors_and_a_quiet_log() {
    let db = TestDatabase::create().await;
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("port")
        .port();
    let log_path = std::env::temp_dir().join(format!("deskql-outage-{}.log", db.name));
    let log = std::fs::File::create(&log_path).expect("log file");
    let _server = KillOnDrop(
        Command::new(env!("CARGO_BIN_EXE_deskql"))
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("DATABASE_URL", &db.url)
            .env("DESKQL_JWT_SECRET", "outage-test-secret-outage-test-secret")
            .env("DESKQL_LISTEN", format!("127.0.0.1:{port}"))
            .env("DESKQL_WORKERS", "2")
            .env("DESKQL_DB_POOL_TIMEOUT_MS", "1000")
            .env(
                "DESKQL_MAIL_DIR",
                std::env::temp_dir().join(format!("deskql-outage-mail-{}", db.name)),
            )
            .env("RUST_LOG", "warn")
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .expect("spawn deskql"),
    );
    let base = format!("http://127.0.0.1:{port}");
    let http = reqwest::Client::new();
    eventually("the server to be ready", || {
        let http = http.clone();
        let url = format!("{base}/readyz");
        async move {
            http.get(&url)
                .send()
                .await
                .is_ok_and(|r| r.status().is_success())
        }
    })
    .await;
    let graphql = format!("{base}/graphql");
    let signed_up = post_graphql(
        &http,
        &graphql,
        None,
        SIGN_UP,
        json!({ "input": { "email": "out@example.com", "password": PASSWORD, "name": "Out" } }),
    )
    .await;
    let token = signed_up["data"]["signUp"]["token"]
        .as_str()
        .expect("token")
        .to_owned();

    let mut admin = maintenance(&db).await;
    run(
        &mut admin,
        &format!("ALTER DATABASE {} ALLOW_CONNECTIONS false", db.name),
    )
    .await;
    run(
        &mut admin,
        &format!(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{}'",
            db.name
        ),
    )
    .await;
    let lines_before = std::fs::read_to_string(&log_path)
        .unwrap_or_default()
        .lines()
        .count();

    let cases = [
        (Some(token.as_str()), "{ me { email } }"),
        (None, "{ helpArticles { slug } }"),
    ];
    for (token, query) in cases {
        let body = post_graphql(&http, &graphql, token, query, json!({})).await;
        let code = body["errors"][0]["extensions"]["code"]
            .as_str()
            .unwrap_or_default();
        assert!(
            code == "INTERNAL_SERVER_ERROR" || code == "SERVICE_UNAVAILABLE",
            "{body}"
        );
        assert!(
            body["errors"][0]["extensions"]["requestId"].is_string(),
            "{body}"
        );
    }
    // Past the burst of one line per failing call site as the outage begins, the queue's
    // pool and workers would go on failing about once a second (heartbeats, polls).
    tokio::time::sleep(Duration::from_millis(1_500)).await;
    let burst_end = std::fs::read_to_string(&log_path)
        .unwrap_or_default()
        .lines()
        .count();
    tokio::time::sleep(Duration::from_secs(5)).await;
    let log = std::fs::read_to_string(&log_path).unwrap_or_default();
    let queue_lines = log
        .lines()
        .skip(burst_end.max(lines_before))
        .filter(|line| line.contains("graphile_worker") || line.contains("deadpool"))
        .count();
    assert!(
        queue_lines <= 1,
        "{queue_lines} queue log lines in 5 s:\n{log}"
    );

    run(
        &mut admin,
        &format!("ALTER DATABASE {} ALLOW_CONNECTIONS true", db.name),
    )
    .await;
    let _ = std::fs::remove_file(&log_path);
}
