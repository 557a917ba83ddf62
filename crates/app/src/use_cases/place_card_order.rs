//! A company administrator orders a card for a worker: the order waits for a portrait, is linked to the
//! worker's account when one exists, and the worker is emailed. Batches and renewals place orders the same way.

use sitecard_domain::Email;
use sitecard_domain::ids::{AccountId, CompanyId};
use sitecard_domain::order_state::OrderStatus;
use sitecard_notify::Message;
use sitecard_persistence::audit::{Actor, AuditKind, Subject};
use sitecard_persistence::orders::{self, DeliveryAddress, NewOrder};
use sitecard_persistence::{Conn, accounts, audit, companies};
use uuid::Uuid;

use crate::error::AppError;
use crate::orders_flow::{self, CompanyOrder};
use crate::state::AppState;

/// An order as checked: every field parsed.
pub struct ParsedOrder {
    pub given_names: String,
    pub surname: String,
    pub date_of_birth: chrono::NaiveDate,
    pub nationality: Option<String>,
    pub email: Email,
    pub phone: Option<String>,
    pub delivery: DeliveryAddress,
}

/// Places one order in a transaction of its own.
pub async fn place_card_order(
    state: &AppState,
    actor: AccountId,
    company_id: CompanyId,
    order: ParsedOrder,
) -> Result<CompanyOrder, AppError> {
    let txn = sitecard_persistence::begin(&state.db).await?;
    let company = companies::find(&txn, company_id).await?.ok_or(AppError::NotFound)?;
    let order = place_order(&txn, state, &company, actor.into(), order).await?;
    let view = orders_flow::company_view(&txn, order, true).await?;
    txn.commit().await?;
    Ok(view)
}

/// Places a checked order for the company: linked to the worker's account when one exists for the email,
/// the worker emailed a link to it, audited.
pub async fn place_order<C: Conn>(
    conn: &C,
    state: &AppState,
    company: &sitecard_persistence::companies::Company,
    actor: Uuid,
    p: ParsedOrder,
) -> Result<orders::Order, AppError> {
    let account = accounts::find_by_email(conn, p.email.as_str()).await?;
    let d = p.delivery;
    let order = orders::insert(
        conn,
        NewOrder {
            company_id: company.id,
            status: OrderStatus::AwaitingPhoto,
            given_names: p.given_names,
            surname: p.surname,
            date_of_birth: p.date_of_birth,
            nationality: p.nationality,
            email: p.email.as_str().into(),
            phone: p.phone,
            delivery_recipient: d.recipient,
            delivery_address_line1: d.line1,
            delivery_address_line2: d.line2,
            delivery_postal_code: d.postal_code,
            delivery_city: d.city,
            delivery_country: d.country,
            account_id: account.as_ref().map(|a| a.id),
            created_by: actor.into(),
        },
    )
    .await?;
    let link = state.link(&format!("/orders/{}", order.id));
    orders_flow::notify_holder(conn, &order, &Message::CardOrdered { company: company.name.clone(), link }).await?;
    audit::append(
        conn,
        audit::NewAuditEvent {
            kind: AuditKind::OrderCreated,
            actor: Actor::Account(actor),
            subject: Subject::CardOrder(order.id.into()),
            data: serde_json::json!({ "company_id": company.id }),
        },
    )
    .await?;
    Ok(order)
}
