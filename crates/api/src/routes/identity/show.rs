//! `GET /identity-verifications/{id}`: a verification record for verifiers, document number masked.

use actix_web::{get, web};
use sitecard_domain::Role;
use uuid::Uuid;

use crate::auth::CurrentUser;
use crate::error::ApiError;
use sitecard_app::state::AppState;
use sitecard_app::use_cases::show_identity_record::{VerificationView, show_identity_record};

/// Read a verification record (verifiers).
///
/// Verifiers only. The document number is masked to its last three characters; `reference` is a short form of the id
/// to read out at the desk; `right_to_work` is the person's current permit. Read-only.
#[utoipa::path(tag = "identity", security(("bearer" = [])), params(("id" = Uuid, Path, description = "Verification record id", example = "01a1f873-5370-7063-8277-9b947d2c44b5")), responses(
    (status = 200, description = "The record", body = VerificationView),
    (status = 403, description = "Not a verifier"),
    (status = 404, description = "No such record"),
))]
#[get("/identity-verifications/{id}")]
pub async fn show_verification(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<Uuid>,
) -> Result<web::Json<VerificationView>, ApiError> {
    user.require(Role::Verifier)?;
    Ok(web::Json(show_identity_record(&state, *id).await?))
}
