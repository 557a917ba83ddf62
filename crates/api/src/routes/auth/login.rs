//! `POST /auth/login`: email + password → a second-factor challenge.

use actix_web::{HttpResponse, post, web};
use serde::Deserialize;
use utoipa::ToSchema;

use crate::auth::ClientInfo;
use crate::error::ApiError;
use sitecard_app::challenge_flow::ChallengeStarted;
use sitecard_app::state::AppState;
use sitecard_app::use_cases::start_login::{StartLogin, start_login};

#[derive(Deserialize, ToSchema)]
pub struct LoginRequest {
    #[schema(example = "anna.kowalska@example.com")]
    pub email: String,
    #[schema(example = "tegel-kran-sommar-42")]
    pub password: String,
    /// The language the person chose in the app (`en`, `sv`, `pl`, `lt`, `lv`, `et`, `ro`, `uk`, `de`): saved on the
    /// account, so the code SMS and every later email and SMS use it. Omit it to keep the account's language; an
    /// unknown code is ignored.
    #[serde(default)]
    #[schema(value_type = Option<sitecard_app::schema_enums::LanguageValue>)]
    pub language: Option<String>,
}

/// Sign in, step 1: email and password.
///
/// No sign-in needed. Unknown email and wrong password give the same 401 `invalid_credentials` in similar time; tries
/// are limited per client IP and per address (429 `too_many_attempts` with `Retry-After`) and failures are audited. On
/// success a second-factor challenge starts: an SMS code goes to the account's phone, or `method: totp` asks for the
/// authenticator app; `language`, when given, is saved on the account.
#[utoipa::path(tag = "auth", request_body = LoginRequest, responses(
    (status = 200, description = "Password accepted; a code was sent by SMS (or use the authenticator app)", body = ChallengeStarted),
    (status = 401, description = "`invalid_credentials` (also for unknown emails)"),
    (status = 429, description = "`too_many_attempts`; see `Retry-After`"),
))]
#[post("/auth/login")]
pub async fn login(state: web::Data<AppState>, client: ClientInfo, body: web::Json<LoginRequest>) -> Result<HttpResponse, ApiError> {
    let LoginRequest { email, password, language } = body.into_inner();
    let started = start_login(&state, StartLogin { email, password, language, ip: client.ip }).await?;
    Ok(HttpResponse::Ok().insert_header(("cache-control", "no-store")).json(started))
}
