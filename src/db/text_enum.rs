//! Stores the domain's enums as TEXT columns (guarded by CHECK constraints in the migrations).

use std::str::FromStr;

/// Implements Diesel's `ToSql`/`FromSql` for `Text` on enums whose `Display`/`FromStr` use the
/// same spelling as the database.
macro_rules! text_enum {
    ($($ty:ty),+ $(,)?) => {$(
        impl diesel::serialize::ToSql<diesel::sql_types::Text, diesel::pg::Pg> for $ty {
            fn to_sql<'b>(
                &'b self,
                out: &mut diesel::serialize::Output<'b, '_, diesel::pg::Pg>,
            ) -> diesel::serialize::Result {
                use std::io::Write;
                out.write_all(self.to_string().as_bytes())?;
                Ok(diesel::serialize::IsNull::No)
            }
        }

        impl diesel::deserialize::FromSql<diesel::sql_types::Text, diesel::pg::Pg> for $ty {
            fn from_sql(bytes: diesel::pg::PgValue<'_>) -> diesel::deserialize::Result<Self> {
                crate::db::text_enum::parse(bytes.as_bytes())
            }
        }
    )+};
}

pub(crate) fn parse<T: FromStr>(bytes: &[u8]) -> diesel::deserialize::Result<T> {
    let text = std::str::from_utf8(bytes)?;
    text.parse()
        .map_err(|_| format!("unexpected enum value {text:?} in the database").into())
}

text_enum!(
    crate::domain::roles::Role,
    crate::domain::roles::TokenScope,
    crate::domain::ticket::TicketStatus,
    crate::domain::ticket::TicketPriority,
    crate::domain::ticket::TicketSource,
    crate::domain::ticket::TicketEventKind,
    crate::domain::ticket::PrioritySource,
    crate::domain::thread::AuthorRole,
    crate::domain::attachment::AttachmentKind,
);
