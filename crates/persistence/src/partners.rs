//! Production-partner API clients (OAuth2 client credentials).

use chrono::Utc;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

use crate::DbError;
use crate::entities::partner_clients::{self, Entity as Partners};

pub use partner_clients::Model as PartnerClient;

pub async fn insert<C: ConnectionTrait>(
    conn: &C,
    client_id: &str,
    secret_hash: &str,
    name: &str,
    webhook_url: Option<&str>,
) -> Result<PartnerClient, DbError> {
    Ok(partner_clients::ActiveModel {
        id: Set(Uuid::now_v7()),
        client_id: Set(client_id.to_owned()),
        secret_hash: Set(secret_hash.to_owned()),
        name: Set(name.to_owned()),
        webhook_url: Set(webhook_url.map(str::to_owned)),
        created_at: Set(Utc::now()),
    }
    .insert(conn)
    .await?)
}

pub async fn find_by_client_id<C: ConnectionTrait>(conn: &C, client_id: &str) -> Result<Option<PartnerClient>, DbError> {
    Ok(Partners::find().filter(partner_clients::Column::ClientId.eq(client_id)).one(conn).await?)
}

pub async fn with_webhooks<C: ConnectionTrait>(conn: &C) -> Result<Vec<PartnerClient>, DbError> {
    Ok(Partners::find().filter(partner_clients::Column::WebhookUrl.is_not_null()).all(conn).await?)
}
