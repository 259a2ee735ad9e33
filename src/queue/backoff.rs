//! Retry timing: exponential with jitter and a cap. graphile_worker's own schedule is
//! `e^attempts` seconds without jitter and with a cap of six hours; a failure hook replaces it.

use std::time::Duration;

use rand::Rng;

#[derive(Debug, Clone, Copy)]
pub struct Backoff {
    pub base: Duration,
    pub max: Duration,
}

impl Backoff {
    /// The delay after the `attempt`-th failure (1-based): `base · 2^(attempt−1)`, capped, then
    /// drawn uniformly from its upper half so retries of a burst spread out.
    pub fn delay(&self, attempt: u32, rng: &mut impl Rng) -> Duration {
        let exponent = attempt.saturating_sub(1).min(30);
        let full = self.base.saturating_mul(1u32 << exponent).min(self.max);
        let jitter: f64 = rng.random_range(0.5..=1.0);
        full.mul_f64(jitter)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doubles_with_jitter_and_caps() {
        let backoff = Backoff {
            base: Duration::from_secs(2),
            max: Duration::from_secs(3600),
        };
        let mut rng = rand::rng();
        for attempt in 1..=20 {
            let full = Duration::from_secs(2 * 2u64.pow(attempt - 1)).min(backoff.max);
            let delay = backoff.delay(attempt, &mut rng);
            assert!(
                delay <= full && delay >= full / 2,
                "attempt {attempt}: {delay:?}"
            );
        }
        assert!(backoff.delay(40, &mut rng) <= Duration::from_secs(3600));
    }
}
