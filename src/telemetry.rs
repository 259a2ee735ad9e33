//! Logging: stderr, text or JSON, `RUST_LOG` over the default `info`; and a throttle on the
//! job queue's failure lines (graphile_worker and its connection pool), which repeat on every
//! poll and heartbeat while the database is unreachable.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use tracing::Metadata;
use tracing::callsite::Identifier;
use tracing::subscriber::Interest;
use tracing_subscriber::EnvFilter;
use tracing_subscriber::filter::DynFilterFn;
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;

use crate::config::LogFormat;

/// One line per call site of the queue library's warnings and errors per this interval.
const REPEAT_INTERVAL: Duration = Duration::from_secs(30);

pub fn init(format: LogFormat) {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    let throttle = QueueLogThrottle::default();
    let throttle = DynFilterFn::new(move |metadata, _| throttle.admits(metadata))
        .with_callsite_filter(|_| Interest::sometimes());
    let fmt = tracing_subscriber::fmt::layer().with_writer(std::io::stderr);
    let registry = tracing_subscriber::registry().with(filter);
    match format {
        LogFormat::Json => registry
            .with(tracing_subscriber::Layer::with_filter(fmt.json(), throttle))
            .init(),
        LogFormat::Text => registry
            .with(tracing_subscriber::Layer::with_filter(fmt, throttle))
            .init(),
    }
}

#[derive(Default)]
struct QueueLogThrottle {
    last: Mutex<HashMap<Identifier, Instant>>,
}

impl QueueLogThrottle {
    fn admits(&self, metadata: &Metadata<'_>) -> bool {
        let noisy = metadata.is_event()
            && metadata.level() <= &tracing::Level::WARN
            && (metadata.target().starts_with("graphile_worker")
                || metadata.target().starts_with("deadpool"));
        if !noisy {
            return true;
        }
        let Ok(mut last) = self.last.lock() else {
            return true;
        };
        let now = Instant::now();
        match last.get(&metadata.callsite()) {
            Some(at) if now.duration_since(*at) < REPEAT_INTERVAL => false,
            _ => {
                last.insert(metadata.callsite(), now);
                true
            }
        }
    }
}
