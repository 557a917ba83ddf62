//! `POST /auth/refresh`: rotate the refresh token. Reuse of a spent token revokes the whole family.

use actix_web::{HttpRequest, HttpResponse, post, web};
use serde::Deserialize;
use utoipa::ToSchema;

use crate::error::ApiError;
use sitecard_app::session_flow::{REFRESH_COOKIE, TokenResponse};
use sitecard_app::state::AppState;
use sitecard_app::use_cases::rotate_refresh_token::{invalid_refresh_token, rotate_refresh_token};

#[derive(Deserialize, ToSchema, Default)]
pub struct RefreshRequest {
    /// Native clients send it here; web clients send nothing and rely on the cookie (plus the
    /// `X-Sitecard-Client: web` header, which cross-site forms cannot set).
    #[serde(default)]
    #[schema(example = "rauH-vvjMFRFJGNDxOC3b0czQoeahRArz7Snz4K16L8")]
    pub refresh_token: Option<String>,
}

/// Rotate the refresh token: a new access token and a new refresh token.
///
/// No access token needed. Native clients send `refresh_token` in the body; web clients send none and rely on the
/// `sitecard_refresh` cookie plus the header `X-Sitecard-Client: web`. The old refresh token is spent: presenting a
/// spent one again ends the whole session (401 `invalid_refresh_token`), which is audited.
#[utoipa::path(tag = "auth", request_body(content = RefreshRequest, description = "Optional for web clients using the cookie"), responses(
    (status = 200, description = "A new token pair", body = TokenResponse),
    (status = 401, description = "`invalid_refresh_token` (a reused token also ends the session)"),
))]
#[post("/auth/refresh")]
pub async fn refresh(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: Option<web::Json<RefreshRequest>>,
) -> Result<HttpResponse, ApiError> {
    let (token, web) = presented_token(&req, body)?;
    let issued = rotate_refresh_token(&state, &token, web).await?;
    Ok(crate::session_cookies::respond(&state, issued))
}

/// The refresh token from the body (apps), or from the cookie with the web client's header (the SPA; the header
/// is what a cross-site form cannot send). `true` for the cookie.
fn presented_token(req: &HttpRequest, body: Option<web::Json<RefreshRequest>>) -> Result<(String, bool), ApiError> {
    if let Some(token) = body.and_then(|b| b.into_inner().refresh_token).filter(|t| !t.is_empty()) {
        return Ok((token, false));
    }
    let csrf_ok = req.headers().get("x-sitecard-client").and_then(|v| v.to_str().ok()) == Some("web");
    match req.cookie(REFRESH_COOKIE).map(|c| c.value().to_owned()).filter(|v| !v.is_empty()) {
        Some(cookie) if csrf_ok => Ok((cookie, true)),
        _ => Err(invalid_refresh_token().into()),
    }
}
