//! The cards of the worker at the desk, so a verifier can activate one in person (for example after five wrong
//! card numbers locked self-service activation): newest first; empty when the person has no account or card.

use serde::Serialize;
use sitecard_domain::card_number::last_four;
use sitecard_domain::card_state::CardStatus;
use sitecard_persistence::{accounts, cards, persons};
use uuid::Uuid;

use crate::error::AppError;
use crate::state::AppState;
use crate::use_cases::activate_own_card::MAX_ACTIVATION_FAILURES;

#[derive(Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CardAtDesk {
    #[cfg_attr(feature = "openapi", schema(example = "01a23add-2060-7549-83a6-e95bd7d3a0ae"))]
    pub id: Uuid,
    /// The last four digits: the verifier compares them with the card the worker shows.
    #[cfg_attr(feature = "openapi", schema(pattern = "^[0-9]{4}$", example = "7890"))]
    pub card_number_last4: String,
    #[cfg_attr(feature = "openapi", schema(value_type = crate::schema_enums::CardStatusValue))]
    pub status: CardStatus,
    /// Five wrong card numbers: the worker can no longer activate it alone.
    #[cfg_attr(feature = "openapi", schema(example = false))]
    pub activation_locked: bool,
}

/// `verification_id`: the record of the person at the desk.
pub async fn list_cards_at_desk(state: &AppState, verification_id: Uuid) -> Result<Vec<CardAtDesk>, AppError> {
    let record = persons::find_verification(&state.read, verification_id).await?.ok_or(AppError::NotFound)?;
    let Some(account) = accounts::find_by_person(&state.read, record.person_id).await? else {
        return Ok(vec![]);
    };
    let mut found = cards::list_for_account(&state.read, account.id).await?;
    found.sort_by_key(|c| std::cmp::Reverse(c.created_at));
    Ok(found
        .into_iter()
        .map(|c| CardAtDesk {
            id: c.id.into(),
            card_number_last4: last_four(&c.card_number),
            status: c.status,
            activation_locked: c.activation_failures >= MAX_ACTIVATION_FAILURES,
        })
        .collect())
}
