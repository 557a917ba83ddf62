//! A company administrator renews one of its cards: a new order for the same worker from the card's order,
//! checked by today's rules, placed like any other order (the worker is emailed). The current card keeps
//! working until the new one is activated, which terminates it. Audited on the card.

use sitecard_domain::card_state;
use sitecard_domain::ids::{AccountId, CardId, CompanyId};
use sitecard_persistence::audit::{self, Actor, AuditKind, Subject};
use sitecard_persistence::{UnitOfWork, companies, orders};
use uuid::Uuid;

use crate::cards_flow;
use crate::error::{AppError, FieldError, Fields};
use crate::order_input::{CreateOrder, DeliveryInput, parse_order};
use crate::orders_flow::{self, CompanyOrder};
use crate::state::AppState;
use crate::use_cases::place_card_order::place_order;

pub struct RenewCard {
    pub actor_id: AccountId,
    pub company_id: CompanyId,
    pub card_id: CardId,
}

/// The new order, `awaiting_photo`. 404 for a card of another company, 409 `invalid_state` for a terminated
/// one, 422 when the old order's details no longer pass today's rules.
pub async fn renew_card(state: &AppState, cmd: RenewCard) -> Result<CompanyOrder, AppError> {
    let RenewCard { actor_id, company_id, card_id } = cmd;
    let txn = sitecard_persistence::begin(&state.db).await?;
    let order = order_again(&txn, state, company_id, card_id, actor_id.into()).await?;
    let view = orders_flow::company_view(&txn, order, true).await?;
    txn.commit().await?;
    Ok(view)
}

/// Orders a card again from the card's order (checked by today's rules), audited.
async fn order_again(
    txn: &UnitOfWork,
    state: &AppState,
    company_id: CompanyId,
    card_id: CardId,
    actor: Uuid,
) -> Result<orders::Order, AppError> {
    let card = cards_flow::company_card(txn, company_id, card_id).await?;
    card_state::renewable(cards_flow::status_of(&card)?).map_err(cards_flow::invalid_state)?;
    let old = orders::find(txn, card.order_id).await?.ok_or(AppError::NotFound)?;
    let mut f = Fields::new();
    let parsed = parse_order(&mut f, &copy_of(&old));
    f.finish()?;
    let parsed =
        parsed.ok_or_else(|| AppError::Validation(vec![FieldError::new("order", "invalid", "the card's order cannot be copied")]))?;
    let company = companies::find(txn, company_id).await?.ok_or(AppError::NotFound)?;
    let order = place_order(txn, state, &company, actor, parsed).await?;
    let event = audit::NewAuditEvent {
        kind: AuditKind::CardRenewalOrdered,
        actor: Actor::Account(actor),
        subject: Subject::Card(card.id.into()),
        data: serde_json::json!({ "order_id": order.id }),
    };
    audit::append(txn, event).await?;
    Ok(order)
}

/// The order's details as a new order's input.
fn copy_of(old: &orders::Order) -> CreateOrder {
    CreateOrder {
        given_names: old.given_names.clone(),
        surname: old.surname.clone(),
        date_of_birth: old.date_of_birth.to_string(),
        nationality: old.nationality.clone(),
        email: old.email.clone(),
        phone: old.phone.clone(),
        delivery: DeliveryInput {
            recipient: old.delivery_recipient.clone(),
            address_line1: old.delivery_address_line1.clone(),
            address_line2: old.delivery_address_line2.clone(),
            postal_code: old.delivery_postal_code.clone(),
            city: old.delivery_city.clone(),
            country: old.delivery_country.clone(),
        },
    }
}
