//! `DELETE /companies/{company_id}/admins/{account_id}`.

use actix_web::{HttpResponse, delete, web};
use uuid::Uuid;

use super::require_operator_or_admin;
use crate::auth::CurrentUser;
use crate::error::ApiError;
use sitecard_app::state::AppState;
use sitecard_app::use_cases::remove_company_admin::{self as use_case, RemoveCompanyAdmin};

/// Remove a company administrator.
///
/// Operators and the company's administrators (also themselves), never the last one. They lose access to the
/// company at once. Audited.
#[utoipa::path(tag = "operator", security(("bearer" = [])),
    params(
        ("company_id" = Uuid, Path, description = "The company's id", example = "019cad8f-ac00-713d-8dab-e5c7ed2ef1c1"),
        ("account_id" = Uuid, Path, description = "The administrator's account id", example = "019cad8f-ac00-713d-8dab-e5c7ed2ef1c2"),
    ),
    responses(
    (status = 204, description = "Removed"),
    (status = 404, description = "Not an administrator of this company"),
    (status = 409, description = "`last_admin`: invite another administrator first"),
))]
#[delete("/companies/{company_id}/admins/{account_id}")]
pub async fn remove_company_admin(
    state: web::Data<AppState>,
    user: CurrentUser,
    path: web::Path<(Uuid, Uuid)>,
) -> Result<HttpResponse, ApiError> {
    let (company_id, account_id) = path.into_inner();
    require_operator_or_admin(&state, &user, company_id).await?;
    use_case::remove_company_admin(
        &state,
        RemoveCompanyAdmin { actor_id: user.account_id, company_id: company_id.into(), account_id: account_id.into() },
    )
    .await?;
    Ok(HttpResponse::NoContent().finish())
}
