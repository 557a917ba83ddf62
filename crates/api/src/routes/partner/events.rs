//! `POST /partner/production-orders/{id}/events`: the partner reports production progress. With an
//! `Idempotency-Key`, a retried event returns the first answer and changes nothing.

use actix_web::{HttpRequest, HttpResponse, post, web};
use chrono::{DateTime, Utc};
use serde::Deserialize;
use sitecard_domain::card_number::CardNumber;
use sitecard_domain::order_state::{self, OrderStatus};
use sitecard_notify::Message;
use sitecard_persistence::{DbError, Set, audit, cards, idempotency, orders};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::auth::CurrentPartner;
use crate::crypto::token_hash;
use crate::error::{ApiError, FieldError, Problem};
use crate::orders_flow::{self, CompanyOrder};
use crate::state::AppState;

#[derive(Deserialize, ToSchema)]
pub struct ProductionEvent {
    /// `accepted`, `produced`, `shipped`, `delivered` or `failed`.
    #[serde(rename = "type")]
    #[schema(value_type = crate::schema_enums::ProductionEventType)]
    pub kind: String,
    /// Required for `produced`: two capital letters and ten digits, e.g. `AB1234567890`.
    #[schema(example = "AB1234567890")]
    pub card_number: Option<String>,
    /// For `shipped` (at most 100 characters are kept).
    #[schema(example = "RR123456785SE")]
    pub tracking_number: Option<String>,
    /// For `failed` (at most 500 characters are kept).
    #[schema(example = "The chip could not be encoded")]
    pub reason: Option<String>,
    /// When the step happened at the partner; kept in the audit log.
    #[schema(example = "2026-12-03T07:45:00Z")]
    pub occurred_at: DateTime<Utc>,
}

/// Report a production step for an order.
///
/// Production partners (client-credentials token). `accepted` (confirmed → in_production), `produced` (needs
/// `card_number`; creates the `inactive` card, valid 5 years or until the holder's residence permit ends if earlier; the order stays in_production), `shipped` (in_production
/// → shipped, after `produced`; the worker is emailed the tracking number), `delivered` (shipped → delivered), `failed`
/// (confirmed or in_production → production_failed; the company's administrators are emailed). With `Idempotency-Key`
/// a retry returns the first answer (`Idempotent-Replayed: true`) and changes nothing; audited.
#[utoipa::path(tag = "partner", security(("partner_oauth" = [])), params(
    ("id" = Uuid, Path, description = "The card order's id", example = "01a22242-4c60-719a-a092-42ce5320dff0"),
    ("Idempotency-Key" = Option<String>, Header, description = "At most 200 characters; retries with the same key return the first answer, and the same key with a different body is 422 `idempotency_key_reused`", example = "6b1f0c2e-3a4d-4e5f-8a9b-0c1d2e3f4a5b"),
), request_body = ProductionEvent, responses(
    (status = 200, description = "The order after the event", body = CompanyOrder),
    (status = 404, description = "No such order", body = Problem, content_type = "application/problem+json"),
    (status = 409, description = "`invalid_state`, `card_number_taken` or `stale_version`", body = Problem, content_type = "application/problem+json"),
    (status = 422, description = "`validation_failed` or `idempotency_key_reused` (same key, different request)", body = Problem, content_type = "application/problem+json"),
))]
#[post("/partner/production-orders/{id}/events")]
pub async fn production_event(
    state: web::Data<AppState>,
    partner: CurrentPartner,
    req: HttpRequest,
    id: web::Path<Uuid>,
    body: web::Bytes,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let is_json = req.headers().get("content-type").and_then(|v| v.to_str().ok()).is_some_and(|ct| ct.starts_with("application/json"));
    if !is_json {
        return Err(ApiError::UnsupportedMediaType);
    }
    if body.len() > crate::error::extractors::JSON_LIMIT {
        return Err(ApiError::PayloadTooLarge);
    }
    let event: ProductionEvent = serde_json::from_slice(&body)
        .map_err(|e| if e.is_data() { ApiError::InvalidBody(e.to_string()) } else { ApiError::MalformedJson(e.to_string()) })?;
    let key = req.headers().get("idempotency-key").and_then(|v| v.to_str().ok()).map(str::trim).filter(|k| !k.is_empty());
    if key.is_some_and(|k| k.len() > 200) {
        return Err(ApiError::BadRequest("invalid_idempotency_key", "at most 200 characters".into()));
    }
    let key = key.map(|k| format!("partner:{}:{k}", partner.client_id));
    let request_hash = token_hash(&format!("{id}:{}", String::from_utf8_lossy(&body)));

    if let Some(key) = &key
        && let Some(stored) = idempotency::find(&state.db, key).await?
    {
        return replay(stored, &request_hash);
    }
    let txn = sitecard_persistence::begin(&state.db).await?;
    if let Some(key) = &key {
        match idempotency::claim(&txn, key, &request_hash).await {
            Ok(()) => {}
            Err(DbError::Conflict(_)) => {
                drop(txn);
                let stored = idempotency::find(&state.db, key)
                    .await?
                    .ok_or_else(|| ApiError::Conflict("conflict", "a concurrent request with this key is in progress".into()))?;
                return replay(stored, &request_hash);
            }
            Err(e) => return Err(e.into()),
        }
    }
    let view = apply(&txn, &state, &partner, id, &event).await?;
    let json = serde_json::to_string(&view).map_err(ApiError::internal)?;
    if let Some(key) = &key {
        idempotency::store(&txn, key, 200, &json).await?;
    }
    txn.commit().await?;
    Ok(HttpResponse::Ok().content_type("application/json").body(json))
}

fn replay(stored: idempotency::StoredResponse, request_hash: &str) -> Result<HttpResponse, ApiError> {
    if stored.request_hash != request_hash {
        return Err(ApiError::Unprocessable {
            code: "idempotency_key_reused",
            detail: "this Idempotency-Key was used for a different request".into(),
            errors: vec![],
        });
    }
    if stored.status == 0 {
        return Err(ApiError::Conflict("conflict", "a request with this key is still in progress".into()));
    }
    Ok(HttpResponse::Ok().content_type("application/json").insert_header(("idempotent-replayed", "true")).body(stored.body))
}

async fn apply(
    txn: &sitecard_persistence::Tx,
    state: &AppState,
    partner: &CurrentPartner,
    id: Uuid,
    event: &ProductionEvent,
) -> Result<CompanyOrder, ApiError> {
    let order = orders::find(txn, id).await?.ok_or(ApiError::NotFound)?;
    let from = OrderStatus::parse(&order.status).ok_or_else(|| ApiError::internal("bad status"))?;
    let mut ch = orders::changes();
    let to = match event.kind.as_str() {
        "accepted" => order_state::production_accepted(from),
        "produced" => {
            let to = order_state::produced(from).map_err(orders_flow::invalid_state)?;
            let number = event.card_number.as_deref().map(CardNumber::parse);
            let number = match number {
                Some(Ok(n)) => n,
                _ => {
                    return Err(ApiError::Validation(vec![FieldError::new(
                        "card_number",
                        "invalid_format",
                        "two capital letters and ten digits, e.g. AB1234567890",
                    )]));
                }
            };
            if cards::find_by_order(txn, id).await?.is_some() {
                return Err(ApiError::Conflict("invalid_state", "a card was already produced for this order".into()));
            }
            if cards::find_by_number(txn, number.as_str()).await?.is_some() {
                return Err(ApiError::Conflict("card_number_taken", "another card has this number".into()));
            }
            let valid_until = crate::right_to_work::validity_for_new_card(txn, order.account_id).await?;
            cards::insert(txn, id, order.company_id, order.account_id, number.as_str(), valid_until).await.map_err(|e| match e {
                // A concurrent event with the same number can pass the look-up above and lose at the unique index.
                sitecard_persistence::DbError::Conflict(_) => {
                    ApiError::Conflict("card_number_taken", "another card has this number".into())
                }
                other => other.into(),
            })?;
            Ok(to)
        }
        "shipped" => {
            if cards::find_by_order(txn, id).await?.is_none() {
                return Err(ApiError::Conflict("invalid_state", "report `produced` with the card number first".into()));
            }
            ch.tracking_number = Set(event.tracking_number.as_deref().map(|t| t.chars().take(100).collect()));
            order_state::shipped(from)
        }
        "delivered" => order_state::delivered(from),
        "failed" => {
            ch.reason = Set(Some(event.reason.as_deref().unwrap_or("production failed").chars().take(500).collect()));
            order_state::production_failed(from)
        }
        _ => {
            return Err(ApiError::Validation(vec![FieldError::new(
                "type",
                "invalid_value",
                "accepted, produced, shipped, delivered or failed",
            )]));
        }
    }
    .map_err(orders_flow::invalid_state)?;
    // `produced` keeps the order in production: its history gets no second `in_production` entry.
    let updated = if to == from {
        orders::update_versioned(txn, id, order.version, ch).await?
    } else {
        orders::transition(txn, id, order.version, to.as_str(), ch).await?
    };
    if !updated {
        return Err(orders_flow::stale_version());
    }
    match event.kind.as_str() {
        "shipped" => {
            orders_flow::notify_holder(
                txn,
                &order,
                &Message::CardShipped { tracking: event.tracking_number.clone().unwrap_or_else(|| "-".into()) },
            )
            .await?
        }
        "failed" => {
            orders_flow::notify_admins(
                txn,
                order.company_id,
                &Message::ProductionFailed { worker: orders_flow::worker_name(&order), reason: event.reason.clone().unwrap_or_default() },
            )
            .await?
        }
        _ => {}
    }
    audit::append(
        txn,
        audit::NewAuditEvent {
            kind: "production_event",
            actor_id: None,
            actor_kind: "partner",
            subject_type: Some("card_order"),
            subject_id: Some(id),
            data: serde_json::json!({ "type": event.kind, "partner": partner.client_id, "occurred_at": event.occurred_at }),
        },
    )
    .await?;
    let _ = state;
    let order = orders::find(txn, id).await?.ok_or(ApiError::NotFound)?;
    orders_flow::company_view(txn, order, true).await
}
