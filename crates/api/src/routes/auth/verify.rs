//! `POST /auth/login/verify` and `POST /auth/login/resend`: the second factor.

use actix_web::{HttpResponse, post, web};
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::auth::ClientInfo;
use crate::error::ApiError;
use sitecard_app::challenge_flow::{self, ChallengeStarted};
use sitecard_app::session_flow::TokenResponse;
use sitecard_app::state::AppState;
use sitecard_app::use_cases::complete_login::{CompleteLogin, complete_login};

#[derive(Deserialize, ToSchema)]
pub struct VerifyRequest {
    #[schema(example = "01a230f0-89c0-7fe1-9e00-57e5e1bda755")]
    pub challenge_id: Uuid,
    /// The 6-digit code from the SMS or the authenticator app.
    #[schema(example = "482913")]
    pub code: String,
    /// `native` (default: refresh token in the body) or `web` (refresh token only as an HttpOnly cookie).
    #[serde(default)]
    #[schema(value_type = Option<sitecard_app::schema_enums::ClientKind>)]
    pub client: Option<String>,
}

/// Sign in, step 2: the SMS or app code.
///
/// No access token needed: the `challenge_id` from `POST /auth/login`. On success a session starts (audited) and
/// tokens are issued; `client: web` gets the refresh token only as an HttpOnly cookie. The fifth wrong code ends the
/// challenge, and ten wrong codes in an hour lock codes for the account (429) and email the worker.
#[utoipa::path(tag = "auth", request_body = VerifyRequest, responses(
    (status = 200, description = "Signed in. The refresh token is also set as an HttpOnly cookie for web clients (`sitecard_refresh`, path `/api/v1/auth`), beside `sitecard_session_hint=1` (path `/`, readable by scripts, no secret): a web app asks `POST /auth/refresh` on load only when the hint is there. Logout removes both.", body = TokenResponse),
    (status = 401, description = "`invalid_code`"),
    (status = 410, description = "`challenge_expired`: expired, used, or ended by too many wrong codes"),
    (status = 429, description = "`too_many_attempts`"),
))]
#[post("/auth/login/verify")]
pub async fn verify(state: web::Data<AppState>, client: ClientInfo, body: web::Json<VerifyRequest>) -> Result<HttpResponse, ApiError> {
    let body = body.into_inner();
    let cmd = CompleteLogin {
        challenge_id: body.challenge_id,
        code: body.code,
        web: body.client.as_deref() == Some("web"),
        ip: client.ip,
        user_agent: client.user_agent,
    };
    let issued = complete_login(&state, cmd).await?;
    Ok(crate::session_cookies::respond(&state, issued))
}

#[derive(Deserialize, ToSchema)]
pub struct ResendRequest {
    #[schema(example = "01a230f0-89c0-7fe1-9e00-57e5e1bda755")]
    pub challenge_id: Uuid,
}

/// Send a new SMS code for an open challenge.
///
/// No access token needed; any open SMS challenge (login, registration, phone change, password reset). A new code
/// replaces the old one and the challenge's five minutes start again. At most one a minute (429 `resend_too_soon`
/// with `Retry-After`) and five SMS an hour per account; 409 `not_applicable` for an authenticator-app challenge.
#[utoipa::path(tag = "auth", request_body = ResendRequest, responses(
    (status = 202, description = "A new code was sent", body = ChallengeStarted),
    (status = 409, description = "`not_applicable`: the challenge uses an authenticator app"),
    (status = 410, description = "`challenge_expired`"),
    (status = 429, description = "`resend_too_soon` or `too_many_attempts`; see `Retry-After`"),
))]
#[post("/auth/login/resend")]
pub async fn resend(state: web::Data<AppState>, body: web::Json<ResendRequest>) -> Result<HttpResponse, ApiError> {
    let started = challenge_flow::resend(&state, body.challenge_id).await?;
    Ok(HttpResponse::Accepted().json(started))
}
