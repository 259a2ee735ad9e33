//! Staff corrections of triage and the retrained models they produced.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use crate::db::schema::{triage_corrections, triage_models};

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = triage_corrections, check_for_backend(diesel::pg::Pg))]
pub struct TriageCorrection {
    pub id: i64,
    pub ticket_id: Uuid,
    pub title: String,
    pub description: String,
    pub category: Option<String>,
    pub priority: Option<String>,
    pub skills: Option<Vec<String>>,
}

#[derive(Insertable)]
#[diesel(table_name = triage_corrections)]
pub struct NewTriageCorrection<'a> {
    pub ticket_id: Uuid,
    pub title: &'a str,
    pub description: &'a str,
    pub category: Option<&'a str>,
    pub priority: Option<String>,
    pub skills: Option<&'a [String]>,
    pub corrected_by: Option<Uuid>,
}

impl NewTriageCorrection<'_> {
    pub async fn insert(&self, conn: &mut AsyncPgConnection) -> QueryResult<()> {
        diesel::insert_into(triage_corrections::table)
            .values(self)
            .execute(conn)
            .await?;
        Ok(())
    }
}

impl TriageCorrection {
    /// Every correction up to `through`, oldest first (later ones about the same ticket
    /// refine earlier ones).
    pub async fn through(conn: &mut AsyncPgConnection, through: i64) -> QueryResult<Vec<Self>> {
        triage_corrections::table
            .filter(triage_corrections::id.le(through))
            .order(triage_corrections::id)
            .select(Self::as_select())
            .load(conn)
            .await
    }

    /// The newest correction's id (0 when there is none).
    pub async fn latest_id(conn: &mut AsyncPgConnection) -> QueryResult<i64> {
        let id: Option<i64> = triage_corrections::table
            .select(diesel::dsl::max(triage_corrections::id))
            .first(conn)
            .await?;
        Ok(id.unwrap_or(0))
    }
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = triage_models, check_for_backend(diesel::pg::Pg))]
pub struct TriageModelRow {
    pub version: i32,
    pub corrections_through: i64,
    pub examples: i32,
    pub corrections: i32,
    pub category_accuracy: f64,
    pub priority_exact: f64,
    pub priority_within_one: f64,
    pub skills_precision: f64,
    pub skills_recall: f64,
    pub score: f64,
    pub active: bool,
    pub trained_at: DateTime<Utc>,
}

impl TriageModelRow {
    pub async fn active(conn: &mut AsyncPgConnection) -> QueryResult<Option<Self>> {
        triage_models::table
            .filter(triage_models::active)
            .select(Self::as_select())
            .first(conn)
            .await
            .optional()
    }

    pub async fn next_version(conn: &mut AsyncPgConnection) -> QueryResult<i32> {
        let version: Option<i32> = triage_models::table
            .select(diesel::dsl::max(triage_models::version))
            .first(conn)
            .await?;
        Ok(version.unwrap_or(0) + 1)
    }

    /// Records a trained model; an active one replaces the previous active one.
    pub async fn insert(&self, conn: &mut AsyncPgConnection) -> QueryResult<()> {
        if self.active {
            diesel::update(triage_models::table.filter(triage_models::active))
                .set(triage_models::active.eq(false))
                .execute(conn)
                .await?;
        }
        diesel::insert_into(triage_models::table)
            .values(self)
            .execute(conn)
            .await?;
        Ok(())
    }
}
