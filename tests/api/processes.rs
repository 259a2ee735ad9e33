//! The server as a real process: `kill -9` while jobs run loses nothing, and SIGTERM lets
//! running jobs finish before exiting.

use std::process::{Child, Command, Stdio};
use std::time::Duration;

use serde_json::{Value, json};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::common::{PASSWORD, TestDatabase, eventually, post_graphql};

const TICKETS: usize = 20;
const SLOW_LLM: Duration = Duration::from_millis(1_500);

struct Server {
    child: ChildProcess,
    base: String,
    http: reqwest::Client,
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("port")
        .port()
}

fn command(db: &TestDatabase, llm: &MockServer, mail_dir: &std::path::Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_deskql"));
    command
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("DATABASE_URL", &db.url)
        .env(
            "DESKQL_JWT_SECRET",
            "process-test-secret-process-test-secret",
        )
        .env("DESKQL_TRIAGE_PROVIDER", "openai")
        .env("DESKQL_LLM_BASE_URL", llm.uri())
        .env("DESKQL_WORKERS", "4")
        .env("DESKQL_WORKER_HEARTBEAT_SECS", "1")
        .env("DESKQL_WORKER_STALE_SECS", "3")
        .env("DESKQL_WORKER_GRACE_SECS", "10")
        .env("DESKQL_JOB_RETRY_BASE_MS", "50")
        .env("DESKQL_JOB_RETRY_MAX_SECS", "1")
        .env("DESKQL_MAIL_DIR", mail_dir)
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    command
}

impl Server {
    async fn start(db: &TestDatabase, llm: &MockServer, mail_dir: &std::path::Path) -> Self {
        Self::start_command(command(db, llm, mail_dir)).await
    }

    async fn start_command(mut command: Command) -> Self {
        let port = free_port();
        let child = command
            .env("DESKQL_LISTEN", format!("127.0.0.1:{port}"))
            .spawn()
            .expect("spawn deskql");
        let server = Self {
            child: ChildProcess(child),
            base: format!("http://127.0.0.1:{port}"),
            http: reqwest::Client::new(),
        };
        let http = server.http.clone();
        let health = format!("{}/readyz", server.base);
        eventually("the server to be ready", || {
            let http = http.clone();
            let health = health.clone();
            async move {
                http.get(&health)
                    .send()
                    .await
                    .is_ok_and(|r| r.status().is_success())
            }
        })
        .await;
        server
    }

    async fn gql(&self, token: Option<&str>, query: &str, variables: Value) -> Value {
        let url = format!("{}/graphql", self.base);
        post_graphql(&self.http, &url, token, query, variables).await
    }

    async fn token(&self, email: &str) -> String {
        let body = self
            .gql(
                None,
                "mutation($i: LogInInput!) { logIn(input: $i) { token } }",
                json!({ "i": { "email": email, "password": PASSWORD } }),
            )
            .await;
        body["data"]["logIn"]["token"]
            .as_str()
            .expect("token")
            .to_owned()
    }

    fn pid(&self) -> u32 {
        self.child.0.id()
    }
}

async fn slow_llm() -> MockServer {
    let server = MockServer::start().await;
    let content = json!({
        "summary": "Card charged twice", "priority": "HIGH", "category": "billing",
        "relatedSkills": ["billing"], "helpfulNotes": "Refund one charge.", "confidence": 0.9
    });
    Mock::given(wiremock::matchers::method("POST"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_delay(SLOW_LLM)
                .set_body_json(
                    json!({ "choices": [{ "message": { "content": content.to_string() } }] }),
                ),
        )
        .mount(&server)
        .await;
    server
}

/// An admin (via the CLI, as an operator would), a billing moderator and `TICKETS` tickets.
async fn populate(server: &Server, db: &TestDatabase, llm: &MockServer, mail: &std::path::Path) {
    let status = command(db, llm, mail)
        .args([
            "create-admin",
            "--email",
            "ops@example.com",
            "--name",
            "Ops",
        ])
        .env("DESKQL_ADMIN_PASSWORD", PASSWORD)
        .status()
        .expect("create-admin");
    assert!(status.success());
    let admin = server.token("ops@example.com").await;
    let signed = server
        .gql(
            None,
            "mutation($i: SignUpInput!) { signUp(input: $i) { token user { id } } }",
            json!({ "i": { "email": "mod@example.com", "password": PASSWORD, "name": "Mod" } }),
        )
        .await;
    let moderator_id = signed["data"]["signUp"]["user"]["id"].clone();
    let promoted = server
        .gql(
            Some(&admin),
            "mutation($id: ID!, $i: UpdateUserInput!) { updateUser(id: $id, input: $i) { role } }",
            json!({ "id": moderator_id, "i": { "role": "MODERATOR", "skills": ["billing"] } }),
        )
        .await;
    assert_eq!(
        promoted["data"]["updateUser"]["role"], "MODERATOR",
        "{promoted}"
    );
    let customer = server
        .gql(
            None,
            "mutation($i: SignUpInput!) { signUp(input: $i) { token } }",
            json!({ "i": { "email": "c@example.com", "password": PASSWORD, "name": "C" } }),
        )
        .await["data"]["signUp"]["token"]
        .as_str()
        .expect("token")
        .to_owned();
    for i in 0..TICKETS {
        let body = server
            .gql(
                Some(&customer),
                "mutation($i: CreateTicketInput!) { createTicket(input: $i) { id } }",
                json!({ "i": { "title": format!("Charged twice {i}"),
                    "description": "My card was charged twice for one invoice." } }),
            )
            .await;
        assert!(body["data"]["createTicket"].is_object(), "{body}");
    }
}

fn mail_dir() -> std::path::PathBuf {
    std::env::temp_dir().join(format!("deskql-proc-{}", uuid::Uuid::now_v7()))
}

#[tokio::test]
async fn kill_9_while_jobs_run_loses_nothing() {
    let db = TestDatabase::create().await;
    let llm = slow_llm().await;
    let mail = mail_dir();
    let mut first = Server::start(&db, &llm, &mail).await;
    populate(&first, &db, &llm, &mail).await;
    eventually("jobs in flight", || async {
        db.count_rows("graphile_worker.jobs WHERE locked_at IS NOT NULL AND task_identifier = 'triage_ticket'").await > 0
    })
    .await;
    first.child.0.kill().expect("kill -9");
    first.child.0.wait().expect("reaped");
    assert!(
        db.count_rows("ticket_triage").await < TICKETS as i64,
        "killed mid-run"
    );

    let _second = Server::start(&db, &llm, &mail).await;
    eventually("every ticket triaged and assigned", || async {
        db.count_rows("tickets WHERE assignee_id IS NOT NULL").await == TICKETS as i64
            && db.count_rows("ticket_triage").await == TICKETS as i64
    })
    .await;
    eventually("no job left behind", || async {
        db.count_rows(
            "graphile_worker.jobs WHERE task_identifier IN ('triage_ticket', 'assign_ticket')",
        )
        .await
            == 0
    })
    .await;
    assert_eq!(
        db.count_rows("ticket_events WHERE kind = 'ASSIGNED'").await,
        TICKETS as i64,
        "each ticket assigned exactly once"
    );
    let _ = std::fs::remove_dir_all(&mail);
}

#[tokio::test]
async fn sigterm_lets_running_jobs_finish_then_exits() {
    let db = TestDatabase::create().await;
    let llm = slow_llm().await;
    let mail = mail_dir();
    let mut server = Server::start(&db, &llm, &mail).await;
    populate(&server, &db, &llm, &mail).await;
    eventually("jobs in flight", || async {
        db.count_rows("graphile_worker.jobs WHERE locked_at IS NOT NULL AND task_identifier = 'triage_ticket'").await > 0
    })
    .await;
    let status = Command::new("kill")
        .args(["-TERM", &server.pid().to_string()])
        .status()
        .expect("kill -TERM");
    assert!(status.success());
    let exit = tokio::task::spawn_blocking(move || {
        let status = server.child.0.wait();
        (status, server)
    })
    .await
    .expect("join");
    assert!(exit.0.expect("exit status").success(), "clean exit");
    // Whatever was running when the signal came finished; nothing is left locked.
    assert_eq!(
        db.count_rows("graphile_worker.jobs WHERE locked_at IS NOT NULL")
            .await,
        0
    );
    assert!(db.count_rows("ticket_triage").await >= 1);
    let _ = std::fs::remove_dir_all(&mail);
}

/// `deskql worker` serves no API, but on `DESKQL_METRICS_LISTEN` it answers `/metrics` with
/// the jobs it ran and the queue, as an API process does.
#[tokio::test]
async fn a_worker_process_serves_its_own_metrics() {
    let db = TestDatabase::create().await;
    let llm = slow_llm().await;
    let mail = mail_dir();
    let mut api = command(&db, &llm, &mail);
    api.env("DESKQL_WORKERS", "0");
    let server = Server::start_command(api).await;
    let metrics_port = free_port();
    let worker = ChildProcess(
        command(&db, &llm, &mail)
            .arg("worker")
            .env("DESKQL_METRICS_LISTEN", format!("127.0.0.1:{metrics_port}"))
            .spawn()
            .expect("spawn deskql worker"),
    );
    populate(&server, &db, &llm, &mail).await;

    let url = format!("http://127.0.0.1:{metrics_port}/metrics");
    let http = reqwest::Client::new();
    eventually("the worker to report a finished triage job", || async {
        let Ok(response) = http.get(&url).send().await else {
            return false;
        };
        let page = response.text().await.unwrap_or_default();
        page.contains(r#"deskql_job_duration_seconds_count{task="triage_ticket"}"#)
            && page.contains("deskql_jobs{")
            && page.contains("deskql_db_pool_connections{")
    })
    .await;
    drop(worker);
}

/// A child process killed when the test ends, pass or fail.
struct ChildProcess(Child);

impl Drop for ChildProcess {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}
