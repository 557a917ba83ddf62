//! JWT signing keys, shared by every instance through the database. The newest unretired key signs; all
//! unretired keys verify and are published in the JWKS, so rotation never cuts off live tokens.

use chrono::Utc;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::DbError;
use crate::entities::signing_keys::{self, Entity as SigningKeys};

/// A row of `signing_keys` as stored.
#[derive(Clone, Debug, PartialEq)]
pub struct SigningKey {
    pub kid: String,
    pub private_key_enc: String,
    pub public_key: String,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub retired_at: Option<chrono::DateTime<chrono::Utc>>,
}

impl From<crate::entities::signing_keys::Model> for SigningKey {
    fn from(m: crate::entities::signing_keys::Model) -> Self {
        Self {
            kid: m.kid,
            private_key_enc: m.private_key_enc,
            public_key: m.public_key,
            created_at: m.created_at,
            retired_at: m.retired_at,
        }
    }
}

pub async fn active<C: ConnectionTrait>(conn: &C) -> Result<Vec<SigningKey>, DbError> {
    Ok(SigningKeys::find()
        .filter(signing_keys::Column::RetiredAt.is_null())
        .order_by_desc(signing_keys::Column::CreatedAt)
        .all(conn)
        .await?
        .into_iter()
        .map(Into::into)
        .collect())
}

pub async fn insert<C: ConnectionTrait>(conn: &C, kid: &str, private_key_enc: &str, public_key: &str) -> Result<(), DbError> {
    signing_keys::ActiveModel {
        kid: Set(kid.to_owned()),
        private_key_enc: Set(private_key_enc.to_owned()),
        public_key: Set(public_key.to_owned()),
        created_at: Set(Utc::now()),
        retired_at: Set(None),
    }
    .insert(conn)
    .await?;
    Ok(())
}

/// Retires every key except the newest `keep` (old tokens expire within minutes of a rotation).
pub async fn retire_all_but<C: ConnectionTrait>(conn: &C, keep: &[String]) -> Result<u64, DbError> {
    let res = SigningKeys::update_many()
        .col_expr(signing_keys::Column::RetiredAt, Some(Utc::now()).into())
        .filter(signing_keys::Column::RetiredAt.is_null())
        .filter(signing_keys::Column::Kid.is_not_in(keep.iter().cloned()))
        .exec(conn)
        .await?;
    Ok(res.rows_affected)
}

/// Every key ever created, retired or not, by `kid` → public key: audit checkpoints stay verifiable after a
/// rotation.
pub async fn public_keys<C: ConnectionTrait>(conn: &C) -> Result<std::collections::HashMap<String, String>, DbError> {
    Ok(SigningKeys::find().all(conn).await?.into_iter().map(|k| (k.kid, k.public_key)).collect())
}
