//! Outgoing webhooks: the envelope partners receive, queued in the outbox in the same transaction as the
//! change it announces (so an event is sent if and only if the change committed), signed at delivery.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use sitecard_domain::webhook_event::WebhookEventType;
use sitecard_persistence::{Conn, outbox, partners};
use uuid::Uuid;

use crate::error::AppError;

/// The delivery schedule (the dispatcher's), for the API's description of webhooks.
pub use sitecard_notify::dispatcher::{MAX_ATTEMPTS, backoff as retry_delay};

/// What every webhook delivery carries. `event`, `order_id`, `status` and `occurred_at` repeat `type`,
/// `data.order_id`, `data.status` and `created_at` for receivers written before the envelope.
#[derive(Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WebhookEnvelope {
    /// The event's id: the same on every retry and for every partner, so receivers deduplicate on it.
    #[cfg_attr(feature = "openapi", schema(example = "019af0c4-5e7b-7c2a-9d3e-4f5a6b7c8d9e"))]
    pub id: Uuid,
    /// The event type (`order.confirmed`, `card.blocked`, ...).
    #[serde(rename = "type")]
    #[cfg_attr(feature = "openapi", schema(example = "order.confirmed"))]
    pub kind: String,
    #[cfg_attr(feature = "openapi", schema(example = "2026-12-06T09:30:00Z"))]
    pub created_at: DateTime<Utc>,
    /// The event's subject: `OrderWebhookData`, `PhotoWebhookData` or `CardWebhookData` by `type`.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub data: serde_json::Value,
    /// Same as `type` (legacy).
    #[cfg_attr(feature = "openapi", schema(example = "order.confirmed"))]
    pub event: String,
    /// Same as `data.order_id` (legacy).
    #[cfg_attr(feature = "openapi", schema(example = "4f1c2b9e-8d7a-4c3e-9b2f-1a2b3c4d5e6f"))]
    pub order_id: Option<Uuid>,
    /// Same as `data.status` (legacy).
    #[cfg_attr(feature = "openapi", schema(example = "confirmed"))]
    pub status: String,
    /// Same as `created_at` (legacy).
    #[cfg_attr(feature = "openapi", schema(example = "2026-12-06T09:30:00Z"))]
    pub occurred_at: DateTime<Utc>,
}

/// `data` of `order.*` events.
#[derive(Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OrderWebhookData {
    #[cfg_attr(feature = "openapi", schema(example = "4f1c2b9e-8d7a-4c3e-9b2f-1a2b3c4d5e6f"))]
    pub order_id: Uuid,
    /// The order's status after the event.
    #[cfg_attr(feature = "openapi", schema(value_type = crate::schema_enums::OrderStatusValue, example = "confirmed"))]
    pub status: String,
}

/// `data` of `photo.*` events.
#[derive(Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PhotoWebhookData {
    #[cfg_attr(feature = "openapi", schema(example = "4f1c2b9e-8d7a-4c3e-9b2f-1a2b3c4d5e6f"))]
    pub order_id: Uuid,
    /// The order's status after the decision (`awaiting_cardholder` or `photo_rejected`).
    #[cfg_attr(feature = "openapi", schema(value_type = crate::schema_enums::OrderStatusValue, example = "awaiting_cardholder"))]
    pub status: String,
    /// Why the photo was rejected.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(nullable = false, example = "The face is in shadow"))]
    pub reason: Option<String>,
}

/// `data` of `card.*` events.
#[derive(Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CardWebhookData {
    #[cfg_attr(feature = "openapi", schema(example = "019af0c4-1111-7c2a-9d3e-4f5a6b7c8d9e"))]
    pub card_id: Uuid,
    #[cfg_attr(feature = "openapi", schema(example = "4f1c2b9e-8d7a-4c3e-9b2f-1a2b3c4d5e6f"))]
    pub order_id: Uuid,
    #[cfg_attr(feature = "openapi", schema(pattern = "^[A-Z]{2}[0-9]{10}$", example = "AB1234567890"))]
    pub card_number: String,
    /// The card's status after the event.
    #[cfg_attr(feature = "openapi", schema(value_type = crate::schema_enums::CardStatusValue, example = "blocked"))]
    pub status: String,
    #[cfg_attr(feature = "openapi", schema(example = "2031-12-06"))]
    pub valid_until: NaiveDate,
}

/// Queues `event` for every partner client subscribed to it.
pub async fn enqueue<C: Conn, D: Serialize>(conn: &C, event: WebhookEventType, data: &D) -> Result<(), AppError> {
    let subscribers = partners::subscribed_to(conn, event.as_str()).await?;
    if subscribers.is_empty() {
        return Ok(());
    }
    let data = serde_json::to_value(data).map_err(AppError::internal)?;
    let now = Utc::now();
    let envelope = WebhookEnvelope {
        id: Uuid::now_v7(),
        kind: event.as_str().to_owned(),
        created_at: now,
        event: event.as_str().to_owned(),
        order_id: data["order_id"].as_str().and_then(|id| id.parse().ok()),
        status: data["status"].as_str().unwrap_or_default().to_owned(),
        occurred_at: now,
        data,
    };
    let body = serde_json::to_string(&envelope).map_err(AppError::internal)?;
    for p in subscribers {
        let Some(url) = p.webhook_url else { continue };
        outbox::enqueue(
            conn,
            outbox::NewMessage {
                channel: "webhook",
                kind: event.as_str(),
                recipient: url,
                subject: None,
                body: body.clone(),
                // Signed at delivery with this client's webhook secret (the dispatcher derives it).
                payload: Some(serde_json::json!({ "client_id": p.client_id })),
            },
        )
        .await?;
    }
    Ok(())
}
