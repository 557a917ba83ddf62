//! The worker reports a card lost: blocked at once (a second report changes nothing), the company told.

use sitecard_domain::card_state::{self, CardStatus};
use sitecard_domain::ids::{AccountId, CardId};
use sitecard_notify::Message;
use sitecard_persistence::audit::{Actor, AuditKind, Subject};
use sitecard_persistence::{audit, cards};

use crate::cards_flow::{self, CardView};
use crate::error::AppError;
use crate::orders_flow;
use crate::state::AppState;

pub async fn report_card_lost(state: &AppState, account_id: AccountId, card_id: CardId) -> Result<CardView, AppError> {
    let card = cards_flow::holder_card(state, account_id, card_id).await?;
    let status = cards_flow::status_of(&card)?;
    let to =
        if status == CardStatus::Blocked { CardStatus::Blocked } else { card_state::block(status).map_err(cards_flow::invalid_state)? };
    let txn = sitecard_persistence::begin(&state.db).await?;
    if status != CardStatus::Blocked {
        let ch = cards::CardUpdate { reason: Some(Some("reported lost".into())), ..Default::default() };
        cards_flow::apply(&txn, &card, to, ch).await?;
        orders_flow::notify_admins(
            &txn,
            card.company_id,
            &Message::CardBlocked { card: cards_flow::masked(&card), reason: "reported lost".into() },
        )
        .await?;
        audit::append(
            &txn,
            audit::NewAuditEvent {
                kind: AuditKind::CardBlocked,
                actor: Actor::Account(account_id.into()),
                subject: Subject::Card(card.id.into()),
                data: serde_json::json!({ "reason": "reported_lost" }),
            },
        )
        .await?;
    }
    let card = cards::find(&txn, card.id).await?.ok_or(AppError::NotFound)?;
    let view = cards_flow::view(&txn, card).await?.for_holder();
    txn.commit().await?;
    Ok(view)
}
