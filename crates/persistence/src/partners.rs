//! Production-partner API clients (OAuth2 client credentials).

use chrono::Utc;
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use crate::DbError;
use crate::entities::partner_clients::{self, Entity as Partners};

/// A row of `partner_clients` as stored.
#[derive(Clone, Debug, PartialEq)]
pub struct PartnerClient {
    pub id: uuid::Uuid,
    pub client_id: String,
    pub secret_hash: String,
    pub name: String,
    pub webhook_url: Option<String>,
    /// JSON array of the webhook event types this client receives; NULL: every type.
    pub webhook_events: Option<String>,
    /// The webhook secret, encrypted with the data key; NULL: derived from the client id (clients made before
    /// secrets could be rotated).
    pub webhook_secret_enc: Option<String>,
    pub secret_rotated_at: Option<chrono::DateTime<chrono::Utc>>,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

impl From<crate::entities::partner_clients::Model> for PartnerClient {
    fn from(m: crate::entities::partner_clients::Model) -> Self {
        Self {
            id: m.id,
            client_id: m.client_id,
            secret_hash: m.secret_hash,
            name: m.name,
            webhook_url: m.webhook_url,
            webhook_events: m.webhook_events,
            webhook_secret_enc: m.webhook_secret_enc,
            secret_rotated_at: m.secret_rotated_at,
            created_at: m.created_at,
        }
    }
}

pub struct NewPartnerClient<'a> {
    pub client_id: &'a str,
    pub secret_hash: &'a str,
    pub name: &'a str,
    pub webhook_url: Option<&'a str>,
    /// The webhook secret, encrypted.
    pub webhook_secret_enc: &'a str,
}

pub async fn insert<C: ConnectionTrait>(conn: &C, n: NewPartnerClient<'_>) -> Result<PartnerClient, DbError> {
    Ok(partner_clients::ActiveModel {
        id: Set(Uuid::now_v7()),
        client_id: Set(n.client_id.to_owned()),
        secret_hash: Set(n.secret_hash.to_owned()),
        name: Set(n.name.to_owned()),
        webhook_url: Set(n.webhook_url.map(str::to_owned)),
        webhook_events: Set(None),
        webhook_secret_enc: Set(Some(n.webhook_secret_enc.to_owned())),
        secret_rotated_at: Set(None),
        created_at: Set(Utc::now()),
    }
    .insert(conn)
    .await?
    .into())
}

/// Every client, by client id.
pub async fn list<C: ConnectionTrait>(conn: &C) -> Result<Vec<PartnerClient>, DbError> {
    Ok(Partners::find().order_by_asc(partner_clients::Column::ClientId).all(conn).await?.into_iter().map(Into::into).collect())
}

/// A change of name or webhook URL (`Some(None)` removes the URL); false when there is no such client.
pub async fn update<C: ConnectionTrait>(
    conn: &C,
    client_id: &str,
    name: Option<&str>,
    webhook_url: Option<Option<&str>>,
) -> Result<bool, DbError> {
    let mut q = Partners::update_many();
    if let Some(name) = name {
        q = q.col_expr(partner_clients::Column::Name, Expr::value(name.to_owned()));
    }
    if let Some(url) = webhook_url {
        q = q.col_expr(partner_clients::Column::WebhookUrl, Expr::value(url.map(str::to_owned)));
    }
    if name.is_none() && webhook_url.is_none() {
        return Ok(find_by_client_id(conn, client_id).await?.is_some());
    }
    Ok(q.filter(partner_clients::Column::ClientId.eq(client_id)).exec(conn).await?.rows_affected == 1)
}

/// New secrets replace the old ones at once; false when there is no such client.
pub async fn replace_secrets<C: ConnectionTrait>(
    conn: &C,
    client_id: &str,
    secret_hash: &str,
    webhook_secret_enc: &str,
) -> Result<bool, DbError> {
    let res = Partners::update_many()
        .col_expr(partner_clients::Column::SecretHash, Expr::value(secret_hash.to_owned()))
        .col_expr(partner_clients::Column::WebhookSecretEnc, Expr::value(Some(webhook_secret_enc.to_owned())))
        .col_expr(partner_clients::Column::SecretRotatedAt, Expr::value(Some(Utc::now())))
        .filter(partner_clients::Column::ClientId.eq(client_id))
        .exec(conn)
        .await?;
    Ok(res.rows_affected == 1)
}

pub async fn find_by_client_id<C: ConnectionTrait>(conn: &C, client_id: &str) -> Result<Option<PartnerClient>, DbError> {
    Ok(Partners::find().filter(partner_clients::Column::ClientId.eq(client_id)).one(conn).await?.map(Into::into))
}

/// The clients with a webhook URL that receive `event_type` (those without a subscription receive every type).
pub async fn subscribed_to<C: ConnectionTrait>(conn: &C, event_type: &str) -> Result<Vec<PartnerClient>, DbError> {
    let all = Partners::find().filter(partner_clients::Column::WebhookUrl.is_not_null()).all(conn).await?;
    Ok(all
        .into_iter()
        .map(PartnerClient::from)
        .filter(|p| subscription(p).is_none_or(|types| types.iter().any(|t| t == event_type)))
        .collect())
}

/// The event types a client chose, or `None` for every type.
pub fn subscription(p: &PartnerClient) -> Option<Vec<String>> {
    p.webhook_events.as_deref().and_then(|s| serde_json::from_str(s).ok())
}

/// Sets which event types the client receives (`None`: every type). False when there is no such client.
pub async fn set_subscription<C: ConnectionTrait>(conn: &C, client_id: &str, types: Option<&[String]>) -> Result<bool, DbError> {
    let json = types.map(|t| serde_json::to_string(t).unwrap_or_else(|_| "[]".into()));
    let res = Partners::update_many()
        .col_expr(partner_clients::Column::WebhookEvents, Expr::value(json))
        .filter(partner_clients::Column::ClientId.eq(client_id))
        .exec(conn)
        .await?;
    Ok(res.rows_affected == 1)
}
