//! `GET /me/cards/{id}/credential`: the digital card, a signed credential the worker shows as a QR code.

use actix_web::{get, web};
use uuid::Uuid;

use crate::auth::CurrentUser;
use crate::error::ApiError;
use sitecard_app::state::AppState;
use sitecard_app::use_cases::issue_card_credential::{CardCredential, issue_card_credential};

/// Get the digital card of an active card (its holder).
///
/// The holder only (404 for anyone else's card). A short-lived credential that site gates verify offline against the
/// JWKS, and whose card number they look up in their block list (`GET /card-status-changes`) or online
/// (`GET /card-check/{card_number}`). A new one is signed on every call. Read-only.
#[utoipa::path(tag = "cardholder", security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "Card id", example = "01a23add-2060-7549-83a6-e95bd7d3a0ae")),
    responses(
        (status = 200, description = "The credential", body = CardCredential),
        (status = 404, description = "No such card of the caller's"),
        (status = 409, description = "`invalid_state`: the card is not `active`"),
))]
#[get("/me/cards/{id}/credential")]
pub async fn card_credential(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<Uuid>,
) -> Result<web::Json<CardCredential>, ApiError> {
    Ok(web::Json(issue_card_credential(&state, user.account_id, (*id).into()).await?))
}
