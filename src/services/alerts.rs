//! A ticket nobody took within `DESKQL_UNASSIGNED_ALERT_MINUTES`: staff whose skills match it
//! (or, when none do, the admins) are emailed, once.

use serde_json::json;
use uuid::Uuid;

use crate::app::AppState;
use crate::db::models::job::{self, NewJob};
use crate::db::models::ticket::Ticket;
use crate::db::models::user::User;
use crate::domain::roles::Role;
use crate::queue;
use crate::services::notifications::EmailKind;

/// Enough people to get a ticket moving; an alert is not a broadcast.
const MAX_RECIPIENTS: i64 = 50;

/// Runs when the alert falls due; does nothing for a ticket that was taken, closed or trashed
/// meanwhile. Returns how many people were alerted.
pub async fn unassigned(state: &AppState, ticket_id: Uuid) -> anyhow::Result<usize> {
    let mut conn = state.pool.get().await?;
    let Some(ticket) = Ticket::find_live(&mut conn, ticket_id).await? else {
        return Ok(0);
    };
    if ticket.assignee_id.is_some() || !ticket.status.is_open() {
        return Ok(0);
    }
    let recipients = recipients(&mut conn, state, &ticket).await?;
    let emails = recipients
        .iter()
        .map(|user_id| NewJob {
            task: queue::SEND_EMAIL,
            payload: json!({
                "kind": EmailKind::UnassignedAlert,
                "ticket_id": ticket.id,
                "user_id": user_id,
                "message_key": format!("unassigned.{}.{user_id}", ticket.id),
            }),
            max_attempts: queue::EMAIL_MAX_ATTEMPTS,
            priority: queue::EMAIL_PRIORITY,
            job_key: None,
            run_at: None,
        })
        .collect();
    job::enqueue_all(&mut conn, emails).await?;
    Ok(recipients.len())
}

/// Active moderators sharing a skill with the ticket, else the active admins.
async fn recipients(
    conn: &mut diesel_async::AsyncPgConnection,
    state: &AppState,
    ticket: &Ticket,
) -> anyhow::Result<Vec<Uuid>> {
    let synonyms = &state.pipeline.synonyms;
    let wanted: Vec<String> = ticket
        .related_skills
        .iter()
        .map(|s| synonyms.canonical(s))
        .collect();
    let moderators = User::active_with_role(conn, Role::Moderator, 1_000).await?;
    let skilled: Vec<Uuid> = moderators
        .into_iter()
        .filter(|user| {
            user.skills
                .iter()
                .any(|s| wanted.contains(&synonyms.canonical(s)))
        })
        .map(|user| user.id)
        .take(MAX_RECIPIENTS as usize)
        .collect();
    if !skilled.is_empty() {
        return Ok(skilled);
    }
    let admins = User::active_with_role(conn, Role::Admin, MAX_RECIPIENTS).await?;
    Ok(admins.into_iter().map(|user| user.id).collect())
}
