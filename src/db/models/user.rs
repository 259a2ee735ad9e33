use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use crate::db::schema::users;
use crate::domain::roles::Role;

#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = users, check_for_backend(diesel::pg::Pg))]
pub struct User {
    pub id: Uuid,
    pub email: String,
    pub name: String,
    pub role: Role,
    pub skills: Vec<String>,
    pub active: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub last_assigned_at: Option<DateTime<Utc>>,
    pub email_verified_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Insertable)]
#[diesel(table_name = users, check_for_backend(diesel::pg::Pg))]
pub struct NewUser<'a> {
    pub id: Uuid,
    pub email: &'a str,
    pub name: &'a str,
    pub password_hash: Option<&'a str>,
    pub role: Role,
    pub skills: &'a [String],
}

#[derive(Debug, Default, AsChangeset)]
#[diesel(table_name = users)]
pub struct UserChanges {
    pub role: Option<Role>,
    pub skills: Option<Vec<String>>,
    pub active: Option<bool>,
    pub name: Option<String>,
    pub updated_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Default, Clone)]
pub struct UserFilter {
    pub role: Option<Role>,
    pub skill: Option<String>,
    pub active: Option<bool>,
}

impl User {
    pub async fn find(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<Option<User>> {
        users::table
            .find(id)
            .select(User::as_select())
            .first(conn)
            .await
            .optional()
    }

    pub async fn find_many(conn: &mut AsyncPgConnection, ids: &[Uuid]) -> QueryResult<Vec<User>> {
        users::table
            .filter(users::id.eq_any(ids))
            .select(User::as_select())
            .load(conn)
            .await
    }

    pub async fn find_by_email(
        conn: &mut AsyncPgConnection,
        email: &str,
    ) -> QueryResult<Option<User>> {
        users::table
            .filter(users::email.eq(email))
            .select(User::as_select())
            .first(conn)
            .await
            .optional()
    }

    /// The user and their password hash, for logging in.
    pub async fn find_credentials(
        conn: &mut AsyncPgConnection,
        email: &str,
    ) -> QueryResult<Option<(User, Option<String>)>> {
        users::table
            .filter(users::email.eq(email))
            .select((User::as_select(), users::password_hash))
            .first(conn)
            .await
            .optional()
    }

    pub async fn list(
        conn: &mut AsyncPgConnection,
        filter: &UserFilter,
        limit: i64,
        offset: i64,
    ) -> QueryResult<(Vec<User>, i64)> {
        let build = || {
            let mut query = users::table.into_boxed();
            if let Some(role) = filter.role {
                query = query.filter(users::role.eq(role));
            }
            if let Some(skill) = &filter.skill {
                query = query.filter(users::skills.contains(vec![skill.clone()]));
            }
            if let Some(active) = filter.active {
                query = query.filter(users::active.eq(active));
            }
            query
        };
        let total = build().count().get_result(conn).await?;
        let rows = build()
            .order((users::created_at.asc(), users::id.asc()))
            .limit(limit)
            .offset(offset)
            .select(User::as_select())
            .load(conn)
            .await?;
        Ok((rows, total))
    }

    /// Active users of `role`, oldest accounts first.
    pub async fn active_with_role(
        conn: &mut AsyncPgConnection,
        role: Role,
        limit: i64,
    ) -> QueryResult<Vec<User>> {
        let filter = UserFilter {
            role: Some(role),
            skill: None,
            active: Some(true),
        };
        Ok(Self::list(conn, &filter, limit, 0).await?.0)
    }

    pub async fn update(
        conn: &mut AsyncPgConnection,
        id: Uuid,
        changes: &UserChanges,
    ) -> QueryResult<Option<User>> {
        diesel::update(users::table.find(id))
            .set(changes)
            .returning(User::as_returning())
            .get_result(conn)
            .await
            .optional()
    }
}

impl NewUser<'_> {
    /// Inserts the user; `None` when the email is already taken.
    pub async fn insert(&self, conn: &mut AsyncPgConnection) -> QueryResult<Option<User>> {
        diesel::insert_into(users::table)
            .values(self)
            .on_conflict(users::email)
            .do_nothing()
            .returning(User::as_returning())
            .get_result(conn)
            .await
            .optional()
    }
}

/// Inserts an administrator or promotes, re-activates and re-keys the existing account.
pub async fn upsert_admin(
    conn: &mut AsyncPgConnection,
    email: &str,
    name: &str,
    password_hash: &str,
) -> QueryResult<User> {
    diesel::insert_into(users::table)
        .values(NewUser {
            id: Uuid::now_v7(),
            email,
            name,
            password_hash: Some(password_hash),
            role: Role::Admin,
            skills: &[],
        })
        .on_conflict(users::email)
        .do_update()
        .set((
            users::role.eq(Role::Admin),
            users::active.eq(true),
            users::password_hash.eq(password_hash),
            users::updated_at.eq(diesel::dsl::now),
        ))
        .returning(User::as_returning())
        .get_result(conn)
        .await
}

/// An active moderator or admin with their current open-ticket load.
#[derive(Debug, Clone, QueryableByName)]
pub struct StaffWorkload {
    #[diesel(sql_type = diesel::sql_types::Uuid)]
    pub id: Uuid,
    #[diesel(sql_type = diesel::sql_types::Text)]
    pub role: Role,
    #[diesel(sql_type = diesel::sql_types::Array<diesel::sql_types::Text>)]
    pub skills: Vec<String>,
    #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Timestamptz>)]
    pub last_assigned_at: Option<DateTime<Utc>>,
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    pub open_tickets: i64,
}

/// Active staff and how many open, live tickets each holds. A moderator's count stops at
/// `moderator_cap`, the load past which auto-assignment skips them anyway: counting every
/// open ticket of every moderator made each assignment read the whole open backlog, under the
/// lock that serialises assignments. Admins, who take the fallback by least load, are counted
/// exactly.
pub async fn staff_workloads(
    conn: &mut AsyncPgConnection,
    moderator_cap: i64,
) -> QueryResult<Vec<StaffWorkload>> {
    diesel::sql_query(
        // Each count reads `tickets_open_assignee_idx` alone; an admin's LIMIT is NULL, which
        // Postgres reads as no limit.
        "SELECT u.id, u.role, u.skills, u.last_assigned_at,
             (SELECT count(*) FROM (SELECT FROM tickets t WHERE t.assignee_id = u.id
                 AND t.deleted_at IS NULL AND t.status NOT IN ('RESOLVED', 'CLOSED', 'CANCELLED')
                 LIMIT CASE WHEN u.role = 'MODERATOR' THEN $1 END) AS open) AS open_tickets
         FROM users u
         WHERE u.active AND u.role IN ('MODERATOR', 'ADMIN')
         ORDER BY u.id",
    )
    .bind::<diesel::sql_types::BigInt, _>(moderator_cap.max(0))
    .load(conn)
    .await
}

/// Every skill declared by an active moderator or admin (as written, de-duplicated).
pub async fn staff_skills(conn: &mut AsyncPgConnection) -> QueryResult<Vec<String>> {
    users::table
        .filter(users::active.eq(true))
        .filter(users::role.eq_any([Role::Moderator, Role::Admin]))
        .select(diesel::dsl::sql::<diesel::sql_types::Text>(
            "DISTINCT unnest(skills)",
        ))
        .load(conn)
        .await
}

pub async fn mark_assigned(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    at: DateTime<Utc>,
) -> QueryResult<()> {
    diesel::update(users::table.find(id))
        .set(users::last_assigned_at.eq(at))
        .execute(conn)
        .await?;
    Ok(())
}
