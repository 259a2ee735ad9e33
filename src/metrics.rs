//! Prometheus metrics: the recorder and the names this process records under.
//!
//! A leaf, like `telemetry`: the GraphQL extension, the WebSocket handler, the job workers and
//! the event listener call the functions here; the `/metrics` endpoint (`http::metrics`)
//! renders them. Without `DESKQL_METRICS_LISTEN` no recorder is installed and every call is a
//! no-op of the `metrics` facade.

use std::collections::HashSet;
use std::sync::{LazyLock, Mutex, OnceLock};
use std::time::Duration;

use metrics::{counter, describe_counter, describe_gauge, describe_histogram, gauge, histogram};
use metrics_exporter_prometheus::{PrometheusBuilder, PrometheusHandle};

pub const OPERATIONS: &str = "deskql_graphql_operations_total";
pub const OPERATION_SECONDS: &str = "deskql_graphql_operation_duration_seconds";
pub const ERRORS: &str = "deskql_graphql_errors_total";
pub const REFUSED: &str = "deskql_http_refused_total";
pub const POOL_CONNECTIONS: &str = "deskql_db_pool_connections";
pub const POOL_WAITING: &str = "deskql_db_pool_waiting";
pub const JOBS: &str = "deskql_jobs";
pub const JOB_SECONDS: &str = "deskql_job_duration_seconds";
pub const JOB_FAILURES: &str = "deskql_job_failures_total";
pub const WEBSOCKETS: &str = "deskql_websocket_connections";
pub const SUBSCRIPTIONS: &str = "deskql_subscriptions";
pub const EVENT_LAG_SECONDS: &str = "deskql_event_delivery_lag_seconds";

/// Latency buckets (seconds), from a cached read to an operation at the timeout.
const BUCKETS: &[f64] = &[
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0,
];

/// Operation names come from clients: past this many distinct ones, new names are counted
/// as `other`, so a client cannot grow the series without bound.
const MAX_OPERATION_NAMES: usize = 200;

static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();

/// Installs the process-wide recorder (once; later calls return the same handle).
pub fn install() -> anyhow::Result<PrometheusHandle> {
    if let Some(handle) = HANDLE.get() {
        return Ok(handle.clone());
    }
    let recorder = PrometheusBuilder::new()
        .set_buckets(BUCKETS)?
        .build_recorder();
    let handle = recorder.handle();
    // Two servers in one process (tests) share the first recorder.
    if metrics::set_global_recorder(recorder).is_ok() {
        describe();
    }
    Ok(HANDLE.get_or_init(|| handle).clone())
}

fn describe() {
    describe_counter!(
        OPERATIONS,
        "GraphQL operations run over HTTP, by type and name"
    );
    describe_histogram!(
        OPERATION_SECONDS,
        metrics::Unit::Seconds,
        "GraphQL operation latency, by type and name"
    );
    describe_counter!(ERRORS, "GraphQL errors returned, by extensions.code");
    describe_counter!(
        REFUSED,
        "Requests to /graphql refused before the schema ran them, by extensions.code"
    );
    describe_gauge!(POOL_CONNECTIONS, "Database pool connections, by state");
    describe_gauge!(POOL_WAITING, "Requests waiting for a database connection");
    describe_gauge!(JOBS, "Jobs in the queue, by task and state");
    describe_histogram!(JOB_SECONDS, metrics::Unit::Seconds, "Job run time, by task");
    describe_counter!(JOB_FAILURES, "Failed job runs, by task");
    describe_gauge!(WEBSOCKETS, "Open WebSocket connections");
    describe_gauge!(SUBSCRIPTIONS, "Live GraphQL subscriptions");
    describe_histogram!(
        EVENT_LAG_SECONDS,
        metrics::Unit::Seconds,
        "Time from an event being recorded to its broadcast to subscribers"
    );
}

/// Whether a recorder is installed (`DESKQL_METRICS_LISTEN` set): without one, callers skip
/// the work of building labels nobody records.
pub fn enabled() -> bool {
    HANDLE.get().is_some()
}

/// The label an operation is counted under: its name while the set of names is small.
pub fn operation_label(name: Option<&str>) -> String {
    let Some(name) = name else {
        return "anonymous".to_owned();
    };
    static SEEN: LazyLock<Mutex<HashSet<String>>> = LazyLock::new(Mutex::default);
    let Ok(mut seen) = SEEN.lock() else {
        return "other".to_owned();
    };
    if !seen.contains(name) {
        if seen.len() >= MAX_OPERATION_NAMES {
            return "other".to_owned();
        }
        seen.insert(name.to_owned());
    }
    name.to_owned()
}

pub fn operation(kind: &'static str, name: String, elapsed: Duration) {
    counter!(OPERATIONS, "type" => kind, "name" => name.clone()).increment(1);
    histogram!(OPERATION_SECONDS, "type" => kind, "name" => name).record(elapsed.as_secs_f64());
}

pub fn error(code: String) {
    counter!(ERRORS, "code" => code).increment(1);
}

/// A request refused before any operation ran (its body, media type, size, origin).
pub fn refused(code: String) {
    counter!(REFUSED, "code" => code).increment(1);
}

pub fn pool(size: usize, available: usize, waiting: usize, max_size: usize) {
    let in_use = size.saturating_sub(available);
    gauge!(POOL_CONNECTIONS, "state" => "in_use").set(in_use as f64);
    gauge!(POOL_CONNECTIONS, "state" => "idle").set(available as f64);
    gauge!(POOL_CONNECTIONS, "state" => "max").set(max_size as f64);
    gauge!(POOL_WAITING).set(waiting as f64);
}

pub fn jobs(task: String, state: String, count: i64) {
    gauge!(JOBS, "task" => task, "state" => state).set(count as f64);
}

pub fn job_finished(task: String, elapsed: Duration) {
    histogram!(JOB_SECONDS, "task" => task).record(elapsed.as_secs_f64());
}

pub fn job_failed(task: String) {
    counter!(JOB_FAILURES, "task" => task).increment(1);
}

pub fn event_lag(lag: Duration) {
    histogram!(EVENT_LAG_SECONDS).record(lag.as_secs_f64());
}

/// Counts a WebSocket connection or a subscription while it lives.
pub struct LiveGauge(&'static str);

impl LiveGauge {
    pub fn websocket() -> Self {
        Self::open(WEBSOCKETS)
    }

    pub fn subscription() -> Self {
        Self::open(SUBSCRIPTIONS)
    }

    fn open(name: &'static str) -> Self {
        gauge!(name).increment(1.0);
        Self(name)
    }
}

impl Drop for LiveGauge {
    fn drop(&mut self) {
        gauge!(self.0).decrement(1.0);
    }
}
