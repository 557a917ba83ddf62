//! A signed-in person removes their authenticator app with a fresh code from it; sign-in goes back to SMS
//! codes. The email address and the phone are told, so a takeover through a stolen session does not go
//! unnoticed; audited.

use sitecard_domain::ids::AccountId;
use sitecard_notify::SignInChange;
use sitecard_persistence::audit::{Actor, AuditKind, Subject};
use sitecard_persistence::{accounts, audit};

use crate::error::AppError;
use crate::state::AppState;
use crate::step_up::tell_sign_in_changed;
use crate::totp;

pub struct DisableTotp {
    pub account_id: AccountId,
    /// The app's current code, as typed.
    pub code: String,
}

/// 409 `invalid_state` when no app is enrolled, 401 `invalid_code` for a wrong or used code.
pub async fn disable_totp(state: &AppState, cmd: DisableTotp) -> Result<(), AppError> {
    let DisableTotp { account_id, code } = cmd;
    let account = accounts::find(&state.db, account_id).await?.ok_or(AppError::NotFound)?;
    let enc = account.totp_secret_enc.as_deref().ok_or(AppError::Conflict("invalid_state", "no authenticator app is enrolled".into()))?;
    if !totp::verify_once(state, account.id, &state.cipher.decrypt(enc)?, &account.email, code.trim()).await? {
        return Err(AppError::Unauthorized("invalid_code"));
    }
    let txn = sitecard_persistence::begin(&state.db).await?;
    accounts::update(&txn, account.id, accounts::AccountUpdate { totp_secret_enc: Some(None), ..Default::default() }).await?;
    tell_sign_in_changed(&txn, &account, SignInChange::AppRemoved, account.phone.as_deref()).await?;
    audit::append(
        &txn,
        audit::NewAuditEvent {
            kind: AuditKind::TotpRemoved,
            actor: Actor::Account(account.id.into()),
            subject: Subject::Account(account.id.into()),
            data: serde_json::json!({}),
        },
    )
    .await?;
    txn.commit().await?;
    state.forget_account(account.id);
    Ok(())
}
