//! Every partner client by `client_id`, for operators (secrets are stored hashed and never shown again).

use sitecard_persistence::partners::{self, PartnerClient};

use crate::error::AppError;
use crate::state::AppState;

pub async fn list_partner_clients(state: &AppState) -> Result<Vec<PartnerClient>, AppError> {
    Ok(partners::list(&state.read).await?)
}
