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
        webhook_events: Set(None),
        created_at: Set(Utc::now()),
    }
    .insert(conn)
    .await?)
}

pub async fn find_by_client_id<C: ConnectionTrait>(conn: &C, client_id: &str) -> Result<Option<PartnerClient>, DbError> {
    Ok(Partners::find().filter(partner_clients::Column::ClientId.eq(client_id)).one(conn).await?)
}

/// The clients with a webhook URL that receive `event_type` (those without a subscription receive every type).
pub async fn subscribed_to<C: ConnectionTrait>(conn: &C, event_type: &str) -> Result<Vec<PartnerClient>, DbError> {
    let all = Partners::find().filter(partner_clients::Column::WebhookUrl.is_not_null()).all(conn).await?;
    Ok(all.into_iter().filter(|p| subscription(p).is_none_or(|types| types.iter().any(|t| t == event_type))).collect())
}

/// The event types a client chose, or `None` for every type.
pub fn subscription(p: &PartnerClient) -> Option<Vec<String>> {
    p.webhook_events.as_deref().and_then(|s| serde_json::from_str(s).ok())
}

/// Sets which event types the client receives (`None`: every type). False when there is no such client.
pub async fn set_subscription<C: ConnectionTrait>(conn: &C, client_id: &str, types: Option<&[String]>) -> Result<bool, DbError> {
    let json = types.map(|t| serde_json::to_string(t).unwrap_or_else(|_| "[]".into()));
    let res = Partners::update_many()
        .col_expr(partner_clients::Column::WebhookEvents, sea_orm::sea_query::Expr::value(json))
        .filter(partner_clients::Column::ClientId.eq(client_id))
        .exec(conn)
        .await?;
    Ok(res.rows_affected == 1)
}
