//! An operator or one of the company's administrators (also about themselves) removes an administrator, never
//! the last one. The session cache forgets the account after commit, so the access ends with its next request.

use sitecard_domain::ids::{AccountId, CompanyId};

use crate::error::AppError;
use crate::provisioning;
use crate::state::AppState;

pub struct RemoveCompanyAdmin {
    pub actor_id: AccountId,
    pub company_id: CompanyId,
    /// The administrator's account.
    pub account_id: AccountId,
}

pub async fn remove_company_admin(state: &AppState, cmd: RemoveCompanyAdmin) -> Result<(), AppError> {
    let RemoveCompanyAdmin { actor_id, company_id, account_id } = cmd;
    let txn = sitecard_persistence::begin(&state.db).await?;
    provisioning::remove_company_admin(&txn, actor_id.into(), company_id, account_id).await?;
    txn.commit().await?;
    state.forget_account(account_id);
    Ok(())
}
