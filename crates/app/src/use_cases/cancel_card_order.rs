//! A company administrator cancels an order before production: partners hear of it by webhook.

use sitecard_domain::ids::{AccountId, CompanyId, OrderId};
use sitecard_domain::order_state;
use sitecard_domain::webhook_event::WebhookEventType;
use sitecard_persistence::audit::{Actor, AuditKind, Subject};
use sitecard_persistence::{audit, orders};

use crate::error::AppError;
use crate::orders_flow::{self, CompanyOrder};
use crate::state::AppState;

pub struct CancelCardOrder {
    pub actor_id: AccountId,
    pub company_id: CompanyId,
    pub order_id: OrderId,
    /// Kept on the order (at most 500 characters).
    pub reason: Option<String>,
}

pub async fn cancel_card_order(state: &AppState, cmd: CancelCardOrder) -> Result<CompanyOrder, AppError> {
    let CancelCardOrder { actor_id, company_id, order_id: id, reason } = cmd;
    let txn = sitecard_persistence::begin(&state.db).await?;
    let order = orders_flow::company_order(&txn, company_id, id).await?;
    let from = order.status;
    let to = order_state::cancel(from).map_err(orders_flow::invalid_state)?;
    let ch = orders::OrderUpdate { reason: reason.is_some().then(|| reason.clone()), ..Default::default() };
    if !orders::transition(&txn, id, order.version, to, ch).await? {
        return Err(orders_flow::stale_version());
    }
    orders_flow::enqueue_webhooks(&txn, WebhookEventType::OrderCancelled, id, to.as_str()).await?;
    audit::append(
        &txn,
        audit::NewAuditEvent {
            kind: AuditKind::OrderCancelled,
            actor: Actor::Account(actor_id.into()),
            subject: Subject::CardOrder(id.into()),
            data: serde_json::json!({ "from": from.as_str() }),
        },
    )
    .await?;
    let order = orders::find(&txn, id).await?.ok_or(AppError::NotFound)?;
    let view = orders_flow::company_view(&txn, order, true).await?;
    txn.commit().await?;
    Ok(view)
}
