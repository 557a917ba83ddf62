//! A company administrator corrects an order the worker has not accepted yet: back to the worker to check again,
//! or, during the photo step, quietly.

use sitecard_domain::ids::{AccountId, CompanyId, OrderId};
use sitecard_domain::order_state;
use sitecard_notify::Message;
use sitecard_persistence::audit::{Actor, AuditKind, Subject};
use sitecard_persistence::{audit, companies, orders};

use crate::error::AppError;
use crate::orders_flow::{self, CompanyOrder};
use crate::state::AppState;

pub struct CorrectCardOrder {
    pub actor_id: AccountId,
    pub company_id: CompanyId,
    pub order_id: OrderId,
    /// The version the administrator loaded.
    pub version: i32,
    pub changes: orders::OrderUpdate,
}

pub async fn correct_card_order(state: &AppState, cmd: CorrectCardOrder) -> Result<CompanyOrder, AppError> {
    let CorrectCardOrder { actor_id, company_id, order_id: id, version, changes: mut ch } = cmd;
    // Earlier identity mismatches were about the data now corrected.
    ch.mismatch_fields = Some(vec![]);

    let txn = sitecard_persistence::begin(&state.db).await?;
    let order = orders_flow::company_order(&txn, company_id, id).await?;
    if order.version != version {
        return Err(orders_flow::stale_version());
    }
    let from = order.status;
    let to = order_state::correction_target(from).map_err(orders_flow::invalid_state)?;
    if !orders::transition(&txn, id, version, to, ch).await? {
        return Err(orders_flow::stale_version());
    }
    let order = orders::find(&txn, id).await?.ok_or(AppError::NotFound)?;
    // The worker hears of it only once the order is theirs to check; during the photo step nothing changes for them.
    if to == order_state::OrderStatus::AwaitingCardholder {
        let company = companies::find(&txn, company_id).await?.ok_or(AppError::NotFound)?;
        let link = state.link(&format!("/orders/{id}"));
        orders_flow::notify_holder(&txn, &order, &Message::OrderCorrected { company: company.name, link }).await?;
    }
    audit::append(
        &txn,
        audit::NewAuditEvent {
            kind: AuditKind::OrderCorrected,
            actor: Actor::Account(actor_id.into()),
            subject: Subject::CardOrder(id.into()),
            data: serde_json::json!({ "from": from.as_str() }),
        },
    )
    .await?;
    let view = orders_flow::company_view(&txn, order, true).await?;
    txn.commit().await?;
    Ok(view)
}
