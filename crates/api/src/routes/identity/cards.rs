//! `GET /identity-verifications/{id}/cards`: the cards of the worker at the desk, for an in-person activation.

use actix_web::{get, web};
use sitecard_domain::Role;
use uuid::Uuid;

use crate::auth::CurrentUser;
use crate::error::ApiError;
use sitecard_app::state::AppState;
use sitecard_app::use_cases::list_cards_at_desk::{CardAtDesk, list_cards_at_desk};

/// The cards of the person on a verification record (verifiers).
///
/// Verifiers only. Newest first, with the last four digits and whether self-service activation is locked, so the
/// verifier can pick the card to activate in person; empty when the person has no account or no card yet. Read-only.
#[utoipa::path(tag = "identity", security(("bearer" = [])), params(("id" = Uuid, Path, description = "Verification record id", example = "01a1f873-5370-7063-8277-9b947d2c44b5")), responses(
    (status = 200, description = "The person's cards", body = Vec<CardAtDesk>),
    (status = 403, description = "Not a verifier"),
    (status = 404, description = "No such record"),
))]
#[get("/identity-verifications/{id}/cards")]
pub async fn cards_at_desk(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<Uuid>,
) -> Result<web::Json<Vec<CardAtDesk>>, ApiError> {
    user.require(Role::Verifier)?;
    Ok(web::Json(list_cards_at_desk(&state, *id).await?))
}
