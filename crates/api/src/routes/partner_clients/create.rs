//! `POST /partner-clients`: the operator creates a partner client; its secrets are shown once.

use actix_web::{HttpResponse, post, web};
use serde::Deserialize;
use sitecard_domain::Role;
use utoipa::ToSchema;

use super::PartnerSecretsView;
use crate::auth::CurrentUser;
use crate::error::ApiError;
use sitecard_app::state::AppState;
use sitecard_app::use_cases::create_partner_client as use_case;

#[derive(Deserialize, ToSchema)]
pub struct CreatePartnerClient {
    /// 3 to 64 lowercase letters, digits, `.`, `_` or `-`; what the partner sends as `client_id`.
    #[schema(pattern = "^[a-z0-9][a-z0-9._-]{2,63}$", example = "nordic-card-print")]
    pub client_id: String,
    #[schema(example = "Nordic Card Print AB")]
    pub name: String,
    /// https, to a public address (http and private addresses only in development mode or with
    /// `SITECARD_WEBHOOK_ALLOW_PRIVATE=1`).
    #[schema(example = "https://print.example.net/sitecard/webhooks")]
    pub webhook_url: Option<String>,
    /// The webhook event types it receives; absent or `null`: every type.
    #[schema(example = json!(["order.confirmed", "order.cancelled"]))]
    pub webhook_events: Option<Vec<String>>,
}

/// Create a partner client.
///
/// Operators only. Answers the client secret and the webhook secret this once: Sitecard keeps only the client
/// secret's hash and the webhook secret encrypted. Audited.
#[utoipa::path(tag = "operator", security(("bearer" = [])), request_body = CreatePartnerClient, responses(
    (status = 201, description = "Created; store the secrets now", body = PartnerSecretsView),
    (status = 409, description = "`client_exists`: a client with this id exists"),
    (status = 422, description = "`validation_failed` or `invalid_webhook_url`: not https, or a loopback, private or link-local destination"),
))]
#[post("/partner-clients")]
pub async fn create_partner_client(
    state: web::Data<AppState>,
    user: CurrentUser,
    body: web::Json<CreatePartnerClient>,
) -> Result<HttpResponse, ApiError> {
    user.require(Role::Operator)?;
    let CreatePartnerClient { client_id, name, webhook_url, webhook_events } = body.into_inner();
    let webhook_url = webhook_url.filter(|u| !u.trim().is_empty());
    let cmd = use_case::CreatePartnerClient { operator_id: Some(user.account_id), client_id, name, webhook_url, webhook_events };
    let secrets = use_case::create_partner_client(&state, cmd).await?;
    // Secrets must not be stored by caches or replayed for an Idempotency-Key.
    Ok(HttpResponse::Created().insert_header(("cache-control", "no-store")).json(PartnerSecretsView::from(secrets)))
}
