//! An operator rotates a partner client's secrets: a new client secret and a new webhook secret, answered this
//! once. The old client secret is refused from the commit on, and queued webhooks are signed with the new key.

use sitecard_domain::ids::AccountId;

use crate::error::AppError;
use crate::partner_clients::{self, PartnerSecrets};
use crate::state::AppState;

pub struct RotatePartnerSecret {
    pub operator_id: AccountId,
    /// The partner's `client_id`.
    pub client_id: String,
}

pub async fn rotate_partner_secret(state: &AppState, cmd: RotatePartnerSecret) -> Result<PartnerSecrets, AppError> {
    let RotatePartnerSecret { operator_id, client_id } = cmd;
    let txn = sitecard_persistence::begin(&state.db).await?;
    let secrets = partner_clients::rotate_secrets(&txn, state, Some(operator_id.into()), &client_id).await?;
    txn.commit().await?;
    Ok(secrets)
}
