//! The worker's cards: list, activate by typing the number, view the PIN again, report lost.

use actix_web::{get, post, web};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::auth::CurrentUser;
use crate::error::ApiError;
use sitecard_app::cards_flow::{Activated, CardView};
use sitecard_app::state::AppState;
use sitecard_app::use_cases::activate_own_card::activate_own_card;
use sitecard_app::use_cases::list_my_cards::list_my_cards as cards_of;
use sitecard_app::use_cases::report_card_lost::report_card_lost;
use sitecard_app::use_cases::show_card_pin::show_card_pin;

#[derive(Deserialize, ToSchema)]
pub struct TypedCardNumber {
    /// The number printed on the card: proves the worker holds it (spaces and letter case are ignored).
    #[schema(example = "AB1234567890")]
    pub card_number: String,
}

#[derive(Serialize, ToSchema)]
pub struct Pin {
    /// The card's 4-digit PIN.
    #[schema(pattern = "^[0-9]{4}$", example = "4821")]
    pub pin: String,
}

/// List the caller's cards.
///
/// Any signed-in account; only its own cards. The full `card_number` appears once a card has been activated (typing it
/// from the physical card proves possession); before that only `card_number_last4`. Read-only.
#[utoipa::path(tag = "cardholder", security(("bearer" = [])), responses((status = 200, description = "Cards", body = Vec<CardView>)))]
#[get("/me/cards")]
pub async fn list_my_cards(state: web::Data<AppState>, user: CurrentUser) -> Result<web::Json<Vec<CardView>>, ApiError> {
    Ok(web::Json(cards_of(&state, user.account_id).await?))
}

/// Activate a card by typing the number printed on it.
///
/// The cardholder only, for an `inactive` card. A right number makes the card `active` and generates a 4-digit PIN,
/// shown here (and again with `POST /me/cards/{id}/pin`); the worker's older cards at the same company are terminated
/// and the worker is emailed. A wrong number answers 422 with `remaining_attempts` and is audited; the fifth locks
/// self-service activation (409 `activation_locked`: a verifier activates in person).
#[utoipa::path(tag = "cardholder", security(("bearer" = [])), params(("id" = Uuid, Path, description = "The card's id", example = "01a23add-2060-7549-83a6-e95bd7d3a0ae")), request_body = TypedCardNumber, responses(
    (status = 200, description = "Active", body = Activated),
    (status = 404, description = "Not one of your cards"),
    (status = 409, description = "`invalid_state` or `activation_locked` (5 wrong numbers: visit a verifier)"),
    (status = 422, description = "`card_number_mismatch`"),
))]
#[post("/me/cards/{id}/activate")]
pub async fn activate_card(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<Uuid>,
    body: web::Json<TypedCardNumber>,
) -> Result<web::Json<Activated>, ApiError> {
    activate_own_card(&state, user.account_id, (*id).into(), &body.card_number).await.map(web::Json).map_err(ApiError::from)
}

/// Show the PIN again (type the card number again).
///
/// The cardholder only, for a card that has been activated (409 `invalid_state` otherwise). The typed number counts
/// against the same five tries as activation (422 `card_number_mismatch`, then 409 `activation_locked`); the answer is
/// never kept for `Idempotency-Key`.
#[utoipa::path(tag = "cardholder", security(("bearer" = [])), params(("id" = Uuid, Path, description = "The card's id", example = "01a23add-2060-7549-83a6-e95bd7d3a0ae")), request_body = TypedCardNumber, responses(
    (status = 200, description = "The PIN", body = Pin),
    (status = 404, description = "Not one of your cards"),
    (status = 409, description = "`invalid_state` (never activated) or `activation_locked`"),
    (status = 422, description = "`card_number_mismatch`"),
))]
#[post("/me/cards/{id}/pin")]
pub async fn show_pin(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<Uuid>,
    body: web::Json<TypedCardNumber>,
) -> Result<web::Json<Pin>, ApiError> {
    let pin = show_card_pin(&state, user.account_id, (*id).into(), &body.card_number).await?;
    Ok(web::Json(Pin { pin }))
}

/// Report a card lost or stolen: it is blocked at once.
///
/// The cardholder only. The card becomes `blocked` immediately and the company's administrators are emailed; audited.
/// Reporting a card that is already blocked changes nothing and answers 200 again; only a company administrator can
/// lift the block.
#[utoipa::path(tag = "cardholder", security(("bearer" = [])), params(("id" = Uuid, Path, description = "The card's id", example = "01a23add-2060-7549-83a6-e95bd7d3a0ae")), responses(
    (status = 200, description = "Blocked", body = CardView),
    (status = 404, description = "Not one of your cards"),
    (status = 409, description = "`invalid_state`"),
))]
#[post("/me/cards/{id}/report-lost")]
pub async fn report_lost(state: web::Data<AppState>, user: CurrentUser, id: web::Path<Uuid>) -> Result<web::Json<CardView>, ApiError> {
    report_card_lost(&state, user.account_id, (*id).into()).await.map(web::Json).map_err(ApiError::from)
}
