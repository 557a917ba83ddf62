//! Company look-ups shared by several routes.

use serde::Serialize;
use sitecard_domain::ids::{AccountId, CompanyId};
use uuid::Uuid;

use crate::error::AppError;
use crate::state::AppState;

#[derive(Serialize, Clone)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CompanyRef {
    #[cfg_attr(feature = "openapi", schema(example = "019cad8f-ac00-713d-8dab-e5c7ed2ef1c1"))]
    pub id: Uuid,
    #[cfg_attr(feature = "openapi", schema(example = "Demo Bygg AB"))]
    pub name: String,
}

impl From<sitecard_persistence::companies::Company> for CompanyRef {
    fn from(c: sitecard_persistence::companies::Company) -> Self {
        Self { id: c.id.into(), name: c.name }
    }
}

/// Whether this account administers the company (the check behind every company route).
pub async fn is_admin(state: &AppState, company_id: CompanyId, account_id: AccountId) -> Result<bool, AppError> {
    Ok(sitecard_persistence::companies::is_admin(&state.read, company_id, account_id).await?)
}

/// Companies this account administers.
pub async fn administered(state: &AppState, account_id: AccountId) -> Result<Vec<CompanyRef>, AppError> {
    Ok(sitecard_persistence::companies::administered_by(&state.read, account_id).await?.into_iter().map(CompanyRef::from).collect())
}
