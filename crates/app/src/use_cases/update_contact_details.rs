//! A worker completes or changes their address (the handler has parsed every field): the account and the audit
//! event are written together, so an audit trail never misses a change that happened.

use sitecard_domain::ids::AccountId;
use sitecard_persistence::accounts::{self, Account, AccountUpdate};
use sitecard_persistence::audit::{self, Actor, AuditKind, Subject};

use crate::error::AppError;
use crate::state::AppState;

pub async fn update_contact_details(state: &AppState, account_id: AccountId, changes: AccountUpdate) -> Result<Account, AppError> {
    let txn = sitecard_persistence::begin(&state.db).await?;
    let account = accounts::update(&txn, account_id, changes).await?;
    let subject = Subject::Account(account.id.into());
    let event = audit::NewAuditEvent::new(AuditKind::ContactUpdated, Actor::Account(account.id.into()), subject, serde_json::json!({}));
    audit::append(&txn, event).await?;
    txn.commit().await?;
    state.forget_account(account.id);
    Ok(account)
}
