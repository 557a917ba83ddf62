//! A company administrator orders cards for a crew from one CSV file, all or nothing: every order of the file
//! is placed in one transaction, each as a single order would be (linked, the worker emailed, audited), so a
//! failure part-way leaves no half a crew ordered.

use sitecard_domain::ids::{AccountId, CompanyId};
use uuid::Uuid;

use crate::error::AppError;
use crate::state::AppState;
use crate::use_cases::place_card_order::{ParsedOrder, place_order};

pub struct PlaceCardOrdersFromCsv {
    pub actor_id: AccountId,
    pub company_id: CompanyId,
    /// Every row of the file, already checked, in the file's order.
    pub orders: Vec<ParsedOrder>,
}

/// The new orders' ids, in the file's row order.
pub async fn place_card_orders_from_csv(state: &AppState, cmd: PlaceCardOrdersFromCsv) -> Result<Vec<Uuid>, AppError> {
    let PlaceCardOrdersFromCsv { actor_id, company_id, orders } = cmd;
    let txn = sitecard_persistence::begin(&state.db).await?;
    let company = sitecard_persistence::companies::find(&txn, company_id).await?.ok_or(AppError::NotFound)?;
    let mut created = Vec::with_capacity(orders.len());
    for order in orders {
        created.push(place_order(&txn, state, &company, actor_id.into(), order).await?.id.as_uuid());
    }
    txn.commit().await?;
    Ok(created)
}
