//! An operator or one of the company's administrators adds an administrator: someone without an account is
//! invited by email, an existing account gets the role at once. The session cache forgets the account after
//! commit, so the new role counts from its next request.

use sitecard_domain::Language;
use sitecard_domain::ids::{AccountId, CompanyId};
use sitecard_persistence::companies::{self, CompanyAdmin};

use crate::error::AppError;
use crate::provisioning;
use crate::state::AppState;

pub struct AddCompanyAdmin {
    pub actor_id: AccountId,
    pub company_id: CompanyId,
    /// As typed; checked by the invitation (422 `invalid_email`).
    pub email: String,
    /// The invitation's language.
    pub language: Language,
}

/// The new administrator as the company's list shows them (invited or active).
pub async fn add_company_admin(state: &AppState, cmd: AddCompanyAdmin) -> Result<CompanyAdmin, AppError> {
    let AddCompanyAdmin { actor_id, company_id, email, language } = cmd;
    let txn = sitecard_persistence::begin(&state.db).await?;
    let invited = provisioning::add_company_admin(&txn, state, actor_id.into(), company_id, &email, language).await?;
    let admin = companies::admins(&txn, company_id)
        .await?
        .into_iter()
        .find(|a| a.account_id == invited.account_id)
        .ok_or_else(|| AppError::internal("the new administrator is not listed"))?;
    txn.commit().await?;
    state.forget_account(invited.account_id.into());
    Ok(admin)
}
