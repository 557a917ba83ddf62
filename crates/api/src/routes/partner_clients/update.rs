//! `PATCH /partner-clients/{client_id}`: name, webhook URL and webhook event types.

use actix_web::{patch, web};
use serde::Deserialize;
use sitecard_domain::Role;
use utoipa::ToSchema;

use super::{PartnerClientView, absent_null_or};
use crate::auth::CurrentUser;
use crate::error::ApiError;
use sitecard_app::state::AppState;
use sitecard_app::use_cases::update_partner_client as use_case;

#[derive(Deserialize, ToSchema)]
pub struct UpdatePartnerClient {
    #[schema(example = "Nordic Card Print AB")]
    pub name: Option<String>,
    /// A new URL (same rules as on create), or `null` to stop webhooks; absent: unchanged.
    #[serde(default, deserialize_with = "absent_null_or")]
    #[schema(value_type = Option<String>, example = "https://print.example.net/sitecard/webhooks")]
    pub webhook_url: Option<Option<String>>,
    /// The event types it receives, or `null` for every type; absent: unchanged.
    #[serde(default, deserialize_with = "absent_null_or")]
    #[schema(value_type = Option<Vec<String>>, example = json!(["card.activated", "card.blocked", "card.terminated", "card.expired"]))]
    pub webhook_events: Option<Option<Vec<String>>>,
}

/// Change a partner client.
///
/// Operators only. Only the fields sent change. A new webhook URL applies to queued and retried webhooks too.
/// Audited.
#[utoipa::path(tag = "operator", security(("bearer" = [])),
    params(("client_id" = String, Path, description = "The partner client's id", example = "nordic-card-print")),
    request_body = UpdatePartnerClient, responses(
    (status = 200, description = "The client as it is now", body = PartnerClientView),
    (status = 404, description = "No such client"),
    (status = 422, description = "`validation_failed` or `invalid_webhook_url`"),
))]
#[patch("/partner-clients/{client_id}")]
pub async fn update_partner_client(
    state: web::Data<AppState>,
    user: CurrentUser,
    client_id: web::Path<String>,
    body: web::Json<UpdatePartnerClient>,
) -> Result<web::Json<PartnerClientView>, ApiError> {
    user.require(Role::Operator)?;
    let UpdatePartnerClient { name, webhook_url, webhook_events } = body.into_inner();
    // A blank URL stops webhooks, as `null` does.
    let webhook_url = webhook_url.map(|u| u.filter(|u| !u.trim().is_empty()));
    let cmd = use_case::UpdatePartnerClient {
        operator_id: Some(user.account_id),
        client_id: client_id.into_inner(),
        name,
        webhook_url,
        webhook_events,
    };
    let client = use_case::update_partner_client(&state, cmd).await?;
    Ok(web::Json(client.into()))
}
