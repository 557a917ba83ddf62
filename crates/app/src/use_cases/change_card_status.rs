//! A company administrator blocks, unblocks or terminates one of its cards: the card's status, the worker's
//! email, the gate feed (through `cards_flow::apply`) and the audit log, in one transaction.

use sitecard_domain::card_state::CardAction;
use sitecard_domain::ids::{AccountId, CardId, CompanyId};
use sitecard_notify::Message;
use sitecard_persistence::audit::{Actor, AuditKind, Subject};
use sitecard_persistence::cards::CardUpdate;
use sitecard_persistence::{audit, cards};

use crate::cards_flow::{self, CardView};
use crate::error::AppError;
use crate::state::AppState;

pub struct ChangeCardStatus {
    pub actor_id: AccountId,
    pub company_id: CompanyId,
    pub card_id: CardId,
    pub action: CardAction,
    /// Shown to the worker; kept on a blocked or terminated card.
    pub reason: String,
}

pub async fn change_card_status(state: &AppState, cmd: ChangeCardStatus) -> Result<CardView, AppError> {
    let ChangeCardStatus { actor_id, company_id, card_id: id, action, reason } = cmd;
    let txn = sitecard_persistence::begin(&state.db).await?;
    let card = cards_flow::company_card(&txn, company_id, id).await?;
    let from = cards_flow::status_of(&card)?;
    let (kind, message) = match action {
        CardAction::Block => (AuditKind::CardBlocked, Message::CardBlocked { card: cards_flow::masked(&card), reason: reason.clone() }),
        CardAction::Unblock => (AuditKind::CardUnblocked, Message::CardUnblocked { card: cards_flow::masked(&card) }),
        CardAction::Terminate => {
            (AuditKind::CardTerminated, Message::CardTerminated { card: cards_flow::masked(&card), reason: reason.clone() })
        }
    };
    let to = action.apply(from, card.activated_at.is_some()).map_err(cards_flow::invalid_state)?;
    // The card keeps the reason it is blocked or terminated for; an unblock's reason lives in the audit log.
    let ch = CardUpdate { reason: Some(action.keeps_reason().then(|| reason.clone())), ..Default::default() };
    cards_flow::apply(&txn, &card, to, ch).await?;
    cards_flow::notify_holder(&txn, &card, &message).await?;
    audit::append(
        &txn,
        audit::NewAuditEvent {
            kind,
            actor: Actor::Account(actor_id.into()),
            subject: Subject::Card(id.into()),
            data: serde_json::json!({ "reason": reason }),
        },
    )
    .await?;
    let card = cards::find(&txn, id).await?.ok_or(AppError::NotFound)?;
    let view = cards_flow::view(&txn, card).await?;
    txn.commit().await?;
    Ok(view)
}
