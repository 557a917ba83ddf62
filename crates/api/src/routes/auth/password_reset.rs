//! Forgotten password: an emailed one-time link, a new password, then the second factor (SMS or app).

use actix_web::{HttpResponse, post, web};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::auth::ClientInfo;
use crate::error::ApiError;
use sitecard_app::challenge_flow::ChallengeStarted;
use sitecard_app::state::AppState;
use sitecard_app::use_cases::confirm_password_reset::{ConfirmPasswordReset, confirm_password_reset};
use sitecard_app::use_cases::request_password_reset::{RequestPasswordReset, request_password_reset};
use sitecard_app::use_cases::reset_password::{ResetPassword, reset_password};

#[derive(Deserialize, ToSchema)]
pub struct PasswordResetRequest {
    #[schema(example = "anna.kowalska@example.com")]
    pub email: String,
}

/// Forgotten password, step 1: ask for a reset link by email.
///
/// No sign-in. Always 202 after the same delay, whether or not the address has an active account; for an active
/// account a one-time link `/reset-password?token=…` (valid one hour) is emailed and earlier links stop working.
/// Limited to 20 requests an hour per client IP (429) and, silently, to three emails an hour per address.
#[utoipa::path(tag = "auth", request_body = PasswordResetRequest, responses(
    (status = 202, description = "If the address has an account, a link was emailed"),
    (status = 429, description = "`too_many_attempts`"),
))]
#[post("/auth/password-reset")]
pub async fn request_reset(
    state: web::Data<AppState>,
    client: ClientInfo,
    body: web::Json<PasswordResetRequest>,
) -> Result<HttpResponse, ApiError> {
    let cmd = RequestPasswordReset { email: body.into_inner().email, ip: client.ip };
    request_password_reset(&state, cmd).await?;
    Ok(HttpResponse::Accepted().finish())
}

#[derive(Deserialize, ToSchema)]
pub struct PasswordResetConfirm {
    /// The `token` from the emailed `/reset-password?token=…` link (valid one hour).
    #[schema(example = "Z7yhHMl1Uf6fmeNC6kIgtfE1SzE80abYkje1QTU_7Fg")]
    pub token: String,
    /// At least 8 characters, not common or guessable from the account (NIST SP 800-63B).
    #[schema(example = "murare-regn-fika-17")]
    pub new_password: String,
}

/// Forgotten password, step 2: the new password; a second factor is asked for.
///
/// No sign-in: the `token` from the emailed link is the credential (410 `reset_token_invalid` when unknown, used or
/// expired). The new password is checked against the policy (400 `weak_password`) and held until the second factor:
/// an SMS code is sent, or the authenticator app is asked for. Nothing changes until `/auth/password-reset/verify`.
#[utoipa::path(tag = "auth", request_body = PasswordResetConfirm, responses(
    (status = 200, description = "A code was sent (or use the authenticator app)", body = ChallengeStarted),
    (status = 400, description = "`weak_password`"),
    (status = 410, description = "`reset_token_invalid`: unknown, used or expired link"),
))]
#[post("/auth/password-reset/confirm")]
pub async fn confirm_reset(state: web::Data<AppState>, body: web::Json<PasswordResetConfirm>) -> Result<HttpResponse, ApiError> {
    let PasswordResetConfirm { token, new_password } = body.into_inner();
    let started = confirm_password_reset(&state, ConfirmPasswordReset { token, new_password }).await?;
    Ok(HttpResponse::Ok().json(started))
}

#[derive(Deserialize, ToSchema)]
pub struct PasswordResetVerify {
    #[schema(example = "01a230f0-89c0-7fe1-9e00-57e5e1bda755")]
    pub challenge_id: Uuid,
    /// The 6-digit code from the SMS or the authenticator app.
    #[schema(example = "482913")]
    pub code: String,
}

#[derive(Serialize, ToSchema)]
pub struct PasswordChanged {
    /// Always true; every session was signed out.
    #[schema(example = true)]
    pub password_changed: bool,
}

/// Forgotten password, step 3: the code; the new password takes effect.
///
/// No sign-in: the `challenge_id` from step 2 and its SMS or app code. On success the password is replaced, the link
/// spent, every session of the account ended and the email address told; audited. Wrong codes count like sign-in
/// codes (the fifth ends the challenge: 410 `challenge_expired`).
#[utoipa::path(tag = "auth", request_body = PasswordResetVerify, responses(
    (status = 200, description = "Password changed; sign in again", body = PasswordChanged),
    (status = 401, description = "`invalid_code`"),
    (status = 410, description = "`challenge_expired` or `reset_token_invalid`"),
))]
#[post("/auth/password-reset/verify")]
pub async fn verify_reset(
    state: web::Data<AppState>,
    client: ClientInfo,
    body: web::Json<PasswordResetVerify>,
) -> Result<HttpResponse, ApiError> {
    let PasswordResetVerify { challenge_id, code } = body.into_inner();
    reset_password(&state, ResetPassword { challenge_id, code, ip: client.ip }).await?;
    Ok(HttpResponse::Ok().json(PasswordChanged { password_changed: true }))
}
