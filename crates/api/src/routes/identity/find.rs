//! `GET /identity-verifications?email=|document_number=`: the verifier finds the records of the worker standing
//! at the desk, without a record id (for a lost-phone reset or an in-person activation).

use actix_web::{get, web};
use serde::Deserialize;
use sitecard_app::AppError;
use sitecard_domain::{DocumentNumber, Email, Role};
use utoipa::IntoParams;

use crate::auth::CurrentUser;
use crate::error::{ApiError, FieldError};
use sitecard_app::state::AppState;
use sitecard_app::use_cases::find_identity_records::{FindIdentityRecords, find_identity_records};
use sitecard_app::use_cases::show_identity_record::VerificationView;

#[derive(Deserialize, IntoParams)]
pub struct FindVerifications {
    /// The worker's email address (exact; letter case is ignored).
    #[param(example = "anna.kowalska@example.com")]
    pub email: Option<String>,
    /// The number of the passport or ID card as printed (exact; spaces and letter case are ignored).
    #[param(example = "EK7390567")]
    pub document_number: Option<String>,
}

/// Find verification records by email or by document number (verifiers).
///
/// Verifiers only; give exactly one of `email` and `document_number` (422 otherwise), so the worker at the desk can be
/// found without a record id. Newest first, at most 50; the document number stays masked in the answer. Read-only.
#[utoipa::path(tag = "identity", security(("bearer" = [])), params(FindVerifications), responses(
    (status = 200, description = "The matching records (an empty list when none)", body = Vec<VerificationView>),
    (status = 403, description = "Not a verifier"),
    (status = 422, description = "`validation_failed`: give exactly one of `email` and `document_number`, well formed"),
))]
#[get("/identity-verifications")]
pub async fn find_verifications(
    state: web::Data<AppState>,
    user: CurrentUser,
    query: web::Query<FindVerifications>,
) -> Result<web::Json<Vec<VerificationView>>, ApiError> {
    user.require(Role::Verifier)?;
    let invalid = |field: &str, code: &str, message: &str| AppError::Validation(vec![FieldError::new(field, code, message)]);
    let email = query.email.as_deref().map(str::trim).filter(|e| !e.is_empty());
    let number = query.document_number.as_deref().map(str::trim).filter(|d| !d.is_empty());
    let by = match (email, number) {
        (Some(email), None) => {
            FindIdentityRecords::ByEmail(Email::parse(email).map_err(|_| invalid("email", "invalid_email", "not an email address"))?)
        }
        (None, Some(number)) => FindIdentityRecords::ByDocumentNumber(
            DocumentNumber::parse(number).map_err(|_| invalid("document_number", "invalid_format", "not a document number"))?,
        ),
        _ => return Err(invalid("email", "required", "give either email or document_number").into()),
    };
    Ok(web::Json(find_identity_records(&state, by).await?))
}
