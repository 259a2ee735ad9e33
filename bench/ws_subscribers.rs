//! Live-subscriber benchmark: holds many graphql-transport-ws `ticketEvents` subscriptions
//! on one ticket, spread round-robin over one or more deskql instances, then changes the
//! ticket's status and times the delivery of each change to every subscriber.
//!
//! Run it through `bench/subscribers.sh`, which prepares the servers, the data and the file
//! limit. Its inputs are environment variables:
//! - `BENCH_WS`: WebSocket URLs, comma-separated (subscribers are dealt out over them);
//! - `BENCH_HTTP`: the GraphQL URL the status changes are sent to;
//! - `BENCH_TOKEN`: a staff access token; `BENCH_TICKET`: the ticket id (status TODO);
//! - `SUBSCRIBERS` (10000), `ROUNDS` (5), `RAMP_CONCURRENCY` (256);
//! - `SERVER_PIDS`: the servers' process ids, comma-separated, for their resident memory;
//! - `CONNECT_ONLY=1`: authenticated connections without a subscription (memory only), to
//!   tell what a connection costs from what its subscription adds.
//!
//! The first status change is a warm-up: each subscriber starts with `after: "0"`, so it
//! gets that change by replay or live whenever its subscription became active, and once all
//! have it, all are live. The measured rounds follow, one at a time.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use futures::{SinkExt, StreamExt, stream};
use serde_json::{Value, json};
use tokio::sync::mpsc;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::protocol::WebSocketConfig;

const SUBSCRIPTION: &str = "subscription($ticket: ID!) { \
    ticketEvents(ticketId: $ticket, after: \"0\") { id kind toStatus occurredAt } }";
const ROUND_DEADLINE: Duration = Duration::from_secs(60);

type BoxError = Box<dyn std::error::Error + Send + Sync>;

struct Settings {
    ws_urls: Vec<String>,
    http_url: String,
    token: String,
    ticket: String,
    subscribers: usize,
    rounds: usize,
    ramp_concurrency: usize,
    server_pids: Vec<u32>,
    connect_only: bool,
}

fn env(name: &str) -> Result<String, BoxError> {
    std::env::var(name).map_err(|_| format!("{name} is not set").into())
}

fn env_or(name: &str, default: usize) -> Result<usize, BoxError> {
    match std::env::var(name) {
        Ok(value) => Ok(value.parse()?),
        Err(_) => Ok(default),
    }
}

impl Settings {
    fn from_env() -> Result<Self, BoxError> {
        let list = |value: String| -> Vec<String> {
            value
                .split(',')
                .filter(|part| !part.is_empty())
                .map(str::to_owned)
                .collect()
        };
        Ok(Self {
            ws_urls: list(env("BENCH_WS")?),
            http_url: env("BENCH_HTTP")?,
            token: env("BENCH_TOKEN")?,
            ticket: env("BENCH_TICKET")?,
            subscribers: env_or("SUBSCRIBERS", 10_000)?,
            rounds: env_or("ROUNDS", 5)?,
            ramp_concurrency: env_or("RAMP_CONCURRENCY", 256)?,
            server_pids: list(std::env::var("SERVER_PIDS").unwrap_or_default())
                .iter()
                .map(|pid| pid.parse())
                .collect::<Result<_, _>>()?,
            connect_only: std::env::var("CONNECT_ONLY").is_ok_and(|value| value == "1"),
        })
    }
}

/// Messages other than ticket events (errors, early completions), by text, with counts.
type Unexpected = Arc<Mutex<HashMap<String, usize>>>;

/// A status change as one subscriber saw it.
struct Delivery {
    status: String,
    at: Instant,
}

/// Connects, authenticates and subscribes; the returned task forwards status changes.
async fn subscribe(
    url: String,
    token: String,
    ticket: String,
    subscribe: bool,
    deliveries: mpsc::UnboundedSender<Delivery>,
    unexpected: Unexpected,
) -> Result<tokio::task::JoinHandle<()>, BoxError> {
    let mut request = url.into_client_request()?;
    request
        .headers_mut()
        .insert("sec-websocket-protocol", "graphql-transport-ws".parse()?);
    // Small buffers: the client holds as many sockets as the server does.
    let config = WebSocketConfig::default()
        .read_buffer_size(4096)
        .write_buffer_size(0);
    let (mut socket, _) =
        tokio_tungstenite::connect_async_with_config(request, Some(config), true).await?;
    let init = json!({ "type": "connection_init", "payload": { "authorization": format!("Bearer {token}") } });
    socket.send(Message::text(init.to_string())).await?;
    loop {
        match socket.next().await {
            Some(Ok(Message::Text(text))) => {
                let message: Value = serde_json::from_str(&text)?;
                if message["type"] == "connection_ack" {
                    break;
                }
                return Err(format!("expected connection_ack, got {message}").into());
            }
            Some(Ok(_)) => {}
            Some(Err(err)) => return Err(err.into()),
            None => return Err("closed before connection_ack".into()),
        }
    }
    if subscribe {
        let message = json!({ "id": "1", "type": "subscribe",
            "payload": { "query": SUBSCRIPTION, "variables": { "ticket": ticket } } });
        socket.send(Message::text(message.to_string())).await?;
    }
    Ok(tokio::spawn(async move {
        while let Some(Ok(message)) = socket.next().await {
            let Message::Text(text) = message else {
                continue;
            };
            let at = Instant::now();
            let Ok(message) = serde_json::from_str::<Value>(&text) else {
                continue;
            };
            let event = &message["payload"]["data"]["ticketEvents"];
            if message["type"] != "next" || event.is_null() {
                if let Ok(mut unexpected) = unexpected.lock() {
                    *unexpected.entry(message.to_string()).or_default() += 1;
                }
                continue;
            }
            if event["kind"] == "STATUS_CHANGED"
                && let Some(status) = event["toStatus"].as_str()
            {
                let delivery = Delivery {
                    status: status.to_owned(),
                    at,
                };
                if deliveries.send(delivery).is_err() {
                    return;
                }
            }
        }
    }))
}

async fn change_status(
    client: &reqwest::Client,
    settings: &Settings,
    status: &str,
) -> Result<(), BoxError> {
    let body = json!({
        "query": "mutation($id: ID!, $status: TicketStatus!) { updateTicket(id: $id, input: {status: $status}) { status } }",
        "variables": { "id": settings.ticket, "status": status },
    });
    let response: Value = client
        .post(&settings.http_url)
        .bearer_auth(&settings.token)
        .json(&body)
        .send()
        .await?
        .json()
        .await?;
    if response["data"]["updateTicket"]["status"] != status {
        return Err(format!("status change refused: {response}").into());
    }
    Ok(())
}

/// Waits until every subscriber has seen `status`; returns the delivery instants.
async fn collect(
    deliveries: &mut mpsc::UnboundedReceiver<Delivery>,
    status: &str,
    expected: usize,
) -> Result<Vec<Instant>, BoxError> {
    let mut seen = Vec::with_capacity(expected);
    let deadline = tokio::time::Instant::now() + ROUND_DEADLINE;
    while seen.len() < expected {
        match tokio::time::timeout_at(deadline, deliveries.recv()).await {
            Ok(Some(delivery)) if delivery.status == status => seen.push(delivery.at),
            Ok(Some(_)) => {}
            Ok(None) => return Err("every subscriber task ended".into()),
            Err(_) => {
                return Err(format!("{} of {expected} got {status} in time", seen.len()).into());
            }
        }
    }
    Ok(seen)
}

/// Resident memory of the servers, in KiB (from /proc, Linux only).
fn resident_kib(pids: &[u32]) -> Result<u64, BoxError> {
    let mut total = 0;
    for pid in pids {
        let status = std::fs::read_to_string(format!("/proc/{pid}/status"))?;
        let line = status
            .lines()
            .find(|line| line.starts_with("VmRSS:"))
            .ok_or("no VmRSS line")?;
        total += line
            .split_whitespace()
            .nth(1)
            .ok_or("bad VmRSS line")?
            .parse::<u64>()?;
    }
    Ok(total)
}

fn percentile(sorted: &[Duration], fraction: f64) -> Duration {
    let index = ((sorted.len() as f64 * fraction).ceil() as usize).clamp(1, sorted.len());
    sorted[index - 1]
}

fn millis(duration: Duration) -> String {
    format!("{:.0} ms", duration.as_secs_f64() * 1000.0)
}

#[tokio::main]
async fn main() -> Result<(), BoxError> {
    let settings = Settings::from_env()?;
    let http = reqwest::Client::new();
    let rss_before = resident_kib(&settings.server_pids)?;

    let (sender, mut deliveries) = mpsc::unbounded_channel();
    let unexpected = Unexpected::default();
    let started = Instant::now();
    let connections: Vec<_> = stream::iter(0..settings.subscribers)
        .map(|n| {
            let url = settings.ws_urls[n % settings.ws_urls.len()].clone();
            subscribe(
                url,
                settings.token.clone(),
                settings.ticket.clone(),
                !settings.connect_only,
                sender.clone(),
                unexpected.clone(),
            )
        })
        .buffer_unordered(settings.ramp_concurrency)
        .collect()
        .await;
    let ramp = started.elapsed();
    drop(sender);
    let mut tasks = Vec::with_capacity(connections.len());
    let mut failures: HashMap<String, usize> = HashMap::new();
    for connection in connections {
        match connection {
            Ok(task) => tasks.push(task),
            Err(err) => *failures.entry(err.to_string()).or_default() += 1,
        }
    }
    for (error, count) in &failures {
        eprintln!("{count} subscribers failed: {error}");
    }
    let live = tasks.len();
    if live == 0 {
        return Err("no subscriber connected".into());
    }

    if settings.connect_only {
        let rss_after = resident_kib(&settings.server_pids)?;
        println!(
            "RESULT {live} connections without subscriptions: server RSS {} MiB idle -> {} MiB, {:.1} KiB per connection",
            rss_before / 1024,
            rss_after / 1024,
            rss_after.saturating_sub(rss_before) as f64 / live as f64
        );
        return Ok(());
    }

    // Warm-up: every subscription is live once all have seen it.
    change_status(&http, &settings, "IN_PROGRESS").await?;
    let warm_up = collect(&mut deliveries, "IN_PROGRESS", live).await;
    if let Ok(unexpected) = unexpected.lock() {
        for (message, count) in unexpected.iter() {
            eprintln!("{count} subscribers got {message}");
        }
    }
    warm_up?;
    let rss_after = resident_kib(&settings.server_pids)?;

    let mut latencies = Vec::with_capacity(live * settings.rounds);
    let mut round_p99 = Vec::with_capacity(settings.rounds);
    for round in 0..settings.rounds {
        let status = if round % 2 == 0 {
            "ON_HOLD"
        } else {
            "IN_PROGRESS"
        };
        let sent = Instant::now();
        change_status(&http, &settings, status).await?;
        let mut round_latencies: Vec<Duration> = collect(&mut deliveries, status, live)
            .await?
            .into_iter()
            .map(|at| at.duration_since(sent))
            .collect();
        round_latencies.sort_unstable();
        round_p99.push(percentile(&round_latencies, 0.99));
        latencies.extend(round_latencies);
    }
    latencies.sort_unstable();

    let per_subscriber = rss_after.saturating_sub(rss_before) as f64 / live as f64;
    println!(
        "RESULT subscribers {live} on {} instance(s), {} failed",
        settings.ws_urls.len(),
        settings.subscribers - live
    );
    println!(
        "RESULT ramp {:.1} s, {:.0} subscriptions/s ({} at a time)",
        ramp.as_secs_f64(),
        live as f64 / ramp.as_secs_f64(),
        settings.ramp_concurrency
    );
    println!(
        "RESULT delivery over {} rounds: p50 {}, p99 {}, max {} (per-round p99: {})",
        settings.rounds,
        millis(percentile(&latencies, 0.5)),
        millis(percentile(&latencies, 0.99)),
        millis(percentile(&latencies, 1.0)),
        round_p99
            .iter()
            .map(|p99| millis(*p99))
            .collect::<Vec<_>>()
            .join(", ")
    );
    println!(
        "RESULT server RSS {} MiB idle -> {} MiB with subscribers: {per_subscriber:.1} KiB per subscriber",
        rss_before / 1024,
        rss_after / 1024
    );
    for task in tasks {
        task.abort();
    }
    Ok(())
}
