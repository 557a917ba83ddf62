//! Second-factor challenges: a code sent by SMS (or expected from an authenticator app) for a purpose.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::ExprTrait;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

use crate::DbError;
use crate::entities::login_challenges::{self, Entity as Challenges};

/// A row of `login_challenges` as stored.
#[derive(Clone, Debug, PartialEq)]
pub struct Challenge {
    pub id: uuid::Uuid,
    pub purpose: String,
    pub account_id: uuid::Uuid,
    pub method: String,
    pub code_hash: Option<String>,
    pub phone: Option<String>,
    pub wrong_codes: i32,
    pub sends: i32,
    pub last_sent_at: chrono::DateTime<chrono::Utc>,
    pub expires_at: chrono::DateTime<chrono::Utc>,
    pub consumed_at: Option<chrono::DateTime<chrono::Utc>>,
    pub data: Option<String>,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

impl From<crate::entities::login_challenges::Model> for Challenge {
    fn from(m: crate::entities::login_challenges::Model) -> Self {
        Self {
            id: m.id,
            purpose: m.purpose,
            account_id: m.account_id,
            method: m.method,
            code_hash: m.code_hash,
            phone: m.phone,
            wrong_codes: m.wrong_codes,
            sends: m.sends,
            last_sent_at: m.last_sent_at,
            expires_at: m.expires_at,
            consumed_at: m.consumed_at,
            data: m.data,
            created_at: m.created_at,
        }
    }
}

pub struct NewChallenge {
    pub id: Uuid,
    /// `login`, `register`, `phone_change`, `password_reset`.
    pub purpose: &'static str,
    pub account_id: Uuid,
    /// `sms` or `totp`.
    pub method: &'static str,
    pub code_hash: Option<String>,
    pub phone: Option<String>,
    pub expires_at: DateTime<Utc>,
    /// Purpose-specific state (e.g. the new password's hash), JSON.
    pub data: Option<String>,
}

pub async fn insert<C: ConnectionTrait>(conn: &C, new: NewChallenge) -> Result<Challenge, DbError> {
    let now = Utc::now();
    Ok(login_challenges::ActiveModel {
        id: Set(new.id),
        purpose: Set(new.purpose.to_owned()),
        account_id: Set(new.account_id),
        method: Set(new.method.to_owned()),
        code_hash: Set(new.code_hash),
        phone: Set(new.phone),
        wrong_codes: Set(0),
        sends: Set(if new.method == "sms" { 1 } else { 0 }),
        last_sent_at: Set(now),
        expires_at: Set(new.expires_at),
        consumed_at: Set(None),
        data: Set(new.data),
        created_at: Set(now),
    }
    .insert(conn)
    .await?
    .into())
}

pub async fn find<C: ConnectionTrait>(conn: &C, id: Uuid) -> Result<Option<Challenge>, DbError> {
    Ok(Challenges::find_by_id(id).one(conn).await?.map(Into::into))
}

/// The challenge with the account it was started for, in one statement (checking a code needs both).
pub async fn find_with_account<C: ConnectionTrait>(conn: &C, id: Uuid) -> Result<Option<(Challenge, crate::accounts::Account)>, DbError> {
    let row = Challenges::find_by_id(id).find_also_related(crate::entities::accounts::Entity).one(conn).await?;
    Ok(row.and_then(|(c, a)| a.map(|a| (c.into(), a.into()))))
}

/// Takes one of the challenge's `max` tries before the code is judged, in one conditional update: the
/// count after it, or `None` when the tries are used up or the challenge was spent. The column counts every
/// try; a right one spends the challenge, so what is left counts wrong codes.
pub async fn take_try<C: ConnectionTrait>(conn: &C, id: Uuid, max: i32) -> Result<Option<i32>, DbError> {
    let rows = Challenges::update_many()
        .col_expr(login_challenges::Column::WrongCodes, sea_orm::sea_query::Expr::col(login_challenges::Column::WrongCodes).add(1))
        .filter(login_challenges::Column::Id.eq(id))
        .filter(login_challenges::Column::WrongCodes.lt(max))
        .filter(login_challenges::Column::ConsumedAt.is_null())
        .exec_with_returning(conn)
        .await?;
    Ok(rows.first().map(|c| c.wrong_codes))
}

/// Marks the challenge used; false when it was already used (a concurrent verify won).
pub async fn consume<C: ConnectionTrait>(conn: &C, id: Uuid) -> Result<bool, DbError> {
    let res = Challenges::update_many()
        .col_expr(login_challenges::Column::ConsumedAt, Some(Utc::now()).into())
        .filter(login_challenges::Column::Id.eq(id))
        .filter(login_challenges::Column::ConsumedAt.is_null())
        .exec(conn)
        .await?;
    Ok(res.rows_affected == 1)
}

/// A fresh code replaces the old one.
pub async fn resend<C: ConnectionTrait>(conn: &C, id: Uuid, code_hash: String, expires_at: DateTime<Utc>) -> Result<(), DbError> {
    Challenges::update_many()
        .col_expr(login_challenges::Column::CodeHash, Some(code_hash).into())
        .col_expr(login_challenges::Column::ExpiresAt, expires_at.into())
        .col_expr(login_challenges::Column::LastSentAt, Utc::now().into())
        .col_expr(login_challenges::Column::Sends, sea_orm::sea_query::Expr::col(login_challenges::Column::Sends).add(1))
        .filter(login_challenges::Column::Id.eq(id))
        .exec(conn)
        .await?;
    Ok(())
}
