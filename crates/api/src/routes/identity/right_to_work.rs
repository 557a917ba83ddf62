//! `POST /identity-verifications/{id}/right-to-work`: a verifier records a renewed residence or work permit.

use actix_web::{post, web};
use sitecard_domain::Role;
use uuid::Uuid;

use crate::auth::CurrentUser;
use crate::error::ApiError;
use sitecard_app::right_to_work::RightToWork;
use sitecard_app::state::AppState;
use sitecard_app::use_cases::record_right_to_work::{self as use_case, RecordRightToWork};
use sitecard_app::use_cases::show_identity_record::VerificationView;

/// Record a renewed residence or work permit (verifiers).
///
/// Verifiers only, after seeing the permit in person. Recorded for the person of verification record `id` and from
/// then on their current permit: the holder's live cards become valid until the earlier of five years after
/// production and the permit's end (a card whose date moves appears in `GET /card-status-changes`; expiry reminders
/// start over when it moves later). Audited. Answers the record with the new permit.
#[utoipa::path(tag = "identity", security(("bearer" = [])), request_body = RightToWork,
    params(("id" = Uuid, Path, description = "Verification record id", example = "01a1f873-5370-7063-8277-9b947d2c44b5")),
    responses(
        (status = 200, description = "Recorded", body = VerificationView),
        (status = 403, description = "Not a verifier"),
        (status = 404, description = "No such record"),
        (status = 422, description = "`validation_failed`: `right_to_work.*` field errors (`permit_expired` for a permit that has ended); `right_to_work` `not_needed` for an EU/EEA or Swiss nationality"),
))]
#[post("/identity-verifications/{id}/right-to-work")]
pub async fn record_right_to_work(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<Uuid>,
    body: web::Json<RightToWork>,
) -> Result<web::Json<VerificationView>, ApiError> {
    user.require(Role::Verifier)?;
    let cmd = RecordRightToWork { verifier_id: user.account_id, verification_id: id.into_inner(), permit: body.into_inner() };
    Ok(web::Json(use_case::record_right_to_work(&state, cmd).await?))
}
