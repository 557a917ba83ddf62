//! Authenticator-app enrolment: start (secret + otpauth URI + QR as SVG), confirm with a code, remove with a
//! fresh code.

use actix_web::{HttpResponse, delete, post, web};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::auth::CurrentUser;
use crate::auth::step_up::{StepUp, require_step_up};
use crate::error::ApiError;
use sitecard_app::state::AppState;
use sitecard_app::use_cases::disable_totp::{DisableTotp, disable_totp};
use sitecard_app::use_cases::enrol_totp::{EnrolTotp, enrol_totp};
use sitecard_app::use_cases::start_totp_enrolment::{TotpEnrolmentStarted, start_totp_enrolment};

#[derive(Serialize, ToSchema)]
pub struct TotpEnrolment {
    /// Base32 secret, for typing into an app by hand.
    #[schema(example = "JHSRJW5EKGL4KHNZW24GAZ7DI5VNWAHJ")]
    pub secret: String,
    /// `otpauth://totp/Sitecard:…` for the QR code.
    #[schema(example = "otpauth://totp/Sitecard:anna.kowalska%40example.com?secret=JHSRJW5EKGL4KHNZW24GAZ7DI5VNWAHJ&issuer=Sitecard")]
    pub otpauth_uri: String,
    /// The QR code as an SVG document.
    #[schema(example = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 41 41\" role=\"img\">…</svg>")]
    pub qr_svg: String,
}

#[derive(Deserialize, ToSchema)]
pub struct TotpCode {
    /// The current 6-digit code from the authenticator app.
    #[schema(example = "482913")]
    pub code: String,
}

/// Start enrolling an authenticator app.
///
/// Any signed-in account, with a step-up: a sign-in within the last five minutes, or `current_password` in the body
/// (wrong passwords count with sign-ins). Returns a new secret, its otpauth URI and a QR code, never cached or kept
/// for `Idempotency-Key`; it may replace the current app, but sign-in keeps using what it used until the new app is
/// confirmed with `POST /auth/totp/confirm`.
#[utoipa::path(tag = "auth", security(("bearer" = [])), request_body(content = Option<StepUp>, description = "Only when the sign-in is older than five minutes"), responses(
    (status = 200, description = "Scan the QR code, then confirm with a code", body = TotpEnrolment),
    (status = 401, description = "Not signed in, or `invalid_credentials` (a wrong `current_password`)"),
    (status = 403, description = "`step_up_required`: sign-in older than five minutes; send `current_password`"),
    (status = 429, description = "`too_many_attempts` (wrong passwords, counted with sign-ins)"),
))]
#[post("/auth/totp")]
pub async fn start_totp(state: web::Data<AppState>, user: CurrentUser, body: web::Bytes) -> Result<HttpResponse, ApiError> {
    let step_up = StepUp::from_optional_body(&body)?;
    require_step_up(&state, &user, step_up.current_password.as_deref()).await?;
    let started = start_totp_enrolment(&state, user.account_id).await?;
    let TotpEnrolmentStarted { secret, otpauth_uri, qr_svg } = started;
    Ok(HttpResponse::Ok().insert_header(("cache-control", "no-store")).json(TotpEnrolment { secret, otpauth_uri, qr_svg }))
}

/// Confirm the authenticator app with its current code.
///
/// Any signed-in account that has started an enrolment (409 `invalid_state` otherwise); each code is accepted once.
/// From now on sign-in asks for the app's code instead of an SMS; the email address and the phone (by SMS) are told,
/// and the change is audited.
#[utoipa::path(tag = "auth", security(("bearer" = [])), request_body = TotpCode, responses(
    (status = 204, description = "Authenticator app enrolled"),
    (status = 401, description = "`invalid_code`"),
    (status = 409, description = "`invalid_state`: no enrolment was started"),
))]
#[post("/auth/totp/confirm")]
pub async fn confirm_totp(state: web::Data<AppState>, user: CurrentUser, body: web::Json<TotpCode>) -> Result<HttpResponse, ApiError> {
    enrol_totp(&state, EnrolTotp { account_id: user.account_id, code: body.into_inner().code }).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Remove the authenticator app; sign-in goes back to SMS codes.
///
/// Any signed-in account with an enrolled app (409 `invalid_state` otherwise); needs a fresh code from the app (401
/// `invalid_code`). The email address and the phone (by SMS) are told, and the change is audited.
#[utoipa::path(tag = "auth", security(("bearer" = [])), request_body = TotpCode, responses(
    (status = 204, description = "Removed"),
    (status = 401, description = "`invalid_code`"),
    (status = 409, description = "`invalid_state`: no app is enrolled"),
))]
#[delete("/auth/totp")]
pub async fn remove_totp(state: web::Data<AppState>, user: CurrentUser, body: web::Json<TotpCode>) -> Result<HttpResponse, ApiError> {
    disable_totp(&state, DisableTotp { account_id: user.account_id, code: body.into_inner().code }).await?;
    Ok(HttpResponse::NoContent().finish())
}
