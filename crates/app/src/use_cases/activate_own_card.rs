//! The worker activates a delivered card by typing the number printed on it: possession proven, a PIN drawn,
//! older cards of the same worker and company replaced.

use sitecard_domain::card_number::CardNumber;
use sitecard_domain::card_state;
use sitecard_domain::ids::{AccountId, CardId};
use sitecard_persistence::audit::{Actor, AuditKind, Subject};
use sitecard_persistence::{audit, cards};

use crate::cards_flow::{self, Activated};
use crate::error::AppError;
use crate::state::AppState;

/// Wrong card numbers before activation locks (then a verifier activates in person).
pub const MAX_ACTIVATION_FAILURES: i32 = 5;

/// Checks the typed number. Each try is counted before it is judged (one conditional update, so parallel
/// tries never get more than five judged); a right number gives its try back, the fifth wrong one locks.
pub async fn check_typed(state: &AppState, card: &cards::Card, typed: &str) -> Result<(), AppError> {
    let Some(tries) = cards::take_number_try(&state.db, card.id, MAX_ACTIVATION_FAILURES).await? else {
        return Err(AppError::Conflict(
            "activation_locked",
            "too many wrong card numbers; visit an identity-verification office to activate in person".into(),
        ));
    };
    if CardNumber::parse(typed).is_ok_and(|n| n.as_str() == card.card_number) {
        cards::give_back_number_try(&state.db, card.id).await?;
        return Ok(());
    }
    let kind = if tries >= MAX_ACTIVATION_FAILURES { AuditKind::CardActivationLocked } else { AuditKind::CardNumberMismatch };
    audit::record(
        &state.db,
        audit::NewAuditEvent {
            kind,
            actor: card.account_id.map_or(Actor::Anonymous, |a| Actor::Account(a.into())),
            subject: Subject::Card(card.id.into()),
            data: serde_json::json!({ "failures": tries }),
        },
    )
    .await?;
    Err(AppError::CardNumberMismatch { remaining_attempts: (MAX_ACTIVATION_FAILURES - tries).max(0) })
}

pub async fn activate_own_card(state: &AppState, account_id: AccountId, card_id: CardId, typed: &str) -> Result<Activated, AppError> {
    let card = cards_flow::holder_card(state, account_id, card_id).await?;
    card_state::activate(cards_flow::status_of(&card)?).map_err(cards_flow::invalid_state)?;
    check_typed(state, &card, typed).await?;
    let txn = sitecard_persistence::begin(&state.db).await?;
    let pin = cards_flow::activate(&txn, state, &card, account_id.into(), "cardholder").await?;
    let card = cards::find(&txn, card.id).await?.ok_or(AppError::NotFound)?;
    let view = cards_flow::view(&txn, card).await?.for_holder();
    txn.commit().await?;
    Ok(Activated { card: view, pin })
}
