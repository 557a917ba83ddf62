//! An operator registers a company and invites its first administrator, in one transaction: a company
//! never exists without someone who can manage it.

use sitecard_domain::Language;
use sitecard_domain::ids::AccountId;

use crate::error::AppError;
use crate::provisioning::{self, CompanyCreated, NewCompany};
use crate::state::AppState;

pub struct CreateCompany {
    /// `None`: the command line (`sitecard admin create-company`).
    pub operator_id: Option<AccountId>,
    /// The fields as sent; `provisioning::create_company` reports every field error at once.
    pub name: String,
    pub org_number: String,
    /// ISO alpha-2 of the registry; `SE` when absent.
    pub country: Option<String>,
    pub admin_email: String,
    /// The invitation's language.
    pub language: Language,
}

pub async fn create_company(state: &AppState, cmd: CreateCompany) -> Result<CompanyCreated, AppError> {
    let CreateCompany { operator_id, name, org_number, country, admin_email, language } = cmd;
    let new = NewCompany { name: &name, org_number: &org_number, country: country.as_deref(), admin_email: &admin_email, language };
    let txn = sitecard_persistence::begin(&state.db).await?;
    let created = provisioning::create_company(&txn, state, operator_id.map(Into::into), new).await?;
    txn.commit().await?;
    Ok(created)
}
