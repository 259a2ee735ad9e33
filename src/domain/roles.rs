use async_graphql::Enum;

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Enum,
    strum::Display,
    strum::EnumString,
    diesel::AsExpression,
    diesel::FromSqlRow,
)]
#[diesel(sql_type = diesel::sql_types::Text)]
#[strum(serialize_all = "SCREAMING_SNAKE_CASE")]
pub enum Role {
    User,
    Moderator,
    Admin,
}

impl Role {
    /// Moderators and admins work tickets; plain users only file and follow their own.
    pub fn is_staff(self) -> bool {
        matches!(self, Role::Moderator | Role::Admin)
    }
}

/// What an API token may do: `Read` runs queries and subscriptions only.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    async_graphql::Enum,
    strum::Display,
    strum::EnumString,
    diesel::AsExpression,
    diesel::FromSqlRow,
)]
#[diesel(sql_type = diesel::sql_types::Text)]
#[strum(serialize_all = "SCREAMING_SNAKE_CASE")]
#[graphql(name = "ApiTokenScope")]
pub enum TokenScope {
    Read,
    Write,
}
