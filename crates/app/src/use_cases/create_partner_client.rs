//! An operator creates a partner client (a card producer that calls the partner API and receives webhooks).
//! Its secrets are made here and answered this once: only the client secret's hash and the webhook secret,
//! encrypted, are kept.

use sitecard_domain::ids::AccountId;

use crate::error::AppError;
use crate::partner_clients::{self, NewClient, PartnerSecrets};
use crate::state::AppState;

pub struct CreatePartnerClient {
    /// `None`: the command line (`sitecard admin create-partner-client`).
    pub operator_id: Option<AccountId>,
    /// What the partner sends as `client_id`; checked by `partner_clients::create` with every other field.
    pub client_id: String,
    pub name: String,
    /// `None`: no webhooks are sent.
    pub webhook_url: Option<String>,
    /// `None`: every event type.
    pub webhook_events: Option<Vec<String>>,
}

pub async fn create_partner_client(state: &AppState, cmd: CreatePartnerClient) -> Result<PartnerSecrets, AppError> {
    let CreatePartnerClient { operator_id, client_id, name, webhook_url, webhook_events } = cmd;
    let new = NewClient {
        client_id: &client_id,
        name: &name,
        webhook_url: webhook_url.as_deref(),
        webhook_events: webhook_events.as_deref(),
        demo_secret: None,
    };
    let txn = sitecard_persistence::begin(&state.db).await?;
    let secrets = partner_clients::create(&txn, state, operator_id.map(Into::into), new).await?;
    txn.commit().await?;
    Ok(secrets)
}
