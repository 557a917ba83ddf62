//! `POST /partner-clients/{client_id}/rotate-secret`: new secrets; the old ones stop working.

use actix_web::{HttpResponse, post, web};
use sitecard_domain::Role;

use super::PartnerSecretsView;
use crate::auth::CurrentUser;
use crate::error::ApiError;
use sitecard_app::state::AppState;
use sitecard_app::use_cases::rotate_partner_secret::{self as use_case, RotatePartnerSecret};

/// Rotate a partner client's secrets.
///
/// Operators only. Makes a new client secret and a new webhook secret, shown this once; the old client secret
/// is refused from now on, and webhooks (queued ones too) are signed with the new webhook secret. Audited.
#[utoipa::path(tag = "operator", security(("bearer" = [])),
    params(("client_id" = String, Path, description = "The partner client's id", example = "nordic-card-print")),
    responses(
    (status = 200, description = "The new secrets; store them now", body = PartnerSecretsView),
    (status = 404, description = "No such client"),
))]
#[post("/partner-clients/{client_id}/rotate-secret")]
pub async fn rotate_partner_secret(
    state: web::Data<AppState>,
    user: CurrentUser,
    client_id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    user.require(Role::Operator)?;
    let cmd = RotatePartnerSecret { operator_id: user.account_id, client_id: client_id.into_inner() };
    let secrets = use_case::rotate_partner_secret(&state, cmd).await?;
    Ok(HttpResponse::Ok().insert_header(("cache-control", "no-store")).json(PartnerSecretsView::from(secrets)))
}
