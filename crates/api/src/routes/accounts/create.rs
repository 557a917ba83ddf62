//! `POST /accounts`: password + phone from a registration link; the phone is proven by an SMS code.

use actix_web::{HttpResponse, post, web};
use serde::Deserialize;
use utoipa::ToSchema;

use crate::auth::ClientInfo;
use crate::error::ApiError;
use sitecard_app::challenge_flow::ChallengeStarted;
use sitecard_app::state::AppState;
use sitecard_app::use_cases::register_account::{RegisterAccount, register_account};

#[derive(Deserialize, ToSchema)]
pub struct CreateAccount {
    /// The `token` from the emailed `/register?token=…` link.
    #[schema(example = "viWwHGkLe4-4ksUifjX8TUEKARuOUPlXSZLw8DKoRY0")]
    pub registration_token: String,
    /// At least 8 characters, not common or guessable from the account (NIST SP 800-63B).
    #[schema(example = "tegel-kran-sommar-42")]
    pub password: String,
    /// Mobile number with country code, e.g. `+48 601 234 567`.
    #[schema(example = "+46701234567")]
    pub phone: String,
    /// The language the person chose in the app (`en`, `sv`, `pl`, `lt`, `lv`, `et`, `ro`, `uk`, `de`): saved on the
    /// account, so the code SMS and every later email and SMS use it. Omit it to keep the account's language; an
    /// unknown code is ignored.
    #[serde(default)]
    #[schema(value_type = Option<sitecard_app::schema_enums::LanguageValue>)]
    pub language: Option<String>,
}

/// Create the account from a registration link; an SMS code goes to the phone.
///
/// No sign-in: the `registration_token` from the emailed link is the credential. The password must pass the policy
/// (400 `weak_password`) and a code is sent to `phone` (at most five SMS an hour per account); the account becomes
/// active only after `POST /accounts/verify-phone`. Limited to 20 tries an hour per client IP (429); `Idempotency-Key`
/// is ignored.
#[utoipa::path(tag = "accounts", request_body = CreateAccount, responses(
    (status = 201, description = "A code was sent to the phone", body = ChallengeStarted),
    (status = 400, description = "`weak_password`"),
    (status = 410, description = "`registration_token_invalid`: unknown, used or expired link"),
    (status = 422, description = "`validation_failed` (phone)"),
    (status = 429, description = "`too_many_attempts`"),
))]
#[post("/accounts")]
pub async fn create_account(
    state: web::Data<AppState>,
    client: ClientInfo,
    body: web::Json<CreateAccount>,
) -> Result<HttpResponse, ApiError> {
    let CreateAccount { registration_token, password, phone, language } = body.into_inner();
    let cmd = RegisterAccount { registration_token, password, phone, language, ip: client.ip };
    let started = register_account(&state, cmd).await?;
    Ok(HttpResponse::Created().json(started))
}
