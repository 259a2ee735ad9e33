//! Email verification links and what a verified address unlocks: the guest tickets filed
//! with it.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use crate::db::models::guest_access;
use crate::db::schema::{email_verifications, tickets, users};

pub async fn insert(
    conn: &mut AsyncPgConnection,
    token_hash: &[u8],
    user_id: Uuid,
    email: &str,
    expires_at: DateTime<Utc>,
) -> QueryResult<()> {
    diesel::insert_into(email_verifications::table)
        .values((
            email_verifications::token_hash.eq(token_hash),
            email_verifications::user_id.eq(user_id),
            email_verifications::email.eq(email),
            email_verifications::expires_at.eq(expires_at),
        ))
        .execute(conn)
        .await?;
    Ok(())
}

/// Uses up a live link whose address is still the account's; returns the user id.
pub async fn consume(conn: &mut AsyncPgConnection, token_hash: &[u8]) -> QueryResult<Option<Uuid>> {
    diesel::update(
        email_verifications::table
            .filter(email_verifications::token_hash.eq(token_hash))
            .filter(email_verifications::used_at.is_null())
            .filter(email_verifications::expires_at.gt(diesel::dsl::now))
            .filter(diesel::dsl::exists(
                users::table
                    .filter(users::id.eq(email_verifications::user_id))
                    .filter(users::email.eq(email_verifications::email)),
            )),
    )
    .set(email_verifications::used_at.eq(diesel::dsl::now))
    .returning(email_verifications::user_id)
    .get_result(conn)
    .await
    .optional()
}

pub async fn mark_verified(conn: &mut AsyncPgConnection, user_id: Uuid) -> QueryResult<()> {
    diesel::update(users::table.find(user_id))
        .filter(users::email_verified_at.is_null())
        .set(users::email_verified_at.eq(diesel::dsl::now))
        .execute(conn)
        .await?;
    Ok(())
}

/// Guest tickets filed with `email` become `user_id`'s, and their guest tracking links stop
/// working (the account is the way in now); returns how many tickets were claimed.
pub async fn claim_guest_tickets(
    conn: &mut AsyncPgConnection,
    user_id: Uuid,
    email: &str,
) -> QueryResult<usize> {
    let claimed: Vec<Uuid> = diesel::update(
        tickets::table
            .filter(tickets::requester_id.is_null())
            .filter(tickets::requester_email.eq(email)),
    )
    .set((
        tickets::requester_id.eq(user_id),
        tickets::version.eq(tickets::version + 1),
        tickets::updated_at.eq(diesel::dsl::now),
    ))
    .returning(tickets::id)
    .get_results(conn)
    .await?;
    guest_access::revoke_all_of(conn, &claimed).await?;
    Ok(claimed.len())
}
