//! A signed-in person changes their password: the current one first, the policy on the new one (which must not
//! be guessable from their email or names); every other session ends and the email address is told.

use sitecard_domain::Language;
use sitecard_notify::Message;
use sitecard_persistence::accounts::Account;
use sitecard_persistence::audit::AuditKind;
use sitecard_persistence::{accounts, audit, persons, sessions};
use uuid::Uuid;

use crate::error::AppError;
use crate::state::AppState;
use crate::step_up::check_current_password;

pub struct ChangeOwnPassword {
    pub account: Account,
    /// The session that asked: it stays signed in.
    pub session_id: Uuid,
    pub current_password: String,
    pub new_password: String,
    pub ip: String,
}

pub async fn change_own_password(state: &AppState, cmd: ChangeOwnPassword) -> Result<(), AppError> {
    let ChangeOwnPassword { account, session_id, current_password, new_password, ip } = cmd;
    let account = &account;
    check_current_password(state, account, &current_password).await?;
    let mut known = vec![account.email.clone()];
    if let Some(p) = match account.person_id {
        Some(id) => persons::find(&state.read, id).await?,
        None => None,
    } {
        known.push(p.given_names);
        known.push(p.surname);
    }
    crate::password_policy::check_password_policy("new_password", &new_password, &known.iter().map(String::as_str).collect::<Vec<_>>())?;
    let hash = state.hasher.hash(new_password).await?;
    let txn = sitecard_persistence::begin(&state.db).await?;
    accounts::update(&txn, account.id, accounts::AccountUpdate { password_hash: Some(hash), ..Default::default() }).await?;
    sessions::revoke_all_for_account(&txn, account.id, Some(session_id), "password_changed").await?;
    sitecard_notify::queue(&txn, &account.email, &Message::PasswordChanged, Language::parse(&account.language).unwrap_or_default()).await?;
    audit::append(&txn, audit::NewAuditEvent::by_account_itself(AuditKind::PasswordChanged, account.id.into(), &ip)).await?;
    txn.commit().await?;
    state.forget_account(account.id);
    Ok(())
}
