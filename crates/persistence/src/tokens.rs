//! One-time tokens sent by email (registration, password reset, invitations): stored hashed, single use.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

use crate::DbError;
use crate::entities::one_time_tokens::{self, Entity as Tokens};

/// A row of `one_time_tokens` as stored.
#[derive(Clone, Debug, PartialEq)]
pub struct OneTimeToken {
    pub id: uuid::Uuid,
    pub purpose: String,
    pub token_hash: String,
    pub account_id: uuid::Uuid,
    pub expires_at: chrono::DateTime<chrono::Utc>,
    pub used_at: Option<chrono::DateTime<chrono::Utc>>,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

impl From<crate::entities::one_time_tokens::Model> for OneTimeToken {
    fn from(m: crate::entities::one_time_tokens::Model) -> Self {
        Self {
            id: m.id,
            purpose: m.purpose,
            token_hash: m.token_hash,
            account_id: m.account_id,
            expires_at: m.expires_at,
            used_at: m.used_at,
            created_at: m.created_at,
        }
    }
}

pub async fn insert<C: ConnectionTrait>(
    conn: &C,
    purpose: &str,
    token_hash: &str,
    account_id: Uuid,
    expires_at: DateTime<Utc>,
) -> Result<(), DbError> {
    one_time_tokens::ActiveModel {
        id: Set(Uuid::now_v7()),
        purpose: Set(purpose.to_owned()),
        token_hash: Set(token_hash.to_owned()),
        account_id: Set(account_id),
        expires_at: Set(expires_at),
        used_at: Set(None),
        created_at: Set(Utc::now()),
    }
    .insert(conn)
    .await?;
    Ok(())
}

/// A token that exists, has one of these purposes, is unused and unexpired.
pub async fn find_usable<C: ConnectionTrait>(conn: &C, token_hash: &str, purposes: &[&str]) -> Result<Option<OneTimeToken>, DbError> {
    let now = Utc::now();
    let t = Tokens::find().filter(one_time_tokens::Column::TokenHash.eq(token_hash)).one(conn).await?;
    Ok(t.filter(|t| t.used_at.is_none() && t.expires_at > now && purposes.contains(&t.purpose.as_str())).map(Into::into))
}

/// Spends the token; false when someone else spent it first.
pub async fn spend<C: ConnectionTrait>(conn: &C, id: Uuid) -> Result<bool, DbError> {
    let res = Tokens::update_many()
        .col_expr(one_time_tokens::Column::UsedAt, Some(Utc::now()).into())
        .filter(one_time_tokens::Column::Id.eq(id))
        .filter(one_time_tokens::Column::UsedAt.is_null())
        .exec(conn)
        .await?;
    Ok(res.rows_affected == 1)
}

/// Spends every open token of an account for these purposes (a new link replaces older ones).
pub async fn spend_all_for<C: ConnectionTrait>(conn: &C, account_id: Uuid, purpose: &str) -> Result<(), DbError> {
    Tokens::update_many()
        .col_expr(one_time_tokens::Column::UsedAt, Some(Utc::now()).into())
        .filter(one_time_tokens::Column::AccountId.eq(account_id))
        .filter(one_time_tokens::Column::Purpose.eq(purpose))
        .filter(one_time_tokens::Column::UsedAt.is_null())
        .exec(conn)
        .await?;
    Ok(())
}
