//! Saved ticket views: a named filter and order, personal or shared with all staff.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use crate::db::schema::saved_views;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = saved_views, check_for_backend(diesel::pg::Pg))]
pub struct SavedView {
    pub id: Uuid,
    pub owner_id: Uuid,
    pub name: String,
    /// The `tickets` filter input, as JSON.
    pub filter: serde_json::Value,
    pub order_field: String,
    pub order_direction: String,
    pub shared: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = saved_views)]
pub struct NewSavedView<'a> {
    pub owner_id: Uuid,
    pub name: &'a str,
    pub filter: &'a serde_json::Value,
    pub order_field: &'a str,
    pub order_direction: &'a str,
    pub shared: bool,
}

#[derive(Debug, Default, AsChangeset)]
#[diesel(table_name = saved_views)]
pub struct SavedViewChanges {
    pub name: Option<String>,
    pub filter: Option<serde_json::Value>,
    pub order_field: Option<String>,
    pub order_direction: Option<String>,
    pub shared: Option<bool>,
}

impl NewSavedView<'_> {
    pub async fn insert(&self, conn: &mut AsyncPgConnection) -> QueryResult<SavedView> {
        diesel::insert_into(saved_views::table)
            .values(self)
            .returning(SavedView::as_returning())
            .get_result(conn)
            .await
    }
}

impl SavedView {
    pub async fn find(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<Option<Self>> {
        saved_views::table
            .find(id)
            .select(Self::as_select())
            .first(conn)
            .await
            .optional()
    }

    /// The owner's views and, with `shared`, every shared view: shared first, then by name.
    pub async fn visible_to(
        conn: &mut AsyncPgConnection,
        owner_id: Uuid,
        shared: bool,
    ) -> QueryResult<Vec<Self>> {
        let mut query = saved_views::table
            .filter(saved_views::owner_id.eq(owner_id))
            .into_boxed();
        if shared {
            query = query.or_filter(saved_views::shared.eq(true));
        }
        query
            .order((saved_views::shared.desc(), saved_views::name))
            .select(Self::as_select())
            .load(conn)
            .await
    }

    pub async fn count_owned(conn: &mut AsyncPgConnection, owner_id: Uuid) -> QueryResult<i64> {
        saved_views::table
            .filter(saved_views::owner_id.eq(owner_id))
            .count()
            .get_result(conn)
            .await
    }

    pub async fn update(
        conn: &mut AsyncPgConnection,
        id: Uuid,
        changes: &SavedViewChanges,
    ) -> QueryResult<Self> {
        diesel::update(saved_views::table.find(id))
            .set((changes, saved_views::updated_at.eq(diesel::dsl::now)))
            .returning(Self::as_returning())
            .get_result(conn)
            .await
    }

    pub async fn delete(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<usize> {
        diesel::delete(saved_views::table.find(id))
            .execute(conn)
            .await
    }
}

/// Serialises view creation per owner for the rest of the transaction, so the per-user limit
/// holds under concurrent requests.
pub async fn lock_owner(conn: &mut AsyncPgConnection, owner_id: Uuid) -> QueryResult<()> {
    diesel::sql_query("SELECT pg_advisory_xact_lock(hashtextextended('saved_views:' || $1, 0))")
        .bind::<diesel::sql_types::Text, _>(owner_id.to_string())
        .execute(conn)
        .await?;
    Ok(())
}
