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
