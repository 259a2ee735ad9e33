//! Macros: canned responses with actions, personal or shared.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use crate::db::schema::macros;
use crate::domain::ticket::{TicketPriority, TicketStatus};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = macros, check_for_backend(diesel::pg::Pg))]
pub struct Macro {
    pub id: Uuid,
    pub owner_id: Uuid,
    pub name: String,
    pub body: String,
    pub set_status: Option<TicketStatus>,
    pub set_priority: Option<TicketPriority>,
    pub add_tags: Vec<String>,
    pub assign_to_me: bool,
    pub shared: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A macro's content, as inserted or as it replaces the stored one.
#[derive(Debug, Clone, Insertable, AsChangeset)]
#[diesel(table_name = macros, treat_none_as_null = true)]
pub struct MacroContent {
    pub name: String,
    pub body: String,
    pub set_status: Option<TicketStatus>,
    pub set_priority: Option<TicketPriority>,
    pub add_tags: Vec<String>,
    pub assign_to_me: bool,
    pub shared: bool,
}

impl Macro {
    pub async fn insert(
        conn: &mut AsyncPgConnection,
        owner_id: Uuid,
        content: &MacroContent,
    ) -> QueryResult<Self> {
        diesel::insert_into(macros::table)
            .values((macros::owner_id.eq(owner_id), content))
            .returning(Self::as_returning())
            .get_result(conn)
            .await
    }

    pub async fn find(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<Option<Self>> {
        macros::table
            .find(id)
            .select(Self::as_select())
            .first(conn)
            .await
            .optional()
    }

    /// The owner's macros and every shared one: shared first, then by name.
    pub async fn usable_by(conn: &mut AsyncPgConnection, owner_id: Uuid) -> QueryResult<Vec<Self>> {
        macros::table
            .filter(macros::owner_id.eq(owner_id).or(macros::shared.eq(true)))
            .order((macros::shared.desc(), macros::name))
            .select(Self::as_select())
            .load(conn)
            .await
    }

    pub async fn replace(
        conn: &mut AsyncPgConnection,
        id: Uuid,
        content: &MacroContent,
    ) -> QueryResult<Self> {
        diesel::update(macros::table.find(id))
            .set((content, macros::updated_at.eq(diesel::dsl::now)))
            .returning(Self::as_returning())
            .get_result(conn)
            .await
    }

    pub async fn delete(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<usize> {
        diesel::delete(macros::table.find(id)).execute(conn).await
    }
}
