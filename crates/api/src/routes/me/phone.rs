//! Changing the phone: a code goes to the new number, which takes effect only after it is typed back.

use actix_web::{HttpResponse, post, web};
use serde::Deserialize;
use sitecard_domain::PhoneE164;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::auth::step_up::require_step_up;
use crate::auth::{ClientInfo, CurrentUser};
use crate::error::{ApiError, Fields};
use crate::routes::me::profile::{Contact, contact_of};
use sitecard_app::challenge_flow::ChallengeStarted;
use sitecard_app::state::AppState;
use sitecard_app::use_cases::confirm_phone_change::{ConfirmPhoneChange, confirm_phone_change};
use sitecard_app::use_cases::start_phone_change::{StartPhoneChange, start_phone_change};

#[derive(Deserialize, ToSchema)]
pub struct ChangePhone {
    /// The new mobile number with country code (spaces, dashes and a `00` prefix are accepted).
    #[schema(example = "+46701234567")]
    pub phone: String,
    /// The account's password, typed again: needed when the sign-in is older than five minutes (403
    /// `step_up_required` tells the client to ask for it).
    #[serde(default)]
    #[schema(example = "tegel-kran-sommar-42")]
    pub current_password: Option<String>,
}

impl TryFrom<&ChangePhone> for PhoneE164 {
    type Error = ApiError;

    fn try_from(body: &ChangePhone) -> Result<Self, ApiError> {
        let mut f = Fields::new();
        let phone = f.check("phone", "invalid_phone", PhoneE164::parse(&body.phone));
        f.finish_with(phone).map_err(ApiError::from)
    }
}

/// Change the phone, step 1: a code goes to the new number.
///
/// Any signed-in account, with a step-up: a sign-in within the last five minutes, or `current_password` (403
/// `step_up_required` asks for it). Nothing changes until the code is confirmed with `POST /me/phone/verify`; at most
/// five SMS an hour per account (429).
#[utoipa::path(tag = "me", security(("bearer" = [])), request_body = ChangePhone, responses(
    (status = 202, description = "A code was sent to the new number", body = ChallengeStarted),
    (status = 401, description = "`invalid_credentials`: a wrong `current_password`"),
    (status = 403, description = "`step_up_required`: sign-in older than five minutes; send `current_password`"),
    (status = 422, description = "`validation_failed` (`invalid_phone`)"),
    (status = 429, description = "`too_many_attempts`"),
))]
#[post("/me/phone")]
pub async fn change_phone(state: web::Data<AppState>, user: CurrentUser, body: web::Json<ChangePhone>) -> Result<HttpResponse, ApiError> {
    let phone = PhoneE164::try_from(&*body)?;
    require_step_up(&state, &user, body.current_password.as_deref()).await?;
    let started = start_phone_change(&state, StartPhoneChange { account_id: user.account_id, new_phone: phone }).await?;
    Ok(HttpResponse::Accepted().json(started))
}

#[derive(Deserialize, ToSchema)]
pub struct VerifyPhoneChange {
    #[schema(example = "01a230f0-89c0-7fe1-9e00-57e5e1bda755")]
    pub challenge_id: Uuid,
    /// The 6-digit code sent to the new number.
    #[schema(example = "482913")]
    pub code: String,
}

/// Change the phone, step 2: the code; the new number replaces the old one.
///
/// Any signed-in account, for its own challenge from `POST /me/phone` (anyone else's is 410 `challenge_expired`). The
/// new number takes effect at once; the email address and the old number (by SMS) are told, and the change is audited.
#[utoipa::path(tag = "me", security(("bearer" = [])), request_body = VerifyPhoneChange, responses(
    (status = 200, description = "The new contact details", body = Contact),
    (status = 401, description = "`invalid_code`"),
    (status = 410, description = "`challenge_expired`"),
))]
#[post("/me/phone/verify")]
pub async fn verify_phone_change(
    state: web::Data<AppState>,
    user: CurrentUser,
    client: ClientInfo,
    body: web::Json<VerifyPhoneChange>,
) -> Result<web::Json<Contact>, ApiError> {
    let VerifyPhoneChange { challenge_id, code } = body.into_inner();
    let cmd = ConfirmPhoneChange { account_id: user.account_id, challenge_id, code, ip: client.ip };
    let account = confirm_phone_change(&state, cmd).await?;
    Ok(web::Json(contact_of(&account)))
}
