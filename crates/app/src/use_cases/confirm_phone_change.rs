//! A signed-in person types back the code sent to their new number; the number replaces the old one at once.
//! The email address and the old number are told, so a takeover through a stolen session does not go
//! unnoticed; audited.

use sitecard_domain::ids::AccountId;
use sitecard_notify::SignInChange;
use sitecard_persistence::accounts::{self, Account};
use sitecard_persistence::audit::{self, Actor, AuditKind, Subject};
use uuid::Uuid;

use crate::challenge_flow;
use crate::error::AppError;
use crate::state::AppState;
use crate::step_up::tell_sign_in_changed;

pub struct ConfirmPhoneChange {
    pub account_id: AccountId,
    /// The challenge from `start_phone_change`.
    pub challenge_id: Uuid,
    /// The code, as typed.
    pub code: String,
    /// The client's IP: wrong codes are counted on it.
    pub ip: String,
}

/// The account with its new phone. 410 `challenge_expired` for someone else's challenge too (it is as unknown
/// as a made-up one), 401 `invalid_code`.
pub async fn confirm_phone_change(state: &AppState, cmd: ConfirmPhoneChange) -> Result<Account, AppError> {
    let ConfirmPhoneChange { account_id, challenge_id, code, ip } = cmd;
    let c = challenge_flow::open(&state.db, challenge_id, &["phone_change"]).await?;
    if c.account_id != account_id {
        return Err(AppError::Gone("challenge_expired", "this code request is no longer valid".into()));
    }
    let accepted = challenge_flow::verify(state, challenge_id, &code, &["phone_change"], &ip).await?;
    let txn = sitecard_persistence::begin(&state.db).await?;
    let (challenge, before) = accepted.consume(&txn).await?;
    let account =
        accounts::update(&txn, account_id, accounts::AccountUpdate { phone: Some(challenge.phone.clone()), ..Default::default() }).await?;
    let old_phone = before.phone.as_deref().filter(|old| Some(*old) != challenge.phone.as_deref());
    tell_sign_in_changed(&txn, &account, SignInChange::PhoneChanged, old_phone).await?;
    audit::append(
        &txn,
        audit::NewAuditEvent {
            kind: AuditKind::PhoneChanged,
            actor: Actor::Account(account_id.into()),
            subject: Subject::Account(account_id.into()),
            data: serde_json::json!({}),
        },
    )
    .await?;
    txn.commit().await?;
    state.forget_account(account.id);
    Ok(account)
}
