//! Idempotency keys: the first answer to a keyed request is stored with the change it made, in the same
//! transaction, and returned to every retry.

use chrono::{DateTime, Duration, Utc};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use crate::DbError;
use crate::entities::idempotency_keys::{self, Entity as Keys};

/// A row of `idempotency_keys` as stored.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredResponse {
    pub key: String,
    pub request_hash: String,
    pub status: i32,
    pub body: String,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

impl From<crate::entities::idempotency_keys::Model> for StoredResponse {
    fn from(m: crate::entities::idempotency_keys::Model) -> Self {
        Self { key: m.key, request_hash: m.request_hash, status: m.status, body: m.body, created_at: m.created_at }
    }
}

/// How long an answer is kept for retries (API.md: 24 hours).
pub const RETENTION: Duration = Duration::hours(24);

/// The stored answer for `key`, unless it is older than `RETENTION` (then it is as good as purged).
pub async fn find<C: ConnectionTrait>(conn: &C, key: &str) -> Result<Option<StoredResponse>, DbError> {
    Ok(Keys::find_by_id(key.to_owned()).one(conn).await?.filter(|k| k.created_at > Utc::now() - RETENTION).map(Into::into))
}

/// Deletes the keys stored before `cutoff` (the purge job passes now − `RETENTION`); returns how many.
pub async fn purge_before<C: ConnectionTrait>(conn: &C, cutoff: DateTime<Utc>) -> Result<u64, DbError> {
    Ok(Keys::delete_many().filter(idempotency_keys::Column::CreatedAt.lt(cutoff)).exec(conn).await?.rows_affected)
}

/// Claims the key inside the caller's transaction; a concurrent claim of the same key fails with
/// `DbError::Conflict` (and on PostgreSQL waits for the first to commit or roll back).
pub async fn claim<C: ConnectionTrait>(conn: &C, key: &str, request_hash: &str) -> Result<(), DbError> {
    // An expired answer no longer holds its key (the purge job may not have run yet).
    Keys::delete_many()
        .filter(idempotency_keys::Column::Key.eq(key))
        .filter(idempotency_keys::Column::CreatedAt.lte(Utc::now() - RETENTION))
        .exec(conn)
        .await?;
    idempotency_keys::ActiveModel {
        key: Set(key.to_owned()),
        request_hash: Set(request_hash.to_owned()),
        status: Set(0),
        body: Set(String::new()),
        created_at: Set(Utc::now()),
    }
    .insert(conn)
    .await?;
    Ok(())
}

pub async fn store<C: ConnectionTrait>(conn: &C, key: &str, status: u16, body: &str) -> Result<(), DbError> {
    idempotency_keys::ActiveModel {
        key: sea_orm::ActiveValue::Unchanged(key.to_owned()),
        status: Set(i32::from(status)),
        body: Set(body.to_owned()),
        ..Default::default()
    }
    .update(conn)
    .await?;
    Ok(())
}

/// How long a claim may stay without an answer before it is taken for abandoned (its request's process died
/// between claiming and answering): longer than any request runs.
pub const CLAIM_LEASE: Duration = Duration::seconds(30);

/// Releases `key` when it is still an unanswered claim older than `CLAIM_LEASE`; true when it did.
pub async fn release_abandoned<C: ConnectionTrait>(conn: &C, key: &str) -> Result<bool, DbError> {
    let res = Keys::delete_many()
        .filter(idempotency_keys::Column::Key.eq(key))
        .filter(idempotency_keys::Column::Status.eq(0))
        .filter(idempotency_keys::Column::CreatedAt.lt(Utc::now() - CLAIM_LEASE))
        .exec(conn)
        .await?;
    Ok(res.rows_affected == 1)
}
