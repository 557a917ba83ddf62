//! The worker rejects a card order (not theirs, or no longer wanted): the company's administrators are told why.

use sitecard_domain::ids::{AccountId, OrderId};
use sitecard_domain::order_state;
use sitecard_notify::Message;
use sitecard_persistence::audit::{Actor, AuditKind, Subject};
use sitecard_persistence::{accounts, audit, orders};

use crate::error::AppError;
use crate::orders_flow::{self, HolderOrder};
use crate::state::AppState;

pub struct RejectCardOrder {
    pub account_id: AccountId,
    pub order_id: OrderId,
    /// Shown to the company (at most 500 characters).
    pub reason: String,
}

pub async fn reject_card_order(state: &AppState, cmd: RejectCardOrder) -> Result<HolderOrder, AppError> {
    let RejectCardOrder { account_id, order_id: id, reason } = cmd;
    let account = accounts::find(&state.db, account_id).await?.ok_or(AppError::Unauthorized("invalid_token"))?;
    let txn = sitecard_persistence::begin(&state.db).await?;
    let order = orders::find_for_holder(&txn, id, account.id, &account.email).await?.ok_or(AppError::NotFound)?;
    let from = order.status;
    let to = order_state::reject_by_cardholder(from).map_err(orders_flow::invalid_state)?;
    let ch = orders::OrderUpdate { reason: Some(Some(reason.clone())), account_id: Some(account.id), ..Default::default() };
    if !orders::transition(&txn, id, order.version, to, ch).await? {
        return Err(orders_flow::stale_version());
    }
    orders_flow::notify_admins(&txn, order.company_id, &Message::OrderRejected { worker: orders_flow::worker_name(&order), reason })
        .await?;
    audit::append(
        &txn,
        audit::NewAuditEvent {
            kind: AuditKind::OrderRejected,
            actor: Actor::Account(account.id.into()),
            subject: Subject::CardOrder(id.into()),
            data: serde_json::json!({}),
        },
    )
    .await?;
    let order = orders::find(&txn, id).await?.ok_or(AppError::NotFound)?;
    let company = orders_flow::company_ref(&txn, order.company_id).await?;
    let view = orders_flow::holder_view(&txn, order, company, &account).await?;
    txn.commit().await?;
    Ok(view)
}
