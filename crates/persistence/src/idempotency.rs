//! Idempotency keys: the first answer to a keyed request is stored with the change it made, in the same
//! transaction, and returned to every retry.

use chrono::Utc;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ConnectionTrait, EntityTrait};

use crate::DbError;
use crate::entities::idempotency_keys::{self, Entity as Keys};

pub use idempotency_keys::Model as StoredResponse;

pub async fn find<C: ConnectionTrait>(conn: &C, key: &str) -> Result<Option<StoredResponse>, DbError> {
    Ok(Keys::find_by_id(key.to_owned()).one(conn).await?)
}

/// Claims the key inside the caller's transaction; a concurrent claim of the same key fails with
/// `DbError::Conflict` (and on PostgreSQL waits for the first to commit or roll back).
pub async fn claim<C: ConnectionTrait>(conn: &C, key: &str, request_hash: &str) -> Result<(), DbError> {
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
