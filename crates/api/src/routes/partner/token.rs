//! `POST /oauth/token`: OAuth2 client credentials (RFC 6749 section 4.4) for production partners.

use actix_web::{HttpRequest, HttpResponse, post, web};
use base64::Engine;
use serde::{Deserialize, Serialize};
use sitecard_app::AppError;
use utoipa::ToSchema;

use crate::auth::ClientInfo;
use crate::error::ApiError;
use sitecard_app::keys::ACCESS_TTL_SECS;
use sitecard_app::state::AppState;
use sitecard_app::use_cases::issue_partner_token::{PartnerCredentials, check_token_rate, issue_partner_token};

#[derive(Deserialize, ToSchema)]
pub struct TokenRequest {
    /// Must be `client_credentials`.
    #[schema(example = "client_credentials")]
    pub grant_type: String,
    /// Or use HTTP Basic authentication.
    #[schema(example = "nordic-card-print")]
    pub client_id: Option<String>,
    /// Sent together with `client_id` (or use HTTP Basic authentication).
    #[schema(example = "Jq8mX2vR7tLw4sZk9cNf3yHb6pDg1uAe")]
    pub client_secret: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct PartnerToken {
    /// An EdDSA-signed JWT for `Authorization: Bearer`.
    #[schema(example = "eyJhbGciOiJFZERTQSIsImtpZCI6ImsyMDI2MDMwMTA4MDAwMDEyMzQ1Njc4OSJ9.eyJ0eXAiOiJwYXJ0bmVyIn0.Vb7nQ4pZs1")]
    pub access_token: String,
    /// Always `Bearer`.
    #[schema(example = "Bearer")]
    pub token_type: String,
    /// Seconds until the token expires.
    #[schema(example = 600)]
    pub expires_in: i64,
}

fn basic_credentials(req: &HttpRequest) -> Option<(String, String)> {
    let v = req.headers().get("authorization")?.to_str().ok()?;
    let (scheme, rest) = v.split_once(' ')?;
    if !scheme.eq_ignore_ascii_case("basic") {
        return None;
    }
    let decoded = String::from_utf8(base64::engine::general_purpose::STANDARD.decode(rest.trim()).ok()?).ok()?;
    let (id, secret) = decoded.split_once(':')?;
    Some((id.to_owned(), secret.to_owned()))
}

/// Get a partner access token (OAuth2 client credentials).
///
/// No bearer token: `client_id` and `client_secret` in the form-encoded body (as RFC 6749 requires) or with HTTP Basic
/// authentication; the token lasts 10 minutes, and failed client authentication is audited. Errors are problem+json
/// whose `error` member is RFC 6749 section 5.2's (`invalid_request`, `invalid_client`, `unsupported_grant_type`), so a
/// standard OAuth client library recognises them; `code` is the same word, or `too_many_attempts` (429, 60 requests a
/// minute per client IP).
#[utoipa::path(tag = "partner", request_body(content = TokenRequest, content_type = "application/x-www-form-urlencoded"), responses(
    (status = 200, description = "Token", body = PartnerToken),
    (status = 400, description = "`error`: `unsupported_grant_type` or `invalid_request` (malformed form)"),
    (status = 401, description = "`error`: `invalid_client` (unknown client or wrong secret); `WWW-Authenticate: Basic`"),
    (status = 429, description = "`too_many_attempts`"),
))]
#[post("/oauth/token")]
pub async fn token(
    state: web::Data<AppState>,
    req: HttpRequest,
    client: ClientInfo,
    form: Result<web::Form<TokenRequest>, actix_web::Error>,
) -> HttpResponse {
    let form = form.map_err(|e| ApiError::InvalidBody(e.to_string()));
    match issue(&state, &req, &client, form).await {
        Ok(res) => res,
        Err(e) => oauth_error(&e),
    }
}

/// The problem with RFC 6749 section 5.2's `error` beside `code`.
fn oauth_error(e: &ApiError) -> HttpResponse {
    e.log_cause();
    let mut problem = e.problem();
    problem.error = match problem.code.as_str() {
        "invalid_client" | "unsupported_grant_type" => Some(problem.code.clone()),
        _ if problem.status == 400 || problem.status == 415 || problem.status == 413 => Some("invalid_request".into()),
        _ => None,
    };
    if problem.error.as_deref() == Some("invalid_request") {
        problem.code = "invalid_request".into();
        problem.type_ = "https://sitecard.dev/problems/invalid_request".into();
    }
    crate::error::problem_response(&problem)
}

async fn issue(
    state: &AppState,
    req: &HttpRequest,
    client: &ClientInfo,
    form: Result<web::Form<TokenRequest>, ApiError>,
) -> Result<HttpResponse, ApiError> {
    check_token_rate(state, &client.ip).await?;
    let form = form?.into_inner();
    if form.grant_type != "client_credentials" {
        return Err(AppError::BadRequest("unsupported_grant_type", "only client_credentials is supported".into()).into());
    }
    let (id, secret) = match (form.client_id, form.client_secret) {
        (Some(i), Some(s)) => (i, s),
        _ => basic_credentials(req).ok_or(AppError::Unauthorized("invalid_client"))?,
    };
    let access_token = issue_partner_token(state, PartnerCredentials { client_id: id, client_secret: secret }, &client.ip).await?;
    Ok(HttpResponse::Ok().insert_header(("cache-control", "no-store")).json(PartnerToken {
        access_token,
        token_type: "Bearer".into(),
        expires_in: ACCESS_TTL_SECS,
    }))
}
