use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use diesel::connection::{Instrumentation, InstrumentationEvent};

/// Counts the SQL statements every pooled connection runs. Cheap enough to stay on in
/// production, and how the tests prove that DataLoaders keep the statement count fixed.
#[derive(Debug, Clone, Default)]
pub struct StatementCounter(Arc<AtomicU64>);

impl StatementCounter {
    pub fn total(&self) -> u64 {
        self.0.load(Ordering::Relaxed)
    }

    pub(crate) fn instrumentation(&self) -> CountingInstrumentation {
        CountingInstrumentation(self.0.clone())
    }
}

pub(crate) struct CountingInstrumentation(Arc<AtomicU64>);

impl Instrumentation for CountingInstrumentation {
    fn on_connection_event(&mut self, event: InstrumentationEvent<'_>) {
        if let InstrumentationEvent::StartQuery { .. } = event {
            self.0.fetch_add(1, Ordering::Relaxed);
        }
    }
}
