//! The test harness: a migrated template database cloned per test, the real router served on
//! a loopback port, and small GraphQL/WebSocket clients.

pub mod mail;
pub mod receiver;
pub mod upload;
pub mod ws;

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use deskql::app::AppState;
use deskql::config::{DatabaseConfig, ServerConfig};
use deskql::domain::roles::Role;
use diesel::sql_types::{BigInt, Bool};
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use serde_json::{Value, json};
use tokio::net::TcpListener;
use uuid::Uuid;

pub const PASSWORD: &str = "correct horse battery";

fn server_url() -> String {
    std::env::var("DESKQL_TEST_DATABASE_SERVER")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432".to_owned())
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    if let Ok(entries) = std::fs::read_dir(dir) {
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else {
                out.push(path);
            }
        }
    }
}

/// Changes whenever a migration changes, so a stale template is never reused.
fn migrations_fingerprint() -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations");
    let mut files = Vec::new();
    walk(&root, &mut files);
    files.sort();
    let mut hasher = DefaultHasher::new();
    for file in files {
        // Relative paths: every checkout of the same migrations shares one template.
        file.strip_prefix(&root).unwrap_or(&file).hash(&mut hasher);
        std::fs::read(&file).unwrap_or_default().hash(&mut hasher);
    }
    format!("{:012x}", hasher.finish() & 0xffff_ffff_ffff)
}

async fn maintenance() -> AsyncPgConnection {
    AsyncPgConnection::establish(&format!("{}/postgres", server_url()))
        .await
        .expect("PostgreSQL must be running for the tests (see README)")
}

async fn run(conn: &mut AsyncPgConnection, sql: &str) {
    diesel::sql_query(sql)
        .execute(conn)
        .await
        .unwrap_or_else(|err| panic!("{sql}: {err}"));
}

/// Creates (once per migration set, under an advisory lock) a migrated template database.
async fn template() -> String {
    let name = format!("deskql_tpl_{}", migrations_fingerprint());
    let mut conn = maintenance().await;
    run(&mut conn, "SELECT pg_advisory_lock(727274)").await;
    let exists: bool = diesel::select(diesel::dsl::sql::<Bool>(&format!(
        "EXISTS (SELECT 1 FROM pg_database WHERE datname = '{name}')"
    )))
    .get_result(&mut conn)
    .await
    .expect("query pg_database");
    if !exists {
        let building = format!("{name}_building");
        run(&mut conn, &format!("DROP DATABASE IF EXISTS {building}")).await;
        run(&mut conn, &format!("CREATE DATABASE {building}")).await;
        deskql::db::run_migrations(&format!("{}/{building}", server_url()))
            .await
            .expect("migrate template");
        run(
            &mut conn,
            &format!("ALTER DATABASE {building} RENAME TO {name}"),
        )
        .await;
    }
    run(&mut conn, "SELECT pg_advisory_unlock(727274)").await;
    name
}

/// A fresh database for one test, dropped when the test ends.
pub struct TestDatabase {
    pub name: String,
    pub url: String,
}

impl TestDatabase {
    pub async fn create() -> Self {
        let template = template().await;
        let name = format!("deskql_test_{}", Uuid::now_v7().simple());
        let mut conn = maintenance().await;
        run(
            &mut conn,
            &format!("CREATE DATABASE {name} TEMPLATE {template}"),
        )
        .await;
        let url = format!("{}/{name}", server_url());
        Self { name, url }
    }
}

impl TestDatabase {
    /// Counts rows on a connection of its own (for tests that run the server as a process).
    pub async fn count_rows(&self, from_where: &str) -> i64 {
        self.select_bigint(&format!("(SELECT count(*) FROM {from_where})"))
            .await
    }

    /// Transactions committed in this database so far, as Postgres's statistics count them
    /// (each backend reports its own at most once a second).
    pub async fn committed_transactions(&self) -> i64 {
        self.select_bigint(
            "(SELECT xact_commit FROM pg_stat_database WHERE datname = current_database())",
        )
        .await
    }

    /// One `bigint` read on a connection of its own.
    async fn select_bigint(&self, expression: &str) -> i64 {
        let mut conn = AsyncPgConnection::establish(&self.url)
            .await
            .expect("connect");
        diesel::select(diesel::dsl::sql::<BigInt>(expression))
            .get_result(&mut conn)
            .await
            .expect(expression)
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        let name = self.name.clone();
        // Drop runs outside async context; a short-lived runtime on its own thread cleans up.
        let _ = std::thread::spawn(move || {
            let Ok(runtime) = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
            else {
                return;
            };
            runtime.block_on(async move {
                let mut conn = maintenance().await;
                let _ = diesel::sql_query(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                    .execute(&mut conn)
                    .await;
            });
        })
        .join();
    }
}

pub fn test_config() -> ServerConfig {
    let mut config = ServerConfig::from_env().expect("default config");
    config.jwt_secret = Some("test-secret-test-secret-test-secret!".into());
    config.listen = "127.0.0.1:0".parse().expect("addr");
    // Tests that exercise the pipeline turn workers on; the rest observe tickets as filed.
    config.pipeline.workers = 0;
    // Every test's callers share one loopback address and a few accounts; the tests of
    // these limits set them low again.
    config.signup_limit_per_ip = 10_000;
    config.create_ticket_limit_per_user = 10_000;
    config.draft_limit_per_user = 10_000;
    config.search_limit_per_user = 10_000;
    // The first triage or retrain in a test process trains the model inside the request:
    // seconds of CPU in a test build, and more while the other tests share the two cores.
    config.operation_timeout_secs = 120;
    config.conversation.attachments_dir =
        std::env::temp_dir().join(format!("deskql-files-{}", Uuid::now_v7()));
    config
}

/// A configuration with job workers on and fast retries, for pipeline tests.
pub fn pipeline_config() -> ServerConfig {
    let mut config = test_config();
    config.pipeline.workers = 4;
    config.pipeline.job_retry_base_ms = 20;
    config.pipeline.job_retry_max_secs = 1;
    config.pipeline.worker_grace_secs = 2;
    config.pipeline.mail_dir = std::env::temp_dir().join(format!("deskql-mail-{}", Uuid::now_v7()));
    config
}

/// How long a pipeline test waits for an outcome before failing.
pub const PIPELINE_DEADLINE: std::time::Duration = std::time::Duration::from_secs(60);

/// Re-checks `condition` (a database or API read) until it holds; fails the test after
/// [`PIPELINE_DEADLINE`]. For outcomes of background work that has no event to wait on.
pub async fn eventually<F, Fut>(what: &str, mut condition: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let deadline = tokio::time::Instant::now() + PIPELINE_DEADLINE;
    loop {
        if condition().await {
            return;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "timed out waiting for {what}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}

/// One running server instance.
pub struct Instance {
    pub state: AppState,
    pub addr: SocketAddr,
    pub http: reqwest::Client,
}

impl Instance {
    pub async fn start(db: &TestDatabase, config: ServerConfig) -> Self {
        let database = DatabaseConfig::with_url(db.url.clone(), 8);
        let state = AppState::start(&database, config).await.expect("start app");
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let addr = listener.local_addr().expect("addr");
        tokio::spawn(deskql::server::serve(state.clone(), listener));
        state.events.wait_listening().await;
        Self {
            state,
            addr,
            http: reqwest::Client::new(),
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// POSTs a GraphQL request; returns the whole response body.
    pub async fn gql(&self, token: Option<&str>, query: &str, variables: Value) -> Value {
        post_graphql(&self.http, &self.url("/graphql"), token, query, variables).await
    }
}

/// POSTs a GraphQL request to `url`; returns the whole response body.
pub async fn post_graphql(
    http: &reqwest::Client,
    url: &str,
    token: Option<&str>,
    query: &str,
    variables: Value,
) -> Value {
    let mut request = http
        .post(url)
        .json(&json!({ "query": query, "variables": variables }));
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    request
        .send()
        .await
        .expect("send")
        .json()
        .await
        .expect("json body")
}

impl Drop for Instance {
    fn drop(&mut self) {
        self.state.shutdown.cancel();
    }
}

pub struct TestApp {
    pub main: Instance,
    // Declared last: dropped after the instance using it.
    pub db: TestDatabase,
}

impl std::ops::Deref for TestApp {
    type Target = Instance;

    fn deref(&self) -> &Instance {
        &self.main
    }
}

#[derive(Debug, Clone)]
pub struct TestUser {
    pub id: String,
    pub email: String,
    pub token: String,
    pub refresh_token: String,
}

pub const SIGN_UP: &str = r#"mutation($input: SignUpInput!) {
  signUp(input: $input) { token refreshToken user { id email role } }
}"#;

pub const LOG_IN: &str = r#"mutation($input: LogInInput!) {
  logIn(input: $input) { token refreshToken user { id } }
}"#;

pub const CREATE_TICKET: &str = r#"mutation($input: CreateTicketInput!) {
  createTicket(input: $input) { id number title status priority version category { slug } }
}"#;

fn session_from(payload: &Value, email: &str) -> TestUser {
    TestUser {
        id: payload["user"]["id"].as_str().expect("id").to_owned(),
        email: email.to_owned(),
        token: payload["token"].as_str().expect("token").to_owned(),
        refresh_token: payload["refreshToken"]
            .as_str()
            .expect("refresh")
            .to_owned(),
    }
}

impl TestApp {
    pub async fn spawn() -> Self {
        Self::spawn_with(test_config()).await
    }

    pub async fn spawn_with(config: ServerConfig) -> Self {
        let db = TestDatabase::create().await;
        let main = Instance::start(&db, config).await;
        Self { main, db }
    }

    /// A second server instance on the same database (its own pool, cache and listener).
    pub async fn second_instance(&self) -> Instance {
        Instance::start(&self.db, test_config()).await
    }

    pub async fn sign_up(&self, name: &str) -> TestUser {
        let email = format!("{name}@example.com");
        let body = self
            .gql(
                None,
                SIGN_UP,
                json!({ "input": { "email": email, "password": PASSWORD, "name": name } }),
            )
            .await;
        let payload = &body["data"]["signUp"];
        assert!(payload.is_object(), "sign-up failed: {body}");
        session_from(payload, &email)
    }

    pub async fn log_in(&self, email: &str) -> TestUser {
        let body = self
            .gql(
                None,
                LOG_IN,
                json!({ "input": { "email": email, "password": PASSWORD } }),
            )
            .await;
        let payload = &body["data"]["logIn"];
        assert!(payload.is_object(), "login failed: {body}");
        session_from(payload, email)
    }

    /// The first admin, created the way an operator does (the CLI's service), then logged in.
    pub async fn admin(&self) -> TestUser {
        let email = "root-admin@example.com";
        deskql::services::accounts::create_admin(&self.state, email, "Root Admin", PASSWORD.into())
            .await
            .map_err(|e| e.into_anyhow())
            .expect("create admin");
        self.log_in(email).await
    }

    /// A user with `role` and `skills`, promoted by the admin through the API.
    pub async fn user_with_role(&self, name: &str, role: Role, skills: &[&str]) -> TestUser {
        let user = self.sign_up(name).await;
        if role == Role::User && skills.is_empty() {
            return user;
        }
        let admin = self.admin().await;
        let body = self
            .gql(
                Some(&admin.token),
                "mutation($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { id role } }",
                json!({ "id": user.id, "input": { "role": role.to_string(), "skills": skills } }),
            )
            .await;
        assert_eq!(
            body["data"]["updateUser"]["role"],
            role.to_string(),
            "{body}"
        );
        user
    }

    pub async fn create_ticket(&self, user: &TestUser, title: &str) -> Value {
        let body = self
            .gql(
                Some(&user.token),
                CREATE_TICKET,
                json!({ "input": { "title": title, "description": "Something is broken and needs a look." } }),
            )
            .await;
        let ticket = body["data"]["createTicket"].clone();
        assert!(ticket.is_object(), "create failed: {body}");
        ticket
    }

    /// Counts rows of this test's database directly, to prove what persisted.
    pub async fn count_rows(&self, from_where: &str) -> i64 {
        let mut conn = self.state.pool.get().await.expect("conn");
        diesel::select(diesel::dsl::sql::<BigInt>(&format!(
            "(SELECT count(*) FROM {from_where})"
        )))
        .get_result(&mut conn)
        .await
        .expect("count")
    }
}

/// The first error's `extensions.code`.
pub fn error_code(body: &Value) -> &str {
    body["errors"][0]["extensions"]["code"]
        .as_str()
        .unwrap_or("<no error code>")
}
