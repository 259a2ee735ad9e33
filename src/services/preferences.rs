//! Each person's switches for notification emails, keyed by address so a guest's one-click
//! unsubscribe works like an account holder's settings.

use diesel_async::AsyncConnection;
use strum::IntoEnumIterator;

use crate::app::AppState;
use crate::db::models::email_preference;
use crate::db::models::user::User;
use crate::domain::{DomainError, DomainResult};
use crate::services::RequestContext;
use crate::services::notifications::EmailKind;

/// Every kind of notification a person may switch off, with their setting.
pub async fn of_viewer(ctx: &RequestContext) -> DomainResult<Vec<(EmailKind, bool)>> {
    let principal = ctx.viewer.principal()?;
    let mut conn = ctx.state.pool.get().await?;
    let user = User::find(&mut conn, principal.user_id)
        .await?
        .ok_or(DomainError::Unauthenticated)?;
    let stored = email_preference::of(&mut conn, &user.email).await?;
    Ok(EmailKind::iter()
        .filter(|kind| kind.can_be_switched_off())
        .map(|kind| {
            let name = kind.to_string();
            let enabled = stored
                .iter()
                .find(|(stored_kind, _)| *stored_kind == name)
                .is_none_or(|(_, enabled)| *enabled);
            (kind, enabled)
        })
        .collect())
}

pub async fn update(
    ctx: &RequestContext,
    changes: Vec<(EmailKind, bool)>,
) -> DomainResult<Vec<(EmailKind, bool)>> {
    let principal = ctx.viewer.principal()?;
    if let Some((kind, _)) = changes.iter().find(|(kind, _)| !kind.can_be_switched_off()) {
        return Err(DomainError::invalid(
            "kind",
            format!("{kind} emails cannot be switched off"),
        ));
    }
    let mut conn = ctx.state.pool.get().await?;
    let user = User::find(&mut conn, principal.user_id)
        .await?
        .ok_or(DomainError::Unauthenticated)?;
    conn.transaction(async |conn| {
        for (kind, enabled) in &changes {
            email_preference::set(conn, &user.email, &kind.to_string(), *enabled).await?;
        }
        Ok::<_, DomainError>(())
    })
    .await?;
    of_viewer(ctx).await
}

/// A one-click unsubscribe link: switches its kind off for its address; returns the kind.
pub async fn unsubscribe_by_link(state: &AppState, token: &str) -> DomainResult<EmailKind> {
    let invalid =
        || DomainError::InvalidCredentials("this unsubscribe link is invalid or has expired");
    let (email, kind) = state
        .jwt
        .verify_unsubscribe(token.trim())
        .ok_or_else(invalid)?;
    let kind: EmailKind = kind.parse().map_err(|_| invalid())?;
    let mut conn = state.pool.get().await?;
    email_preference::set(&mut conn, &email, &kind.to_string(), false).await?;
    Ok(kind)
}
