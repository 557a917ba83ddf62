//! `POST /identity-verifications/{id}/reset-second-factor`: a lost phone, reset in person after the verifier
//! has checked the document again. There is no SMS-only recovery (SIM-swap risk), and the verifier's word alone
//! is not enough either: the document presented now must be the recorded one, so a verifier cannot move any
//! worker's second factor to a phone of their choosing.

use actix_web::{post, web};
use serde::Deserialize;
use sitecard_domain::{PhoneE164, Role};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::auth::CurrentUser;
use crate::error::{ApiError, Fields};
use sitecard_app::state::AppState;
use sitecard_app::use_cases::reset_second_factor::{
    NewSecondFactor, ResetSecondFactorInPerson, SecondFactorReset, reset_second_factor_in_person,
};

#[derive(Deserialize, ToSchema)]
pub struct ResetSecondFactor {
    /// The worker's new mobile number (E.164 or with a `00` prefix).
    #[schema(example = "+46701234567")]
    pub new_phone: String,
    /// The number of the passport or ID card presented again now: required, and it must be the recorded one.
    #[serde(default)]
    #[schema(example = "EK7390567")]
    pub document_number: Option<String>,
}

/// The new phone and the document number typed now; every field error at once.
impl TryFrom<&ResetSecondFactor> for NewSecondFactor {
    type Error = ApiError;

    fn try_from(body: &ResetSecondFactor) -> Result<Self, ApiError> {
        let mut f = Fields::new();
        let phone = f.check("new_phone", "invalid_phone", PhoneE164::parse(&body.new_phone));
        let typed = body.document_number.as_deref().map(str::trim).filter(|d| !d.is_empty());
        if typed.is_none() {
            f.push("document_number", "required", "check the passport or ID card again and type its number");
        }
        let (new_phone, presented_document) = f.finish_with(phone.zip(typed.map(str::to_owned)))?;
        Ok(NewSecondFactor { new_phone, presented_document })
    }
}

/// Reset a worker's lost phone in person (verifiers).
///
/// Verifiers only, after checking the passport or ID again: `document_number` must be the recorded one (422
/// `document_mismatch`, audited). The account's phone is replaced, any authenticator app removed and every session
/// ended; the email address and the old phone (by SMS) are told, and the reset is audited.
#[utoipa::path(tag = "identity", security(("bearer" = [])), params(("id" = Uuid, Path, description = "Verification record id", example = "01a1f873-5370-7063-8277-9b947d2c44b5")), request_body = ResetSecondFactor, responses(
    (status = 200, description = "Phone replaced", body = SecondFactorReset),
    (status = 403, description = "Not a verifier"),
    (status = 404, description = "No such record or no account for it"),
    (status = 422, description = "`validation_failed` (`document_number` is required) or `document_mismatch` (not the recorded document)"),
))]
#[post("/identity-verifications/{id}/reset-second-factor")]
pub async fn reset_second_factor(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<Uuid>,
    body: web::Json<ResetSecondFactor>,
) -> Result<web::Json<SecondFactorReset>, ApiError> {
    user.require(Role::Verifier)?;
    let second_factor = NewSecondFactor::try_from(&*body)?;
    let cmd = ResetSecondFactorInPerson { verifier_id: user.account_id, verification_id: *id, second_factor };
    reset_second_factor_in_person(&state, cmd).await.map(web::Json).map_err(ApiError::from)
}
