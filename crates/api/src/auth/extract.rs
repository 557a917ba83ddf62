//! Extractors: `CurrentUser` (a bearer JWT whose session is still live) and `ClientInfo` (IP, user agent,
//! language) for throttling and messages.

use sitecard_app::AppError;
use std::future::{Ready, ready};
use std::sync::Arc;

use actix_web::{FromRequest, HttpRequest, dev::Payload, web};
use chrono::Utc;
use futures_util::future::LocalBoxFuture;
use sitecard_app::records::{Account, Person};
use sitecard_app::session_flow;
use sitecard_domain::client_ip::client_ip;
use sitecard_domain::ids::AccountId;
use sitecard_domain::{Language, Role};
use uuid::Uuid;

use crate::error::ApiError;
use sitecard_app::keys::Claims;
use sitecard_app::session_cache::CachedSession;
use sitecard_app::state::AppState;

/// A signed-in person (cardholder, company admin, verifier, operator).
#[derive(Clone)]
pub struct CurrentUser {
    pub account_id: AccountId,
    pub session_id: Uuid,
    /// When this session's sign-in (password and second factor) happened: refreshes keep it.
    pub signed_in_at: chrono::DateTime<Utc>,
    pub roles: Vec<Role>,
    /// The account row as read with the session (same query), for handlers that only read it. Handlers
    /// that change the account re-read it inside their transaction.
    pub account: Arc<Account>,
    /// The person verified in person for this account, read with it; `None` before a verifier has recorded
    /// a document. Handlers that decide on it (accept) re-read it inside their transaction.
    pub person: Option<Arc<Person>>,
}

// By hand: the account row holds the password hash and the TOTP secret, which must never reach a log.
impl std::fmt::Debug for CurrentUser {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CurrentUser")
            .field("account_id", &self.account_id)
            .field("session_id", &self.session_id)
            .field("roles", &self.roles)
            .finish()
    }
}

impl CurrentUser {
    pub fn has(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }

    /// 403 unless the caller has the role.
    pub fn require(&self, role: Role) -> Result<(), ApiError> {
        if self.has(role) { Ok(()) } else { Err(AppError::Forbidden.into()) }
    }
}

pub fn bearer_token(req: &HttpRequest) -> Option<String> {
    let value = req.headers().get(actix_web::http::header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then(|| token.trim().to_owned())
}

impl FromRequest for CurrentUser {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let verified = verified_bearer(req);
        Box::pin(async move {
            let (state, claims) = verified?;
            user_from_claims(&state, &claims).await
        })
    }
}

/// The state and the checked claims of the request's bearer token (people's and partners' alike): 401
/// `unauthenticated` without one, `invalid_token` for one that fails the signature, issuer, audience or expiry.
pub fn verified_bearer(req: &HttpRequest) -> Result<(web::Data<AppState>, Arc<Claims>), ApiError> {
    let state = req.app_data::<web::Data<AppState>>().cloned().ok_or_else(|| AppError::internal("state missing"))?;
    let token = bearer_token(req).ok_or(AppError::Unauthorized("unauthenticated"))?;
    let claims = state.keys.verify(&token).ok_or(AppError::Unauthorized("invalid_token"))?;
    Ok((state, claims))
}

/// A person's verified token → the caller, if their session is still live.
pub async fn user_from_claims(state: &AppState, claims: &Claims) -> Result<CurrentUser, ApiError> {
    if claims.typ != "user" {
        // A partner's token on a person's route: authenticated, but not allowed.
        return Err(AppError::Forbidden.into());
    }
    let account_id: AccountId = claims.sub.parse().map_err(|_| AppError::Unauthorized("invalid_token"))?;
    let session_id: Uuid = claims.sid.as_deref().and_then(|s| s.parse().ok()).ok_or(AppError::Unauthorized("invalid_token"))?;
    let cached = session_flow::live_session(state, account_id, session_id).await?;
    let roles = claims.roles.iter().filter_map(|r| Role::parse(r)).collect();
    let CachedSession { session, account, person } = &*cached;
    Ok(CurrentUser { account_id, session_id, signed_in_at: session.created_at, roles, account: account.clone(), person: person.clone() })
}

/// Facts about the caller's connection.
#[derive(Debug, Clone)]
pub struct ClientInfo {
    pub ip: String,
    pub user_agent: Option<String>,
    /// From `Accept-Language`, for messages sent before anyone is logged in.
    pub language: Language,
}

impl FromRequest for ClientInfo {
    type Error = ApiError;
    type Future = Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let trusted = req.app_data::<web::Data<AppState>>().map(|s| &s.config.trusted_proxies);
        let ip = match (req.peer_addr(), trusted) {
            (Some(peer), Some(trusted)) => {
                let forwarded: Vec<&str> = req.headers().get_all("x-forwarded-for").filter_map(|v| v.to_str().ok()).collect();
                client_ip(peer.ip(), &forwarded, trusted).to_string()
            }
            (Some(peer), None) => peer.ip().to_canonical().to_string(),
            (None, _) => "unknown".into(),
        };
        let user_agent = req.headers().get("user-agent").and_then(|v| v.to_str().ok()).map(|s| s.chars().take(300).collect());
        let language =
            req.headers().get("accept-language").and_then(|v| v.to_str().ok()).map(Language::from_accept_language).unwrap_or_default();
        ready(Ok(ClientInfo { ip, user_agent, language }))
    }
}
