//! `POST /cards/{id}/activate-in-person`: a verifier activates a card after checking the worker's document
//! again (for example after five wrong card numbers).

use actix_web::{post, web};
use serde::Deserialize;
use sitecard_domain::Role;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::auth::CurrentUser;
use crate::error::ApiError;
use sitecard_app::cards_flow::Activated;
use sitecard_app::state::AppState;
use sitecard_app::use_cases::activate_card_in_person::{ActivateCardInPerson, activate_card_in_person};

#[derive(Deserialize, ToSchema)]
pub struct InPersonActivation {
    /// The number of the passport or ID the verifier has just checked; must match the worker's record.
    #[schema(example = "EK7390567")]
    pub document_number: String,
    /// The number printed on the card the worker shows (spaces and letter case are ignored).
    #[schema(example = "AB1234567890")]
    pub card_number: String,
}

/// Activate a card in person (verifiers).
///
/// Verifiers only, after checking the worker's passport or ID again: `document_number` must be the recorded one (422
/// `document_mismatch`) and `card_number` the card's (422 `card_number_mismatch`). The card becomes `active` with a
/// new 4-digit PIN to give the worker, the activation lock is cleared, the worker's older cards at the same company
/// are terminated and the worker is emailed; audited.
#[utoipa::path(tag = "identity", security(("bearer" = [])), params(("id" = Uuid, Path, description = "The card's id (from `GET /identity-verifications/{id}/cards`)", example = "01a23add-2060-7549-83a6-e95bd7d3a0ae")), request_body = InPersonActivation, responses(
    (status = 200, description = "Active; give the worker the PIN", body = Activated),
    (status = 403, description = "Not a verifier"),
    (status = 404, description = "No such card"),
    (status = 409, description = "`invalid_state`"),
    (status = 422, description = "`document_mismatch` or `card_number_mismatch`"),
))]
#[post("/cards/{id}/activate-in-person")]
pub async fn activate_in_person(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<Uuid>,
    body: web::Json<InPersonActivation>,
) -> Result<web::Json<Activated>, ApiError> {
    user.require(Role::Verifier)?;
    let InPersonActivation { document_number, card_number } = body.into_inner();
    let cmd = ActivateCardInPerson { verifier_id: user.account_id, card_id: (*id).into(), document_number, card_number };
    activate_card_in_person(&state, cmd).await.map(web::Json).map_err(ApiError::from)
}
