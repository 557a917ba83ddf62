//! `POST /cards/{id}/activate-in-person`: a verifier activates a card after checking the worker's document
//! again (for example after five wrong card numbers).

use actix_web::{post, web};
use serde::Deserialize;
use sitecard_domain::{DocumentNumber, Role};
use sitecard_persistence::{Set, accounts, cards, persons};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::auth::CurrentUser;
use crate::cards_flow;
use crate::error::{ApiError, Problem};
use crate::routes::cards::mine::Activated;
use crate::state::AppState;

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
    (status = 403, description = "Not a verifier", body = Problem, content_type = "application/problem+json"),
    (status = 404, description = "No such card", body = Problem, content_type = "application/problem+json"),
    (status = 409, description = "`invalid_state`", body = Problem, content_type = "application/problem+json"),
    (status = 422, description = "`document_mismatch` or `card_number_mismatch`", body = Problem, content_type = "application/problem+json"),
))]
#[post("/cards/{id}/activate-in-person")]
pub async fn activate_in_person(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<Uuid>,
    body: web::Json<InPersonActivation>,
) -> Result<web::Json<Activated>, ApiError> {
    user.require(Role::Verifier)?;
    let card = cards::find(&state.db, *id).await?.ok_or(ApiError::NotFound)?;
    let account = match card.account_id {
        Some(a) => accounts::find(&state.db, a).await?,
        None => None,
    }
    .ok_or(ApiError::NotFound)?;
    let person = match account.person_id {
        Some(p) => persons::find(&state.db, p).await?,
        None => None,
    }
    .ok_or(ApiError::NotFound)?;
    let doc_ok = DocumentNumber::parse(&body.document_number)
        .is_ok_and(|n| crate::routes::identity::record::document_index(&state, &person.issuing_country, &n) == person.document_index);
    if !doc_ok {
        return Err(ApiError::Unprocessable {
            code: "document_mismatch",
            detail: "the document is not the one on record".into(),
            errors: vec![],
        });
    }
    let card_ok = sitecard_domain::card_number::CardNumber::parse(&body.card_number).is_ok_and(|n| n.as_str() == card.card_number);
    if !card_ok {
        return Err(ApiError::Unprocessable {
            code: "card_number_mismatch",
            detail: "the number does not match this card".into(),
            errors: vec![],
        });
    }
    let txn = sitecard_persistence::begin(&state.db).await?;
    let pin = cards_flow::activate(&txn, &state, &card, user.account_id, "in_person").await?;
    let mut ch = cards::changes();
    ch.activation_failures = Set(0);
    cards::update_if_status(&txn, card.id, "active", ch).await?;
    let card = cards::find(&txn, card.id).await?.ok_or(ApiError::NotFound)?;
    let view = cards_flow::view(&txn, card).await?;
    txn.commit().await?;
    Ok(web::Json(Activated { card: view, pin }))
}
