//! The code sent to the phone at registration is typed back: the phone is proven, the password held by the
//! challenge is set, the account becomes active and the registration link is spent; audited.

use sitecard_domain::account_status::AccountStatus;
use sitecard_persistence::accounts::{self, Account};
use sitecard_persistence::audit::{self, AuditKind};
use sitecard_persistence::tokens;
use uuid::Uuid;

use crate::challenge_flow;
use crate::error::AppError;
use crate::state::AppState;

pub struct FinishRegistration {
    /// The challenge from `register_account`.
    pub challenge_id: Uuid,
    /// The SMS code, as typed.
    pub code: String,
    /// The client's IP: wrong codes are counted on it, and it is audited.
    pub ip: String,
}

/// The account, now active. 401 `invalid_code`, 410 `challenge_expired` or `registration_token_invalid` (the link
/// was used meanwhile).
pub async fn finish_registration(state: &AppState, cmd: FinishRegistration) -> Result<Account, AppError> {
    let FinishRegistration { challenge_id, code, ip } = cmd;
    let accepted = challenge_flow::verify(state, challenge_id, &code, &["register"], &ip).await?;
    let (hash, token_id) = challenge_flow::pending_password(&accepted.challenge)?;
    let txn = sitecard_persistence::begin(&state.db).await?;
    let (challenge, account) = accepted.consume(&txn).await?;
    if !tokens::spend(&txn, token_id).await? {
        return Err(AppError::Gone("registration_token_invalid", "this registration link was already used".into()));
    }
    let update = accounts::AccountUpdate {
        password_hash: Some(hash),
        phone: Some(challenge.phone.clone()),
        status: Some(AccountStatus::Active),
        ..Default::default()
    };
    let account = accounts::update(&txn, account.id, update).await?;
    audit::append(&txn, audit::NewAuditEvent::by_account_itself(AuditKind::AccountRegistered, account.id.into(), &ip)).await?;
    txn.commit().await?;
    state.forget_account(account.id);
    Ok(account)
}
