//! A production partner's client-credentials grant (RFC 6749 §4.4): a short-lived access token for a known
//! client id and its secret. Failures are audited (no account to count them on) and throttled per IP.

use sitecard_persistence::audit::{self, Actor, AuditKind, NewAuditEvent, Subject};
use sitecard_persistence::partners;

use crate::crypto::{constant_time_eq, token_hash};
use crate::error::AppError;
use crate::keys::partner_claims;
use crate::state::AppState;
use crate::throttle::{self, Limit};

pub const TOKENS_PER_IP: Limit = Limit { max: 60, window_secs: 60 };

pub struct PartnerCredentials {
    pub client_id: String,
    pub client_secret: String,
}

/// Throttled before anything else, so a flood of wrong secrets costs one counter each.
pub async fn check_token_rate(state: &AppState, ip: &str) -> Result<(), AppError> {
    throttle::consume(&state.db, &format!("oauth-ip:{ip}"), TOKENS_PER_IP, "too_many_attempts").await
}

/// The signed access token; 401 `invalid_client` for an unknown client or a wrong secret, alike.
pub async fn issue_partner_token(state: &AppState, credentials: PartnerCredentials, ip: &str) -> Result<String, AppError> {
    let PartnerCredentials { client_id, client_secret } = credentials;
    let partner = partners::find_by_client_id(&state.db, &client_id).await?;
    let ok = partner.as_ref().is_some_and(|p| constant_time_eq(&p.secret_hash, &token_hash(&client_secret)));
    if !ok {
        let event = NewAuditEvent {
            kind: AuditKind::PartnerAuthFailed,
            actor: Actor::Anonymous,
            subject: Subject::Nothing,
            data: serde_json::json!({ "client_id": client_id, "ip": ip }),
        };
        audit::record(&state.db, event).await?;
        return Err(AppError::Unauthorized("invalid_client"));
    }
    state.keys.sign(&partner_claims(&client_id))
}
