use async_graphql::SimpleObject;

use crate::graphql::types::user::UserObject;
use crate::services::accounts::Session;

/// A new session. The access token is also set as an HTTP-only cookie.
#[derive(SimpleObject)]
pub struct AuthPayload {
    /// Short-lived access token for `Authorization: Bearer`.
    pub token: String,
    /// Single-use token for `refreshSession`; rotating it detects theft.
    pub refresh_token: String,
    pub user: UserObject,
}

impl From<Session> for AuthPayload {
    fn from(session: Session) -> Self {
        Self {
            token: session.access_token,
            refresh_token: session.refresh_token,
            user: UserObject::signed_in(session.user),
        }
    }
}
