//! `POST /accounts/verify-phone`: the SMS code that finishes registration.

use actix_web::{post, web};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::auth::ClientInfo;
use crate::error::ApiError;
use sitecard_app::state::AppState;
use sitecard_app::use_cases::finish_registration::{FinishRegistration, finish_registration};

#[derive(Deserialize, ToSchema)]
pub struct VerifyPhone {
    #[schema(example = "01a230f0-89c0-7fe1-9e00-57e5e1bda755")]
    pub challenge_id: Uuid,
    /// The 6-digit code from the SMS.
    #[schema(example = "482913")]
    pub code: String,
}

#[derive(Serialize, ToSchema)]
pub struct AccountActivated {
    #[schema(example = "01a1f873-c8a0-7250-acb1-d4d54d99d19c")]
    pub account_id: Uuid,
    #[schema(example = "anna.kowalska@example.com")]
    pub email: String,
    /// `active`: sign in with email, password and an SMS code.
    #[schema(example = "active")]
    pub status: String,
}

/// Finish registration with the SMS code.
///
/// No sign-in: the `challenge_id` from `POST /accounts` and the code sent to the phone. On success the phone is
/// verified, the password set, the account active and the registration link spent; audited. The fifth wrong code ends
/// the challenge (410 `challenge_expired`), and wrong codes count towards per-IP and per-account limits (429).
#[utoipa::path(tag = "accounts", request_body = VerifyPhone, responses(
    (status = 200, description = "The account is active", body = AccountActivated),
    (status = 401, description = "`invalid_code`"),
    (status = 410, description = "`challenge_expired` or `registration_token_invalid`"),
))]
#[post("/accounts/verify-phone")]
pub async fn verify_phone(
    state: web::Data<AppState>,
    client: ClientInfo,
    body: web::Json<VerifyPhone>,
) -> Result<web::Json<AccountActivated>, ApiError> {
    let VerifyPhone { challenge_id, code } = body.into_inner();
    let account = finish_registration(&state, FinishRegistration { challenge_id, code, ip: client.ip }).await?;
    Ok(web::Json(AccountActivated { account_id: account.id.into(), email: account.email, status: account.status.as_str().into() }))
}
