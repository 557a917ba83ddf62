//! The production partner reports a production step: the order moves, `produced` creates the card, the worker
//! or the company hears of shipping and failures. With an idempotency key a retried event answers the first
//! answer again and changes nothing; the key is claimed in the event's own transaction.

use chrono::{DateTime, Utc};
use serde::Deserialize;
use sitecard_domain::card_number::CardNumber;
use sitecard_domain::ids::OrderId;
use sitecard_domain::order_state::ProductionStep;
use sitecard_notify::Message;
use sitecard_persistence::audit::{Actor, AuditKind, Subject};
use sitecard_persistence::{DbError, audit, cards, idempotency, orders};
use uuid::Uuid;

use crate::error::{AppError, FieldError};
use crate::orders_flow::{self, CompanyOrder};
use crate::state::AppState;

#[derive(Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProductionEvent {
    /// `accepted`, `produced`, `shipped`, `delivered` or `failed`.
    #[serde(rename = "type")]
    #[cfg_attr(feature = "openapi", schema(value_type = crate::schema_enums::ProductionEventType))]
    pub kind: String,
    /// Required for `produced`: two capital letters and ten digits, e.g. `AB1234567890`.
    #[cfg_attr(feature = "openapi", schema(example = "AB1234567890"))]
    pub card_number: Option<String>,
    /// For `shipped` (at most 100 characters are kept).
    #[cfg_attr(feature = "openapi", schema(example = "RR123456785SE"))]
    pub tracking_number: Option<String>,
    /// For `failed` (at most 500 characters are kept).
    #[cfg_attr(feature = "openapi", schema(example = "The chip could not be encoded"))]
    pub reason: Option<String>,
    /// When the step happened at the partner; kept in the audit log.
    #[cfg_attr(feature = "openapi", schema(example = "2026-12-03T07:45:00Z"))]
    pub occurred_at: DateTime<Utc>,
}

pub struct ApplyProductionEvent {
    pub partner_client_id: String,
    pub order_id: OrderId,
    pub event: ProductionEvent,
    /// The partner's `Idempotency-Key`, scoped to the partner.
    pub idempotency_key: Option<String>,
    /// What a replay must match: the order and the body's bytes.
    pub request_hash: String,
}

/// The order as JSON, first answered or replayed.
pub struct Answer {
    pub body: String,
    pub replayed: bool,
}

pub async fn apply_production_event(state: &AppState, cmd: ApplyProductionEvent) -> Result<Answer, AppError> {
    let ApplyProductionEvent { partner_client_id, order_id: id, event, idempotency_key, request_hash } = cmd;
    if let Some(key) = &idempotency_key
        && let Some(stored) = idempotency::find(&state.db, key).await?
    {
        return replay(stored, &request_hash);
    }
    let txn = sitecard_persistence::begin(&state.db).await?;
    if let Some(key) = &idempotency_key {
        match idempotency::claim(&txn, key, &request_hash).await {
            Ok(()) => {}
            Err(DbError::Conflict(_)) => {
                drop(txn);
                let stored = idempotency::find(&state.db, key)
                    .await?
                    .ok_or_else(|| AppError::Conflict("conflict", "a concurrent request with this key is in progress".into()))?;
                return replay(stored, &request_hash);
            }
            Err(e) => return Err(e.into()),
        }
    }
    let view = apply(&txn, &partner_client_id, id.into(), &event).await?;
    let json = serde_json::to_string(&view).map_err(AppError::internal)?;
    if let Some(key) = &idempotency_key {
        idempotency::store(&txn, key, 200, &json).await?;
    }
    txn.commit().await?;
    Ok(Answer { body: json, replayed: false })
}

fn replay(stored: idempotency::StoredResponse, request_hash: &str) -> Result<Answer, AppError> {
    if stored.request_hash != request_hash {
        return Err(AppError::Unprocessable {
            code: "idempotency_key_reused",
            detail: "this Idempotency-Key was used for a different request".into(),
            errors: vec![],
        });
    }
    if stored.status == 0 {
        return Err(AppError::Conflict("conflict", "a request with this key is still in progress".into()));
    }
    Ok(Answer { body: stored.body, replayed: true })
}

async fn apply(
    txn: &sitecard_persistence::UnitOfWork,
    partner_client_id: &str,
    id: Uuid,
    event: &ProductionEvent,
) -> Result<CompanyOrder, AppError> {
    let order = orders::find(txn, id.into()).await?.ok_or(AppError::NotFound)?;
    let from = order.status;
    let mut ch = orders::OrderUpdate::default();
    let step = ProductionStep::parse(&event.kind).ok_or_else(|| {
        AppError::Validation(vec![FieldError::new("type", "invalid_value", "accepted, produced, shipped, delivered or failed")])
    })?;
    let to = step.apply(from).map_err(orders_flow::invalid_state)?;
    match step {
        ProductionStep::Accepted | ProductionStep::Delivered => {}
        ProductionStep::Produced => {
            let number = event.card_number.as_deref().map(CardNumber::parse);
            let number = match number {
                Some(Ok(n)) => n,
                _ => {
                    return Err(AppError::Validation(vec![FieldError::new(
                        "card_number",
                        "invalid_format",
                        "two capital letters and ten digits, e.g. AB1234567890",
                    )]));
                }
            };
            if cards::find_by_order(txn, id.into()).await?.is_some() {
                return Err(AppError::Conflict("invalid_state", "a card was already produced for this order".into()));
            }
            if cards::find_by_number(txn, number.as_str()).await?.is_some() {
                return Err(AppError::Conflict("card_number_taken", "another card has this number".into()));
            }
            let valid_until = crate::right_to_work::validity_for_new_card(txn, order.account_id).await?;
            cards::insert(txn, id.into(), order.company_id, order.account_id, number.as_str(), valid_until).await.map_err(|e| match e {
                // A concurrent event with the same number can pass the look-up above and lose at the unique index.
                sitecard_persistence::DbError::Conflict(_) => {
                    AppError::Conflict("card_number_taken", "another card has this number".into())
                }
                other => other.into(),
            })?;
        }
        ProductionStep::Shipped => {
            if cards::find_by_order(txn, id.into()).await?.is_none() {
                return Err(AppError::Conflict("invalid_state", "report `produced` with the card number first".into()));
            }
            ch.tracking_number = Some(event.tracking_number.as_deref().map(|t| t.chars().take(100).collect()));
        }
        ProductionStep::Failed => {
            ch.reason = Some(Some(event.reason.as_deref().unwrap_or("production failed").chars().take(500).collect()));
        }
    }
    // `produced` keeps the order in production: its history gets no second `in_production` entry.
    let updated = if to == from {
        orders::update_versioned(txn, id.into(), order.version, ch).await?
    } else {
        orders::transition(txn, id.into(), order.version, to, ch).await?
    };
    if !updated {
        return Err(orders_flow::stale_version());
    }
    match step {
        ProductionStep::Shipped => {
            orders_flow::notify_holder(
                txn,
                &order,
                &Message::CardShipped { tracking: event.tracking_number.clone().unwrap_or_else(|| "-".into()) },
            )
            .await?
        }
        ProductionStep::Failed => {
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
            kind: AuditKind::ProductionEvent,
            actor: Actor::Partner,
            subject: Subject::CardOrder(id),
            data: serde_json::json!({ "type": event.kind, "partner": partner_client_id, "occurred_at": event.occurred_at }),
        },
    )
    .await?;
    let order = orders::find(txn, id.into()).await?.ok_or(AppError::NotFound)?;
    orders_flow::company_view(txn, order, true).await
}
