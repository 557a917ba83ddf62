//! `GET /companies/{company_id}`.

use actix_web::{get, web};
use uuid::Uuid;

use super::{CompanyView, require_operator_or_admin};
use crate::auth::CurrentUser;
use crate::error::ApiError;
use sitecard_app::state::AppState;
use sitecard_app::use_cases::show_company as use_case;

/// Read a company.
///
/// Operators and the company's administrators.
#[utoipa::path(tag = "operator", security(("bearer" = [])),
    params(("company_id" = Uuid, Path, description = "The company's id", example = "019cad8f-ac00-713d-8dab-e5c7ed2ef1c1")),
    responses(
    (status = 200, description = "The company", body = CompanyView),
    (status = 404, description = "No such company"),
))]
#[get("/companies/{company_id}")]
pub async fn show_company(
    state: web::Data<AppState>,
    user: CurrentUser,
    company_id: web::Path<Uuid>,
) -> Result<web::Json<CompanyView>, ApiError> {
    let company_id = company_id.into_inner();
    require_operator_or_admin(&state, &user, company_id).await?;
    Ok(web::Json(use_case::show_company(&state, company_id.into()).await?.into()))
}
