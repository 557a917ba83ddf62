//! `GET /companies/{company_id}/admins`.

use actix_web::{get, web};
use uuid::Uuid;

use super::{CompanyAdminView, require_operator_or_admin};
use crate::auth::CurrentUser;
use crate::error::ApiError;
use sitecard_app::state::AppState;
use sitecard_app::use_cases::show_company as use_case;

/// List a company's administrators.
///
/// Operators and the company's administrators, in the order they were made administrators; `invited` ones have
/// not set a password yet.
#[utoipa::path(tag = "operator", security(("bearer" = [])),
    params(("company_id" = Uuid, Path, description = "The company's id", example = "019cad8f-ac00-713d-8dab-e5c7ed2ef1c1")),
    responses((status = 200, description = "The administrators", body = Vec<CompanyAdminView>)))]
#[get("/companies/{company_id}/admins")]
pub async fn list_company_admins(
    state: web::Data<AppState>,
    user: CurrentUser,
    company_id: web::Path<Uuid>,
) -> Result<web::Json<Vec<CompanyAdminView>>, ApiError> {
    let company_id = company_id.into_inner();
    require_operator_or_admin(&state, &user, company_id).await?;
    Ok(web::Json(use_case::list_company_admins(&state, company_id.into()).await?.into_iter().map(CompanyAdminView::from).collect()))
}
