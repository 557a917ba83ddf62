//! `GET /identity-verifications/{id}/cards`: the cards of the worker at the desk, so a verifier can activate
//! one in person (for example after five wrong card numbers locked self-service activation).

use actix_web::{get, web};
use serde::Serialize;
use sitecard_app::AppError;
use sitecard_domain::Role;
use sitecard_domain::card_number::last_four;
use sitecard_persistence::{accounts, cards, persons};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::auth::CurrentUser;
use crate::error::ApiError;
use sitecard_app::state::AppState;
use sitecard_app::use_cases::activate_own_card::MAX_ACTIVATION_FAILURES;

#[derive(Serialize, ToSchema)]
pub struct CardAtDesk {
    #[schema(example = "01a23add-2060-7549-83a6-e95bd7d3a0ae")]
    pub id: Uuid,
    /// The last four digits: the verifier compares them with the card the worker shows.
    #[schema(pattern = "^[0-9]{4}$", example = "7890")]
    pub card_number_last4: String,
    #[schema(value_type = sitecard_app::schema_enums::CardStatusValue)]
    pub status: sitecard_domain::card_state::CardStatus,
    /// Five wrong card numbers: the worker can no longer activate it alone.
    #[schema(example = false)]
    pub activation_locked: bool,
}

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
    let record = persons::find_verification(&state.read, *id).await?.ok_or(AppError::NotFound)?;
    let Some(account) = accounts::find_by_person(&state.read, record.person_id).await? else {
        return Ok(web::Json(vec![]));
    };
    let mut found = cards::list_for_account(&state.read, account.id).await?;
    found.sort_by_key(|c| std::cmp::Reverse(c.created_at));
    Ok(web::Json(
        found
            .into_iter()
            .map(|c| CardAtDesk {
                id: c.id,
                card_number_last4: last_four(&c.card_number),
                status: c.status,
                activation_locked: c.activation_failures >= MAX_ACTIVATION_FAILURES,
            })
            .collect(),
    ))
}
