//! The worker's own card orders (by account or by email address), each with the contact fields still missing,
//! the identity check against the verified document and the status history.

use sitecard_domain::ids::OrderId;
use sitecard_persistence::accounts::Account;
use sitecard_persistence::orders;
use sitecard_persistence::persons::Person;

use crate::error::AppError;
use crate::orders_flow::{self, HolderOrder};
use crate::state::AppState;

/// `account` and `person` as read with the session: one statement per read.
pub async fn list_my_orders(state: &AppState, account: &Account, person: Option<&Person>) -> Result<Vec<HolderOrder>, AppError> {
    let rows = orders::list_for_holder_with_history(&state.read, account.id, &account.email).await?;
    Ok(rows
        .into_iter()
        .map(|(order, company, history)| orders_flow::to_holder_order(order, company.into(), account, person, history))
        .collect())
}

/// One of them; 404 for anyone else's.
pub async fn show_my_order(state: &AppState, account: &Account, person: Option<&Person>, id: OrderId) -> Result<HolderOrder, AppError> {
    let found = orders::find_for_holder_with_history(&state.read, id, account.id, &account.email).await?;
    let (order, company, history) = found.ok_or(AppError::NotFound)?;
    Ok(orders_flow::to_holder_order(order, company.into(), account, person, history))
}
