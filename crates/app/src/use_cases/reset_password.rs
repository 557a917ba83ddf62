//! Forgotten password, step 3: the second factor's code; the new password held by the challenge takes effect.
//! The emailed link is spent, every session of the account ends (whoever had the old password is signed out)
//! and the email address is told; audited.

use sitecard_domain::Language;
use sitecard_notify::Message;
use sitecard_persistence::audit::AuditKind;
use sitecard_persistence::{accounts, audit, sessions, tokens};
use uuid::Uuid;

use crate::challenge_flow;
use crate::error::AppError;
use crate::state::AppState;

pub struct ResetPassword {
    /// The challenge from `confirm_password_reset`.
    pub challenge_id: Uuid,
    /// The SMS or authenticator app code, as typed.
    pub code: String,
    /// The client's IP: wrong codes are counted on it, and it is audited.
    pub ip: String,
}

/// 401 `invalid_code`, 410 `challenge_expired` or `reset_token_invalid` (the link was used meanwhile).
pub async fn reset_password(state: &AppState, cmd: ResetPassword) -> Result<(), AppError> {
    let ResetPassword { challenge_id, code, ip } = cmd;
    let accepted = challenge_flow::verify(state, challenge_id, &code, &["password_reset"], &ip).await?;
    let (hash, token_id) = challenge_flow::pending_password(&accepted.challenge)?;
    let txn = sitecard_persistence::begin(&state.db).await?;
    let (_, account) = accepted.consume(&txn).await?;
    if !tokens::spend(&txn, token_id).await? {
        return Err(AppError::Gone("reset_token_invalid", "this link was already used".into()));
    }
    accounts::update(&txn, account.id, accounts::AccountUpdate { password_hash: Some(hash), ..Default::default() }).await?;
    sessions::revoke_all_for_account(&txn, account.id, None, "password_reset").await?;
    sitecard_notify::queue(&txn, &account.email, &Message::PasswordChanged, Language::parse(&account.language).unwrap_or_default()).await?;
    audit::append(&txn, audit::NewAuditEvent::by_account_itself(AuditKind::PasswordReset, account.id.into(), &ip)).await?;
    txn.commit().await?;
    state.forget_account(account.id);
    Ok(())
}
