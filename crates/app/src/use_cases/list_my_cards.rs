//! The worker's own cards, as they see them.

use sitecard_domain::ids::AccountId;
use sitecard_persistence::cards;

use crate::cards_flow::{self, CardView};
use crate::error::AppError;
use crate::state::AppState;

pub async fn list_my_cards(state: &AppState, account_id: AccountId) -> Result<Vec<CardView>, AppError> {
    let mut out = vec![];
    for c in cards::list_for_account(&state.db, account_id).await? {
        out.push(cards_flow::view(&state.db, c).await?.for_holder());
    }
    Ok(out)
}
