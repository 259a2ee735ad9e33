//! The read of one live ticket by id, which every ticket page starts with, with its SQL text
//! rendered once. diesel-async renders a query's SQL on every call, even when the statement
//! is already prepared on the connection; for a select of every ticket column that walk was
//! a seventh of a one-ticket request's work.

use std::sync::LazyLock;

use diesel::dsl::{AsSelect, SqlTypeOf};
use diesel::pg::{Pg, PgQueryBuilder};
use diesel::prelude::*;
use diesel::query_builder::{AstPass, Query, QueryBuilder, QueryFragment, QueryId};
use diesel::sql_types;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use crate::db::models::ticket::Ticket;
use crate::db::schema::tickets;

/// Diesel's own rendering of the query, split around its one bind (`$1`, the id): built from
/// the same DSL as any other ticket read, so it follows the schema.
static SQL: LazyLock<Option<(String, String)>> = LazyLock::new(|| {
    let query = tickets::table
        .find(Uuid::nil())
        .filter(tickets::deleted_at.is_null())
        .select(<Ticket as SelectableHelper<Pg>>::as_select());
    let mut builder = PgQueryBuilder::default();
    QueryFragment::<Pg>::to_sql(&query, &mut builder, &Pg).ok()?;
    let sql = builder.finish();
    let (before, after) = sql.split_once("$1")?;
    Some((before.to_owned(), after.to_owned()))
});

/// The live ticket with this id (at most one row: the id is the key).
#[derive(Debug, Clone, Copy)]
struct LiveTicket(Uuid);

impl QueryId for LiveTicket {
    type QueryId = Self;
    const HAS_STATIC_QUERY_ID: bool = true;
}

impl Query for LiveTicket {
    type SqlType = SqlTypeOf<AsSelect<Ticket, Pg>>;
}

impl QueryFragment<Pg> for LiveTicket {
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, Pg>) -> QueryResult<()> {
        let (before, after) = SQL.as_ref().ok_or_else(|| {
            diesel::result::Error::QueryBuilderError("the live-ticket query did not render".into())
        })?;
        out.push_sql(before);
        out.push_bind_param::<sql_types::Uuid, _>(&self.0)?;
        out.push_sql(after);
        Ok(())
    }
}

/// A ticket that is not in the trash.
pub async fn find(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<Option<Ticket>> {
    LiveTicket(id).get_result(conn).await.optional()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rendered_text_selects_every_column_of_a_live_ticket_by_id() {
        let (before, after) = SQL.as_ref().expect("renders");
        assert!(before.starts_with("SELECT "), "{before}");
        assert!(
            before.ends_with("WHERE ((\"tickets\".\"id\" = "),
            "{before}"
        );
        assert_eq!(after, ") AND (\"tickets\".\"deleted_at\" IS NULL))");
        assert!(!after.contains('$'));
    }
}
