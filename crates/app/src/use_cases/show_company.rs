//! One company, for operators and its administrators (the API checks which).

use sitecard_domain::ids::CompanyId;
use sitecard_persistence::companies::{self, Company, CompanyAdmin};

use crate::error::AppError;
use crate::state::AppState;

pub async fn show_company(state: &AppState, id: CompanyId) -> Result<Company, AppError> {
    companies::find(&state.read, id).await?.ok_or(AppError::NotFound)
}

/// Its administrators, in the order they were made administrators.
pub async fn list_company_admins(state: &AppState, id: CompanyId) -> Result<Vec<CompanyAdmin>, AppError> {
    Ok(companies::admins(&state.read, id).await?)
}
