//! Sessions (refresh-token families) and their rotating refresh tokens.

use chrono::{DateTime, Utc};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use sitecard_domain::ids::AccountId;
use uuid::Uuid;

use crate::DbError;
use crate::entities::refresh_tokens::{self, Entity as RefreshTokens};
use crate::entities::sessions::{self, Entity as Sessions};

/// A row of `sessions` as stored.
#[derive(Clone, Debug, PartialEq)]
pub struct Session {
    pub id: uuid::Uuid,
    pub account_id: AccountId,
    pub client: String,
    pub user_agent: Option<String>,
    pub ip: Option<String>,
    pub auth_method: String,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub last_used_at: chrono::DateTime<chrono::Utc>,
    pub expires_at: chrono::DateTime<chrono::Utc>,
    pub revoked_at: Option<chrono::DateTime<chrono::Utc>>,
    pub revoked_reason: Option<String>,
}

impl From<crate::entities::sessions::Model> for Session {
    fn from(m: crate::entities::sessions::Model) -> Self {
        Self {
            id: m.id,
            account_id: m.account_id.into(),
            client: m.client,
            user_agent: m.user_agent,
            ip: m.ip,
            auth_method: m.auth_method,
            created_at: m.created_at,
            last_used_at: m.last_used_at,
            expires_at: m.expires_at,
            revoked_at: m.revoked_at,
            revoked_reason: m.revoked_reason,
        }
    }
}

/// A row of `refresh_tokens` as stored.
#[derive(Clone, Debug, PartialEq)]
pub struct RefreshToken {
    pub id: uuid::Uuid,
    pub session_id: uuid::Uuid,
    pub token_hash: String,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub used_at: Option<chrono::DateTime<chrono::Utc>>,
    /// The token this one replaced; inserting it spends that one (a trigger, migration 11).
    pub parent_id: Option<uuid::Uuid>,
}

impl From<crate::entities::refresh_tokens::Model> for RefreshToken {
    fn from(m: crate::entities::refresh_tokens::Model) -> Self {
        Self {
            id: m.id,
            session_id: m.session_id,
            token_hash: m.token_hash,
            created_at: m.created_at,
            used_at: m.used_at,
            parent_id: m.parent_id,
        }
    }
}

pub struct NewSession<'a> {
    pub account_id: AccountId,
    pub client: &'a str,
    pub user_agent: Option<String>,
    pub ip: Option<String>,
    pub auth_method: &'a str,
    pub expires_at: DateTime<Utc>,
}

pub async fn create<C: ConnectionTrait>(conn: &C, new: NewSession<'_>) -> Result<Session, DbError> {
    let now = Utc::now();
    Ok(sessions::ActiveModel {
        id: Set(Uuid::now_v7()),
        account_id: Set(new.account_id.into()),
        client: Set(new.client.to_owned()),
        user_agent: Set(new.user_agent.map(|u| u.chars().take(300).collect())),
        ip: Set(new.ip),
        auth_method: Set(new.auth_method.to_owned()),
        created_at: Set(now),
        last_used_at: Set(now),
        expires_at: Set(new.expires_at),
        revoked_at: Set(None),
        revoked_reason: Set(None),
    }
    .insert(conn)
    .await?
    .into())
}

pub async fn find<C: ConnectionTrait>(conn: &C, id: Uuid) -> Result<Option<Session>, DbError> {
    Ok(Sessions::find_by_id(id).one(conn).await?.map(Into::into))
}

/// The session with its account and the account's verified person (if any), in one statement: what every
/// authenticated request checks and most cardholder reads need.
pub async fn find_with_account<C: ConnectionTrait>(
    conn: &C,
    id: Uuid,
) -> Result<Option<(Session, crate::accounts::Account, Option<crate::persons::Person>)>, DbError> {
    let row = Sessions::find_by_id(id)
        .find_also_related(crate::entities::accounts::Entity)
        .and_also_related(crate::entities::persons::Entity)
        .one(conn)
        .await?;
    Ok(row.and_then(|(s, a, p)| a.map(|a| (s.into(), a.into(), p.map(Into::into)))))
}

/// The account's sessions that are still usable, newest first.
pub async fn active_for_account<C: ConnectionTrait>(conn: &C, account_id: AccountId) -> Result<Vec<Session>, DbError> {
    Ok(Sessions::find()
        .filter(sessions::Column::AccountId.eq(account_id))
        .filter(sessions::Column::RevokedAt.is_null())
        .filter(sessions::Column::ExpiresAt.gt(Utc::now()))
        .order_by_desc(sessions::Column::CreatedAt)
        .all(conn)
        .await?
        .into_iter()
        .map(Into::into)
        .collect())
}

pub async fn revoke<C: ConnectionTrait>(conn: &C, id: Uuid, reason: &str) -> Result<(), DbError> {
    Sessions::update_many()
        .col_expr(sessions::Column::RevokedAt, Some(Utc::now()).into())
        .col_expr(sessions::Column::RevokedReason, Some(reason.to_owned()).into())
        .filter(sessions::Column::Id.eq(id))
        .filter(sessions::Column::RevokedAt.is_null())
        .exec(conn)
        .await?;
    Ok(())
}

/// Ends every session of an account (password reset, phone reset), optionally sparing one.
pub async fn revoke_all_for_account<C: ConnectionTrait>(
    conn: &C,
    account_id: AccountId,
    except: Option<Uuid>,
    reason: &str,
) -> Result<u64, DbError> {
    let mut q = Sessions::update_many()
        .col_expr(sessions::Column::RevokedAt, Some(Utc::now()).into())
        .col_expr(sessions::Column::RevokedReason, Some(reason.to_owned()).into())
        .filter(sessions::Column::AccountId.eq(account_id))
        .filter(sessions::Column::RevokedAt.is_null());
    if let Some(keep) = except {
        q = q.filter(sessions::Column::Id.ne(keep));
    }
    Ok(q.exec(conn).await?.rows_affected)
}

pub async fn add_refresh_token<C: ConnectionTrait>(conn: &C, session_id: Uuid, token_hash: &str) -> Result<(), DbError> {
    refresh_tokens::ActiveModel {
        id: Set(Uuid::now_v7()),
        session_id: Set(session_id),
        token_hash: Set(token_hash.to_owned()),
        created_at: Set(Utc::now()),
        used_at: Set(None),
        parent_id: Set(None),
    }
    .insert(conn)
    .await?;
    Ok(())
}

/// A refresh token with its session and the session's account, in one statement (a refresh needs all three).
pub async fn find_refresh_token<C: ConnectionTrait>(
    conn: &C,
    token_hash: &str,
) -> Result<Option<(RefreshToken, Session, crate::accounts::Account)>, DbError> {
    let row = RefreshTokens::find()
        .filter(refresh_tokens::Column::TokenHash.eq(token_hash))
        .find_also_related(Sessions)
        .and_also_related(crate::entities::accounts::Entity)
        .one(conn)
        .await?;
    Ok(row.and_then(|(t, s, a)| Some((t.into(), s?.into(), a?.into()))))
}

/// Replaces a refresh token by its successor in one atomic statement: the insert spends `parent_id` and
/// touches the session (trigger, migration 11). False when the token was already spent, by an earlier
/// rotation or by one running at this moment (the unique `parent_id` refuses the second).
pub async fn rotate_refresh_token<C: ConnectionTrait>(
    conn: &C,
    parent_id: Uuid,
    session_id: Uuid,
    token_hash: &str,
) -> Result<bool, DbError> {
    use sea_orm::sea_query::{Expr, Query};
    let unspent = Query::select()
        .expr(Expr::val(1))
        .from(RefreshTokens)
        .and_where(refresh_tokens::Column::Id.eq(parent_id))
        .and_where(refresh_tokens::Column::UsedAt.is_null())
        .to_owned();
    let successor = Query::select()
        .exprs([
            Expr::val(Uuid::now_v7()),
            Expr::val(session_id),
            Expr::val(token_hash.to_owned()),
            Expr::val(Utc::now()),
            Expr::val(parent_id),
        ])
        .and_where(Expr::exists(unspent))
        .to_owned();
    let insert = Query::insert()
        .into_table(RefreshTokens)
        .columns([
            refresh_tokens::Column::Id,
            refresh_tokens::Column::SessionId,
            refresh_tokens::Column::TokenHash,
            refresh_tokens::Column::CreatedAt,
            refresh_tokens::Column::ParentId,
        ])
        .select_from(successor)
        .map_err(|e| DbError::Other(e.to_string()))?
        .to_owned();
    match conn.execute(&insert).await.map_err(DbError::from) {
        Ok(res) => Ok(res.rows_affected() == 1),
        Err(DbError::Conflict(_)) => Ok(false),
        Err(e) => Err(e),
    }
}
