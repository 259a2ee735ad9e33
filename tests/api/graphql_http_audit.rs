//! The `graphql-http` audit suite (the GraphQL over HTTP spec's own checks, run by Node from
//! `tests/graphql-http`) against the real server: no MUST failure and no SHOULD warning.
//! `.ci/run` installs the npm packages.

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

use serde_json::Value;

use crate::common::TestApp;

const AUDIT_DEADLINE: Duration = Duration::from_secs(60);

fn audit_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/graphql-http")
}

#[tokio::test]
async fn the_graphql_over_http_audit_passes_without_warnings() {
    assert!(
        audit_dir().join("node_modules/graphql-http").exists(),
        "the audit needs `npm ci --prefix tests/graphql-http`; .ci/run does it"
    );
    let app = TestApp::spawn().await;
    let run = tokio::process::Command::new("node")
        .arg(audit_dir().join("audit.mjs"))
        .arg(app.url("/graphql"))
        .current_dir(audit_dir())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true)
        .output();
    let output = tokio::time::timeout(AUDIT_DEADLINE, run)
        .await
        .expect("the audit finished in time")
        .expect("node runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "node failed: {stdout}\n{stderr}");
    let results: Vec<Value> = stdout
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|err| panic!("{err}: {line}")))
        .collect();
    // The suite has dozens of checks; an empty run would prove nothing.
    assert!(results.len() >= 30, "{stdout}");
    let not_ok: Vec<&Value> = results.iter().filter(|r| r["status"] != "ok").collect();
    assert!(not_ok.is_empty(), "{not_ok:#?}");
}
