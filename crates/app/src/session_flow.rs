//! Issuing access and refresh tokens for a session and rotating refresh tokens (the web cookies are
//! `sitecard_api::session_cookies`).

use chrono::{Duration, Utc};
use serde::Serialize;
use sitecard_domain::ids::AccountId;
use sitecard_persistence::accounts::Account;
use sitecard_persistence::sessions::{self, NewSession};
use uuid::Uuid;

use crate::challenge_flow::CodeAccepted;
use crate::crypto::{random_token, token_hash};
use crate::error::AppError;
use crate::keys::{ACCESS_TTL_SECS, user_claims};
use crate::session_cache::CachedSession;
use crate::state::AppState;

pub const REFRESH_COOKIE: &str = "sitecard_refresh";
/// Readable by the web app (it holds no secret): "a refresh cookie was set", so a page load asks for an
/// access token only when there may be a session to refresh, and a visitor who never signed in causes no
/// refresh request at all.
pub const SESSION_HINT_COOKIE: &str = "sitecard_session_hint";
pub const SESSION_TTL_DAYS: i64 = 30;

#[derive(Debug, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TokenResponse {
    /// An EdDSA-signed JWT for `Authorization: Bearer`; its `kid` is in `/.well-known/jwks.json`.
    #[cfg_attr(
        feature = "openapi",
        schema(example = "eyJhbGciOiJFZERTQSIsImtpZCI6ImsyMDI2MDMwMTA4MDAwMDEyMzQ1Njc4OSJ9.eyJ0eXAiOiJ1c2VyIn0.Xq2v0wF3kR")
    )]
    pub access_token: String,
    /// Always `Bearer`.
    #[cfg_attr(feature = "openapi", schema(example = "Bearer"))]
    pub token_type: String,
    /// Seconds until the access token expires (at most 600).
    #[cfg_attr(feature = "openapi", schema(example = 600))]
    pub expires_in: i64,
    /// Opaque, single-use; rotated on every refresh. Omitted for `client: "web"`, which gets it only as an
    /// HttpOnly cookie.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(example = "rauH-vvjMFRFJGNDxOC3b0czQoeahRArz7Snz4K16L8"))]
    pub refresh_token: Option<String>,
    /// True after an SMS login when no authenticator app is enrolled and the person has not declined it
    /// (`POST /me/authenticator-offer/decline`): SMS is a "restricted" authenticator (NIST SP 800-63B rev 4),
    /// so clients should offer `POST /api/v1/auth/totp` — once, after the task the person came for.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(example = true))]
    pub offer_totp: Option<bool>,
}

pub struct Issued {
    pub body: TokenResponse,
    pub refresh_token: String,
    pub web: bool,
}

/// The session of a verified access token, if it is still live: from memory while no change to the account was
/// heard since it was read (see `session_cache`), else from the database. Checked on every request so that
/// sign-out, password reset and reuse detection take effect at once.
pub async fn live_session(state: &AppState, account_id: AccountId, session_id: Uuid) -> Result<std::sync::Arc<CachedSession>, AppError> {
    let cached = match state.sessions.get(session_id) {
        Some(cached) => {
            state.metrics.session_lookup(true);
            cached
        }
        None => {
            state.metrics.session_lookup(false);
            let ticket = state.sessions.ticket();
            let (session, account, person) =
                sessions::find_with_account(&state.read, session_id).await?.ok_or(AppError::Unauthorized("invalid_token"))?;
            let cached = std::sync::Arc::new(CachedSession { session, account: account.into(), person: person.map(Into::into) });
            state.sessions.put(ticket, cached.clone());
            cached
        }
    };
    let session = &cached.session;
    if session.account_id != account_id || session.revoked_at.is_some() || session.expires_at <= Utc::now() {
        return Err(AppError::Unauthorized("session_ended"));
    }
    Ok(cached)
}

pub fn access_token(state: &AppState, account: &Account, session_id: Uuid) -> Result<String, AppError> {
    let roles = account.roles.iter().map(|r| r.as_str().to_owned()).collect();
    state.keys.sign(&user_claims(account.id, session_id, roles))
}

/// Starts a session (a refresh-token family) after a completed second factor, spending its code in the same
/// transaction.
pub async fn open_session(
    state: &AppState,
    code: CodeAccepted,
    web: bool,
    ip: &str,
    user_agent: Option<String>,
    event: sitecard_persistence::audit::NewAuditEvent,
) -> Result<Issued, AppError> {
    let txn = sitecard_persistence::begin(&state.db).await?;
    let (challenge, account) = code.consume(&txn).await?;
    let session = sessions::create(
        &txn,
        NewSession {
            account_id: account.id,
            client: if web { "web" } else { "native" },
            user_agent,
            ip: Some(ip.to_owned()),
            auth_method: &challenge.method,
            expires_at: Utc::now() + Duration::days(SESSION_TTL_DAYS),
        },
    )
    .await?;
    let refresh = random_token();
    sessions::add_refresh_token(&txn, session.id, &token_hash(&refresh)).await?;
    // The sign-in's audit event commits with the session it records.
    sitecard_persistence::audit::append(&txn, event).await?;
    txn.commit().await?;
    let access = access_token(state, &account, session.id)?;
    Ok(Issued {
        body: TokenResponse {
            access_token: access,
            token_type: "Bearer".into(),
            expires_in: ACCESS_TTL_SECS,
            refresh_token: (!web).then(|| refresh.clone()),
            offer_totp: None,
        },
        refresh_token: refresh,
        web,
    })
}
