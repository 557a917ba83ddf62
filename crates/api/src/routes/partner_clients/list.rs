//! `GET /partner-clients`: every partner client, never a secret.

use actix_web::{get, web};
use sitecard_domain::Role;

use super::{PartnerClientList, PartnerClientView};
use crate::auth::CurrentUser;
use crate::error::ApiError;
use sitecard_app::state::AppState;
use sitecard_app::use_cases::list_partner_clients as use_case;

/// List the partner clients.
///
/// Operators only. Every client by `client_id`, with its webhook URL and event types; secrets are never shown
/// again after they were made.
#[utoipa::path(tag = "operator", security(("bearer" = [])), responses(
    (status = 200, description = "Every partner client", body = PartnerClientList),
))]
#[get("/partner-clients")]
pub async fn list_partner_clients(state: web::Data<AppState>, user: CurrentUser) -> Result<web::Json<PartnerClientList>, ApiError> {
    user.require(Role::Operator)?;
    let items = use_case::list_partner_clients(&state).await?.into_iter().map(PartnerClientView::from).collect();
    Ok(web::Json(PartnerClientList { items }))
}
