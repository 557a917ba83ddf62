//! A verifier activates a card at the desk for a worker who cannot (activation locked after wrong numbers, or
//! no phone): the document presented must be the one on record and the card in hand the one issued.

use sitecard_domain::DocumentNumber;
use sitecard_domain::ids::{AccountId, CardId};
use sitecard_persistence::{accounts, cards, persons};

use crate::cards_flow::{self, Activated};
use crate::error::AppError;
use crate::state::AppState;

pub struct ActivateCardInPerson {
    pub verifier_id: AccountId,
    pub card_id: CardId,
    /// As typed from the document presented now.
    pub document_number: String,
    /// As typed from the card in hand.
    pub card_number: String,
}

pub async fn activate_card_in_person(state: &AppState, cmd: ActivateCardInPerson) -> Result<Activated, AppError> {
    let ActivateCardInPerson { verifier_id, card_id, document_number, card_number } = cmd;
    let card = cards::find(&state.db, card_id).await?.ok_or(AppError::NotFound)?;
    let account = match card.account_id {
        Some(a) => accounts::find(&state.db, a).await?,
        None => None,
    }
    .ok_or(AppError::NotFound)?;
    let person = match account.person_id {
        Some(p) => persons::find(&state.db, p).await?,
        None => None,
    }
    .ok_or(AppError::NotFound)?;
    let doc_ok = DocumentNumber::parse(&document_number)
        .is_ok_and(|n| state.cipher.document_index(&person.issuing_country, &n) == person.document_index);
    if !doc_ok {
        return Err(AppError::Unprocessable {
            code: "document_mismatch",
            detail: "the document is not the one on record".into(),
            errors: vec![],
        });
    }
    let card_ok = sitecard_domain::card_number::CardNumber::parse(&card_number).is_ok_and(|n| n.as_str() == card.card_number);
    if !card_ok {
        return Err(AppError::Unprocessable {
            code: "card_number_mismatch",
            detail: "the number does not match this card".into(),
            errors: vec![],
        });
    }
    let txn = sitecard_persistence::begin(&state.db).await?;
    let pin = cards_flow::activate(&txn, state, &card, verifier_id.into(), "in_person").await?;
    let ch = cards::CardUpdate { activation_failures: Some(0), ..Default::default() };
    cards::update_if_status(&txn, card.id, sitecard_domain::card_state::CardStatus::Active, ch).await?;
    let card = cards::find(&txn, card.id).await?.ok_or(AppError::NotFound)?;
    let view = cards_flow::view(&txn, card).await?;
    txn.commit().await?;
    Ok(Activated { card: view, pin })
}
