//! The expiry job's use cases: cards past their last valid day become `expired` (stored, audited, announced to
//! the worker, the company's administrators and subscribed partners, and written to the gate feed), and the
//! reminders 30 and 7 days before go out once each. Safe with several instances: each pass claims its cards
//! (`FOR UPDATE SKIP LOCKED` on PostgreSQL; SQLite writers are serialised) and every change is conditional.

use sitecard_domain::card_state::CardStatus;
use sitecard_domain::clock;
use sitecard_domain::webhook_event::WebhookEventType;
use sitecard_notify::Message;
use sitecard_persistence::audit::{Actor, AuditKind, Subject};
use sitecard_persistence::cards::{self, Card};
use sitecard_persistence::{audit, card_feed};

use crate::error::AppError;
use crate::state::AppState;
use crate::{cards_flow, orders_flow, webhooks};

/// Cards handled per transaction.
const BATCH: u64 = 100;

/// Expires every card past its `valid_until`; returns how many.
pub async fn expire_due_cards(state: &AppState) -> Result<usize, AppError> {
    // Most passes find nothing: look before taking a write transaction.
    if cards::claim_expired(&state.read, clock::today(), 1).await?.is_empty() {
        return Ok(0);
    }
    let mut total = 0;
    loop {
        let txn = sitecard_persistence::begin(&state.db).await?;
        let due = cards::claim_expired(&txn, clock::today(), BATCH).await?;
        let n = due.len();
        for card in &due {
            expire(&txn, card).await?;
        }
        txn.commit().await?;
        total += n;
        if (n as u64) < BATCH {
            return Ok(total);
        }
    }
}

async fn expire(txn: &sitecard_persistence::UnitOfWork, card: &Card) -> Result<(), AppError> {
    let ch = cards::CardUpdate { status: Some(CardStatus::Expired), ..Default::default() };
    if !cards::update_if_status(txn, card.id, card.status, ch).await? {
        return Ok(()); // changed meanwhile (blocked, terminated): the next pass sees it as it is now
    }
    let now = clock::now();
    card_feed::append(txn, card.id.into(), &card.card_number, CardStatus::Expired.as_str(), card.valid_until, now).await?;
    let data = webhooks::CardWebhookData {
        card_id: card.id.into(),
        order_id: card.order_id.into(),
        card_number: card.card_number.clone(),
        status: CardStatus::Expired.as_str().to_owned(),
        valid_until: card.valid_until,
    };
    webhooks::enqueue(txn, WebhookEventType::CardExpired, &data).await?;
    let message = Message::CardExpired { card: cards_flow::masked(card) };
    cards_flow::notify_holder(txn, card, &message).await?;
    orders_flow::notify_admins(txn, card.company_id, &message).await?;
    let event = audit::NewAuditEvent {
        kind: AuditKind::CardExpired,
        actor: Actor::System,
        subject: Subject::Card(card.id.into()),
        data: serde_json::json!({ "valid_until": card.valid_until, "was": card.status }),
    };
    audit::append(txn, event).await?;
    Ok(())
}

/// Sends the reminders due (30 days before, then 7), each once per card; returns how many went out.
pub async fn send_expiry_reminders(state: &AppState) -> Result<usize, AppError> {
    let mut sent = 0;
    for days in [30, 7] {
        if cards::claim_reminders(&state.read, clock::today(), days, 1).await?.is_empty() {
            continue;
        }
        let txn = sitecard_persistence::begin(&state.db).await?;
        let today = clock::today();
        for card in cards::claim_reminders(&txn, today, days, BATCH).await? {
            if !cards::mark_reminded(&txn, card.id, days, clock::now()).await? {
                continue;
            }
            // A card that reaches the 30-day window already inside the 7-day one gets only the nearer reminder
            // (marked, so it is not looked at again).
            if days == 30 && card.valid_until <= today + chrono::Duration::days(7) {
                continue;
            }
            let message = Message::CardExpiresSoon { card: cards_flow::masked(&card), date: card.valid_until.to_string() };
            cards_flow::notify_holder(&txn, &card, &message).await?;
            orders_flow::notify_admins(&txn, card.company_id, &message).await?;
            sent += 1;
        }
        txn.commit().await?;
    }
    Ok(sent)
}
