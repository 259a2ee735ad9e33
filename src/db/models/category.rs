use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use crate::db::schema::categories;

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = categories, check_for_backend(diesel::pg::Pg))]
pub struct Category {
    pub id: Uuid,
    pub slug: String,
    pub name: String,
    pub active: bool,
    pub created_at: DateTime<Utc>,
    /// Route tickets of this category when their text names no skill.
    pub default_skills: Vec<String>,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = categories)]
pub struct NewCategory<'a> {
    pub id: Uuid,
    pub slug: &'a str,
    pub name: &'a str,
}

impl Category {
    pub async fn all(
        conn: &mut AsyncPgConnection,
        include_inactive: bool,
    ) -> QueryResult<Vec<Self>> {
        let mut query = categories::table.into_boxed();
        if !include_inactive {
            query = query.filter(categories::active.eq(true));
        }
        query
            .order(categories::slug.asc())
            .select(Category::as_select())
            .load(conn)
            .await
    }

    pub async fn find_many(conn: &mut AsyncPgConnection, ids: &[Uuid]) -> QueryResult<Vec<Self>> {
        categories::table
            .filter(categories::id.eq_any(ids))
            .select(Category::as_select())
            .load(conn)
            .await
    }

    pub async fn find_by_slug(
        conn: &mut AsyncPgConnection,
        slug: &str,
    ) -> QueryResult<Option<Self>> {
        categories::table
            .filter(categories::slug.eq(slug))
            .select(Category::as_select())
            .first(conn)
            .await
            .optional()
    }

    pub async fn set_active(
        conn: &mut AsyncPgConnection,
        slug: &str,
        active: bool,
    ) -> QueryResult<Option<Self>> {
        diesel::update(categories::table.filter(categories::slug.eq(slug)))
            .set(categories::active.eq(active))
            .returning(Category::as_returning())
            .get_result(conn)
            .await
            .optional()
    }
}

impl Category {
    pub async fn set_default_skills(
        conn: &mut AsyncPgConnection,
        slug: &str,
        skills: &[String],
    ) -> QueryResult<Option<Self>> {
        diesel::update(categories::table.filter(categories::slug.eq(slug)))
            .set(categories::default_skills.eq(skills))
            .returning(Category::as_returning())
            .get_result(conn)
            .await
            .optional()
    }
}

impl NewCategory<'_> {
    /// `None` when the slug is taken.
    pub async fn insert(&self, conn: &mut AsyncPgConnection) -> QueryResult<Option<Category>> {
        diesel::insert_into(categories::table)
            .values(self)
            .on_conflict(categories::slug)
            .do_nothing()
            .returning(Category::as_returning())
            .get_result(conn)
            .await
            .optional()
    }
}
