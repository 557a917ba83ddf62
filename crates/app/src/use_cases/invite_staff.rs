//! An operator invites a verifier or another operator: someone without an account is emailed an invitation,
//! an existing account gets the role at once. The session cache forgets the account after commit, so the new
//! role counts from its next request.

use sitecard_domain::ids::AccountId;
use sitecard_domain::{Language, Role};
use sitecard_persistence::accounts::{self, Account};

use crate::error::AppError;
use crate::provisioning;
use crate::state::AppState;

pub struct InviteStaff {
    pub operator_id: AccountId,
    /// As typed; checked by the invitation (422 `invalid_email`).
    pub email: String,
    /// `Verifier` or `Operator`.
    pub role: Role,
    /// The invitation's language.
    pub language: Language,
}

/// The staff member's account as it is now.
pub async fn invite_staff(state: &AppState, cmd: InviteStaff) -> Result<Account, AppError> {
    let InviteStaff { operator_id, email, role, language } = cmd;
    let txn = sitecard_persistence::begin(&state.db).await?;
    let invited = provisioning::invite_staff(&txn, state, operator_id.into(), &email, role, language).await?;
    let account = accounts::find(&txn, invited.account_id.into()).await?.ok_or(AppError::NotFound)?;
    txn.commit().await?;
    state.forget_account(account.id);
    Ok(account)
}
