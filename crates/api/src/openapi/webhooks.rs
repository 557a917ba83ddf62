//! The OpenAPI 3.1 `webhooks` section: one entry per event type Sitecard sends, with the envelope, the
//! event's `data`, the signature header and what the receiver must answer.

use serde_json::{Value, json};
use sitecard_app::webhooks::{MAX_ATTEMPTS, retry_delay};
use sitecard_domain::webhook_event::WebhookEventType;

/// Receivers must answer within this many seconds (the sender's timeout).
pub const RECEIVER_TIMEOUT_SECS: u64 = 10;
/// Receivers should refuse signatures older (or newer) than this.
pub const SIGNATURE_TOLERANCE_SECS: u64 = 300;

fn data_schema(event: WebhookEventType) -> &'static str {
    match event.as_str().split('.').next() {
        Some("order") => "OrderWebhookData",
        Some("photo") => "PhotoWebhookData",
        _ => "CardWebhookData",
    }
}

/// The delays between attempts, as sent, and the time from the first attempt to giving up.
pub fn retry_schedule() -> (Vec<i64>, i64) {
    let delays: Vec<i64> = (1..MAX_ATTEMPTS).map(|attempt| retry_delay(attempt).num_seconds()).collect();
    let total = delays.iter().sum();
    (delays, total)
}

pub fn delivery_rules() -> String {
    let (delays, total) = retry_schedule();
    let delays: Vec<String> = delays.iter().map(|s| if *s < 60 { format!("{s} s") } else { format!("{} min", s / 60) }).collect();
    format!(
        "Sitecard POSTs each event as JSON to the partner client's webhook URL. \
**Signature**: header `Sitecard-Signature: t=<unix seconds>,v1=<hex>` where `v1` is HMAC-SHA256 keyed with the client's \
**webhook secret** (given with the client credentials; not the client secret) over the bytes `<t>.<raw request body>`. \
Verify it over the raw body before parsing, compare in constant time, and refuse a `t` more than {SIGNATURE_TOLERANCE_SECS} s \
from your clock (each attempt is signed when it is sent, so retries carry a fresh `t`). \
**Answer** 2xx within {RECEIVER_TIMEOUT_SECS} s; do the work after answering. Anything else (or no answer) is retried \
after {} — {MAX_ATTEMPTS} attempts in all, about {} h — then the message is dead: the operator sees it in the outbox's \
dead letters (`GET /api/v1/outbox?status=dead`) and can send it again (`POST /api/v1/outbox/{{id}}/retry`). Retries go to \
the client's current webhook URL, signed with its current webhook secret. Redirects are not followed. \
**Order and duplicates**: events may arrive out of order and more than once; deduplicate on `id` and use `created_at` \
(or re-read the order) to order them. \
**Subscriptions**: a client receives every event type unless the operator limits it to some \
(`PATCH /api/v1/partner-clients/{{client_id}}` with `webhook_events`, the console's partner client page, or \
`sitecard admin set-webhook-events`).",
        delays.join(", "),
        (total as f64 / 3600.0).round()
    )
}

pub fn add(mut v: Value) -> Value {
    let mut webhooks = serde_json::Map::new();
    for event in WebhookEventType::ALL {
        let name = event.as_str();
        let example_data = match data_schema(event) {
            "OrderWebhookData" => json!({"order_id": "4f1c2b9e-8d7a-4c3e-9b2f-1a2b3c4d5e6f", "status": name.trim_start_matches("order.")}),
            "PhotoWebhookData" if event == WebhookEventType::PhotoRejected => json!({
                "order_id": "4f1c2b9e-8d7a-4c3e-9b2f-1a2b3c4d5e6f", "status": "photo_rejected", "reason": "The face is in shadow"}),
            "PhotoWebhookData" => json!({"order_id": "4f1c2b9e-8d7a-4c3e-9b2f-1a2b3c4d5e6f", "status": "awaiting_cardholder"}),
            _ => json!({
                "card_id": "019af0c4-1111-7c2a-9d3e-4f5a6b7c8d9e",
                "order_id": "4f1c2b9e-8d7a-4c3e-9b2f-1a2b3c4d5e6f",
                "card_number": "AB1234567890",
                "status": card_status_after(event),
                "valid_until": "2031-12-06"
            }),
        };
        let example = json!({
            "id": "019af0c4-5e7b-7c2a-9d3e-4f5a6b7c8d9e",
            "type": name,
            "created_at": "2026-12-06T09:30:00Z",
            "data": example_data,
            "event": name,
            "order_id": "4f1c2b9e-8d7a-4c3e-9b2f-1a2b3c4d5e6f",
            "status": example_data["status"],
            "occurred_at": "2026-12-06T09:30:00Z"
        });
        let id = name.replace('.', "_");
        webhooks.insert(
            name.to_owned(),
            json!({"post": {
                "operationId": format!("webhook_{id}"),
                "tags": ["webhooks"],
                "summary": format!("`{name}`"),
                "description": format!("{} Delivery, signature and retries: see the `webhooks` tag.", event.meaning()),
                "security": [],
                "parameters": [{
                    "name": "Sitecard-Signature",
                    "in": "header",
                    "required": true,
                    "description": "`t=<unix seconds>,v1=<hex HMAC-SHA256 of \"<t>.<raw body>\" keyed with the webhook secret>`",
                    "schema": {"type": "string", "pattern": "^t=[0-9]+,v1=[0-9a-f]{64}$"},
                    "example": "t=1796549400,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd"
                }],
                "requestBody": {
                    "required": true,
                    "content": {"application/json": {
                        "schema": {"allOf": [
                            {"$ref": "#/components/schemas/WebhookEnvelope"},
                            {"type": "object", "properties": {
                                "type": {"const": name},
                                "data": {"$ref": format!("#/components/schemas/{}", data_schema(event))}
                            }}
                        ]},
                        "example": example
                    }}
                },
                "responses": {
                    "200": {"description": format!("Received (any 2xx within {RECEIVER_TIMEOUT_SECS} s)")},
                    "400": {"description": "Refused, e.g. a bad or stale signature: retried, then dead"}
                }
            }}),
        );
    }
    v["webhooks"] = serde_json::Value::Object(webhooks);
    if let Some(tags) = v.get_mut("tags").and_then(Value::as_array_mut) {
        tags.push(json!({"name": "webhooks", "description": delivery_rules()}));
    }
    v
}

fn card_status_after(event: WebhookEventType) -> &'static str {
    match event {
        WebhookEventType::CardActivated | WebhookEventType::CardUnblocked => "active",
        WebhookEventType::CardBlocked => "blocked",
        WebhookEventType::CardTerminated => "terminated",
        _ => "expired",
    }
}

#[cfg(test)]
mod tests {
    use super::retry_schedule;

    #[test]
    fn the_documented_schedule_is_the_dispatchers() {
        let (delays, total) = retry_schedule();
        assert_eq!(delays.len(), 11);
        assert_eq!(delays[0], 10);
        assert!(delays.windows(2).all(|w| w[1] >= w[0]));
        assert!(total > 3600 && total < 24 * 3600, "{total}");
    }
}
