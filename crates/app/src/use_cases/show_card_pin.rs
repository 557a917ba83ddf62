//! The PIN of an activated card, shown again to its worker once they type the card's number (as at activation:
//! wrong numbers count towards the activation lock).

use sitecard_domain::ids::{AccountId, CardId};

use crate::cards_flow;
use crate::error::AppError;
use crate::state::AppState;
use crate::use_cases::activate_own_card::check_typed;

pub async fn show_card_pin(state: &AppState, account_id: AccountId, card_id: CardId, typed_number: &str) -> Result<String, AppError> {
    let card = cards_flow::holder_card(state, account_id, card_id).await?;
    let enc = card.pin_enc.clone().ok_or(AppError::Conflict("invalid_state", "the card has not been activated".into()))?;
    check_typed(state, &card, typed_number).await?;
    state.cipher.decrypt(&enc)
}
