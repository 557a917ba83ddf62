//! An operator takes a verifier's or operator's role away, never from the last operator. The account's
//! sessions end in the same transaction and the session cache forgets it after commit, so the role stops
//! working at once rather than when its tokens run out.

use sitecard_domain::Role;
use sitecard_domain::ids::AccountId;

use crate::error::AppError;
use crate::provisioning;
use crate::state::AppState;

pub struct RemoveStaffRole {
    pub operator_id: AccountId,
    /// The staff member's account.
    pub account_id: AccountId,
    pub role: Role,
}

pub async fn remove_staff_role(state: &AppState, cmd: RemoveStaffRole) -> Result<(), AppError> {
    let RemoveStaffRole { operator_id, account_id, role } = cmd;
    let txn = sitecard_persistence::begin(&state.db).await?;
    provisioning::remove_staff_role(&txn, operator_id.into(), account_id, role).await?;
    txn.commit().await?;
    state.forget_account(account_id);
    Ok(())
}
