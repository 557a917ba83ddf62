//! A signed-in person signs out everywhere else: every other session of the account ends at once, audited with
//! how many there were, in one transaction.

use sitecard_domain::ids::AccountId;
use sitecard_persistence::audit::{self, Actor, AuditKind, Subject};
use sitecard_persistence::sessions;
use uuid::Uuid;

use crate::error::AppError;
use crate::state::AppState;

/// `keep`: the session of the request.
pub async fn end_other_sessions(state: &AppState, account_id: AccountId, keep: Uuid) -> Result<(), AppError> {
    let account = account_id;
    let txn = sitecard_persistence::begin(&state.db).await?;
    let n = sessions::revoke_all_for_account(&txn, account, Some(keep), "revoked_by_user").await?;
    let data = serde_json::json!({ "count": n });
    audit::append(
        &txn,
        audit::NewAuditEvent::new(AuditKind::OtherSessionsRevoked, Actor::Account(account.into()), Subject::Account(account.into()), data),
    )
    .await?;
    txn.commit().await?;
    state.forget_account(account);
    Ok(())
}
