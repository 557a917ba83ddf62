//! Company look-ups shared by several routes.

use uuid::Uuid;

use crate::error::ApiError;
use crate::routes::me::profile::CompanyRef;
use crate::state::AppState;

/// Companies this account administers.
pub async fn administered(state: &AppState, account_id: Uuid) -> Result<Vec<CompanyRef>, ApiError> {
    let _ = (state, account_id);
    Ok(Vec::new())
}
