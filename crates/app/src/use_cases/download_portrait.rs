//! An order's portrait, for those who may see it: the order's company administrators, its worker, verifiers
//! and production partners. For anyone else the order does not exist, as for an order without a photo.

use sitecard_domain::ids::{AccountId, OrderId};
use sitecard_persistence::{accounts, orders};

use crate::error::AppError;
use crate::partner_clients;
use crate::state::AppState;

/// Who asks, as their token says (already verified).
pub enum PortraitViewer<'a> {
    Partner { client_id: &'a str },
    Person { account_id: AccountId, verifier: bool },
}

pub async fn download_portrait(state: &AppState, viewer: PortraitViewer<'_>, order_id: OrderId) -> Result<bytes::Bytes, AppError> {
    let order = orders::find(&state.db, order_id).await?;
    let allowed = match (&order, viewer) {
        (_, PortraitViewer::Partner { client_id }) => partner_clients::is_registered(state, client_id).await?,
        (None, PortraitViewer::Person { .. }) => false,
        (Some(_), PortraitViewer::Person { verifier: true, .. }) => true,
        (Some(o), PortraitViewer::Person { account_id, .. }) => {
            o.account_id == Some(account_id)
                || crate::companies::is_admin(state, o.company_id, account_id).await?
                || accounts::find(&state.db, account_id).await?.is_some_and(|a| a.email == o.email)
        }
    };
    let key = order.and_then(|o| o.photo_key).filter(|_| allowed).ok_or(AppError::NotFound)?;
    state.photos.get(&key).await
}
