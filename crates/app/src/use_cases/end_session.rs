//! A signed-in person ends one of their sessions: this one (sign-out) or another device's. The session stops at
//! once: its refresh tokens are refused, and its access token too, here and on every other instance (the
//! session cache hears of it). The revocation and its audit event are written together.

use sitecard_domain::ids::AccountId;
use sitecard_persistence::audit::{self, Actor, AuditKind, Subject};
use sitecard_persistence::sessions;
use uuid::Uuid;

use crate::error::AppError;
use crate::state::AppState;

pub enum SessionEnd {
    /// The caller signs out of the session of the request.
    SignedOut,
    /// The caller signs out another of their devices; another account's session is a 404.
    RevokedByUser,
}

pub struct EndSession {
    pub account_id: AccountId,
    pub session_id: Uuid,
    pub why: SessionEnd,
}

pub async fn end_session(state: &AppState, cmd: EndSession) -> Result<(), AppError> {
    let EndSession { account_id, session_id, why } = cmd;
    let txn = sitecard_persistence::begin(&state.db).await?;
    let (reason, kind) = match why {
        SessionEnd::SignedOut => ("logout", AuditKind::Logout),
        SessionEnd::RevokedByUser => {
            sessions::find(&txn, session_id).await?.filter(|s| s.account_id == account_id).ok_or(AppError::NotFound)?;
            ("revoked_by_user", AuditKind::SessionRevoked)
        }
    };
    sessions::revoke(&txn, session_id, reason).await?;
    let event = audit::NewAuditEvent::new(kind, Actor::Account(account_id.into()), Subject::Session(session_id), serde_json::json!({}));
    audit::append(&txn, event).await?;
    txn.commit().await?;
    state.forget_account(account_id);
    Ok(())
}
