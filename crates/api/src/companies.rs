//! Company look-ups shared by several routes.

use uuid::Uuid;

use crate::error::ApiError;
use crate::routes::me::profile::CompanyRef;
use crate::state::AppState;

/// Companies this account administers.
pub async fn administered(state: &AppState, account_id: Uuid) -> Result<Vec<CompanyRef>, ApiError> {
    Ok(sitecard_persistence::companies::administered_by(&state.read, account_id).await?.into_iter().map(CompanyRef::from).collect())
}
