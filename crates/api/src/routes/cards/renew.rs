//! `POST /companies/{company_id}/cards/{id}/renew`: a new order from the card's details.

use actix_web::{HttpResponse, post, web};
use sitecard_app::AppError;
use sitecard_domain::card_state;
use sitecard_persistence::audit::{Actor, AuditKind, Subject};
use sitecard_persistence::{companies, orders};
use uuid::Uuid;

use crate::auth::CurrentUser;
use crate::error::FieldError;
use crate::error::{ApiError, Fields};
use crate::routes::company_orders::create::{CreateOrder, DeliveryInput, parse_order};
use sitecard_app::cards_flow;
use sitecard_app::orders_flow::{self, CompanyOrder};
use sitecard_app::state::AppState;
use sitecard_app::use_cases::place_card_order::place_order;

/// Renew a card.
///
/// Company administrators of this company only. Orders a new card for the same worker from the card's order
/// (names, date of birth, nationality, email, phone, delivery): the new order starts in `awaiting_photo` and the
/// worker is emailed as for any order. The current card keeps working until the new one is activated, which
/// terminates it. Not for a terminated card (409 `invalid_state`). Audited.
#[utoipa::path(tag = "company", security(("bearer" = [])), params(
    ("company_id" = Uuid, Path, description = "The company's id", example = "019cad8f-ac00-713d-8dab-e5c7ed2ef1c1"),
    ("id" = Uuid, Path, description = "The card's id", example = "01a24aac-1111-7c2a-9d3e-4f5a6b7c8d9e"),
), responses(
    (status = 201, description = "The new order, `awaiting_photo`", body = CompanyOrder),
    (status = 404, description = "No such card in this company"),
    (status = 409, description = "`invalid_state`: the card is terminated"),
    (status = 422, description = "`validation_failed`: the old order's details no longer pass today's rules (correct them in a new order)"),
))]
#[post("/companies/{company_id}/cards/{id}/renew")]
pub async fn renew_card(state: web::Data<AppState>, user: CurrentUser, path: web::Path<(Uuid, Uuid)>) -> Result<HttpResponse, ApiError> {
    let (company_id, id) = path.into_inner();
    crate::auth::require_company_admin(&state, &user, company_id).await?;
    let txn = sitecard_persistence::begin(&state.db).await?;
    let order = renew(&txn, &state, company_id, id, user.account_id).await?;
    let view = orders_flow::company_view(&txn, order, true).await?;
    txn.commit().await?;
    let location = format!("/api/v1/companies/{company_id}/card-orders/{}", view.id);
    Ok(HttpResponse::Created().insert_header(("location", location)).json(view))
}

/// Orders a card again from the card's order (checked by today's rules), audited.
async fn renew(
    txn: &sitecard_persistence::Tx,
    state: &AppState,
    company_id: Uuid,
    id: Uuid,
    actor: Uuid,
) -> Result<orders::Order, ApiError> {
    let card = cards_flow::company_card(txn, company_id, id).await?;
    card_state::renewable(cards_flow::status_of(&card)?).map_err(cards_flow::invalid_state)?;
    let old = orders::find(txn, card.order_id).await?.ok_or(AppError::NotFound)?;
    let mut f = Fields::new();
    let parsed = parse_order(&mut f, &copy_of(&old));
    f.finish()?;
    let parsed =
        parsed.ok_or_else(|| AppError::Validation(vec![FieldError::new("order", "invalid", "the card's order cannot be copied")]))?;
    let company = companies::find(txn, company_id).await?.ok_or(AppError::NotFound)?;
    let order = place_order(txn, state, &company, actor, parsed).await?;
    let event = sitecard_persistence::audit::NewAuditEvent {
        kind: AuditKind::CardRenewalOrdered,
        actor: Actor::Account(actor),
        subject: Subject::Card(card.id),
        data: serde_json::json!({ "order_id": order.id }),
    };
    sitecard_persistence::audit::append(txn, event).await?;
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
