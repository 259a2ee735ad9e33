use async_graphql::{ID, InputObject, Object, SimpleObject};
use chrono::{DateTime, Datelike, Utc};

use crate::db::models::api_token::ApiToken;
use crate::domain::roles::TokenScope;

/// A personal API token (its secret is shown only when it is created).
pub struct ApiTokenObject(pub ApiToken);

/// Sessions need an expiry; "never" is stored in year 9999.
fn real_expiry(at: DateTime<Utc>) -> Option<DateTime<Utc>> {
    (at.year() < 9999).then_some(at)
}

#[Object(name = "ApiToken")]
impl ApiTokenObject {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }

    async fn name(&self) -> &str {
        &self.0.name
    }

    async fn scope(&self) -> TokenScope {
        self.0.scope
    }

    /// The token's first characters (`dq_…`), to tell tokens apart.
    async fn prefix(&self) -> &str {
        &self.0.prefix
    }

    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }

    /// Null: never expires.
    async fn expires_at(&self) -> Option<DateTime<Utc>> {
        real_expiry(self.0.expires_at)
    }

    /// Within a minute.
    async fn last_used_at(&self) -> Option<DateTime<Utc>> {
        self.0.last_used_at
    }

    async fn revoked_at(&self) -> Option<DateTime<Utc>> {
        self.0.revoked_at
    }
}

#[derive(InputObject)]
pub struct CreateApiTokenInput {
    /// 1–100 characters, e.g. "Jira sync".
    pub name: String,
    /// READ runs queries and subscriptions only; WRITE may also run mutations.
    pub scope: TokenScope,
    /// Null: never expires.
    pub expires_at: Option<DateTime<Utc>>,
}

#[derive(SimpleObject)]
pub struct CreatedApiToken {
    /// Send as `Authorization: Bearer <token>`. Shown only now; only its hash is kept.
    pub token: String,
    pub api_token: ApiTokenObject,
}
