//! An operator changes a partner client's name, webhook URL or webhook event types; only what is given
//! changes. A new URL applies to queued and retried webhooks too, because they are sent to the client's
//! current URL.

use sitecard_domain::ids::AccountId;
use sitecard_persistence::partners::PartnerClient;

use crate::error::AppError;
use crate::partner_clients::{self, ClientChanges};
use crate::state::AppState;

pub struct UpdatePartnerClient {
    /// `None`: the command line (`sitecard admin set-webhook-events`).
    pub operator_id: Option<AccountId>,
    /// The partner's `client_id`.
    pub client_id: String,
    /// `None` leaves each field as it is.
    pub name: Option<String>,
    /// `Some(None)`: no more webhooks.
    pub webhook_url: Option<Option<String>>,
    /// `Some(None)`: every event type.
    pub webhook_events: Option<Option<Vec<String>>>,
}

/// The client as it is after the change.
pub async fn update_partner_client(state: &AppState, cmd: UpdatePartnerClient) -> Result<PartnerClient, AppError> {
    let UpdatePartnerClient { operator_id, client_id, name, webhook_url, webhook_events } = cmd;
    let changes = ClientChanges {
        name: name.as_deref(),
        webhook_url: webhook_url.as_ref().map(Option::as_deref),
        webhook_events: webhook_events.as_ref().map(Option::as_deref),
    };
    let txn = sitecard_persistence::begin(&state.db).await?;
    let client = partner_clients::update(&txn, state, operator_id.map(Into::into), &client_id, changes).await?;
    txn.commit().await?;
    Ok(client)
}
