//! A signed-in person confirms the authenticator app they started enrolling with its current code: from then on
//! sign-in asks for the app's code instead of an SMS. The email address and the phone are told, so a takeover
//! through a stolen session does not go unnoticed; audited.

use sitecard_domain::ids::AccountId;
use sitecard_notify::SignInChange;
use sitecard_persistence::audit::{Actor, AuditKind, Subject};
use sitecard_persistence::{accounts, audit};

use crate::error::AppError;
use crate::state::AppState;
use crate::step_up::tell_sign_in_changed;
use crate::totp;

pub struct EnrolTotp {
    pub account_id: AccountId,
    /// The app's current code, as typed.
    pub code: String,
}

/// 409 `invalid_state` when no enrolment was started, 401 `invalid_code` for a wrong or used code.
pub async fn enrol_totp(state: &AppState, cmd: EnrolTotp) -> Result<(), AppError> {
    let EnrolTotp { account_id, code } = cmd;
    let account = accounts::find(&state.db, account_id).await?.ok_or(AppError::NotFound)?;
    let pending = account.totp_pending_enc.as_deref().ok_or(AppError::Conflict("invalid_state", "start enrolment first".into()))?;
    let secret = state.cipher.decrypt(pending)?;
    if !totp::verify_once(state, account.id, &secret, &account.email, code.trim()).await? {
        return Err(AppError::Unauthorized("invalid_code"));
    }
    let replaced = account.totp_secret_enc.is_some();
    let txn = sitecard_persistence::begin(&state.db).await?;
    let update =
        accounts::AccountUpdate { totp_secret_enc: Some(Some(pending.to_owned())), totp_pending_enc: Some(None), ..Default::default() };
    accounts::update(&txn, account.id, update).await?;
    tell_sign_in_changed(&txn, &account, SignInChange::AppAdded, account.phone.as_deref()).await?;
    audit::append(
        &txn,
        audit::NewAuditEvent {
            kind: AuditKind::TotpEnrolled,
            actor: Actor::Account(account.id.into()),
            subject: Subject::Account(account.id.into()),
            data: serde_json::json!({ "replaced": replaced }),
        },
    )
    .await?;
    txn.commit().await?;
    state.forget_account(account.id);
    Ok(())
}
