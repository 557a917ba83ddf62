//! `GET /staff`: verifiers and operators.

use actix_web::{get, web};
use sitecard_domain::Role;

use super::StaffMember;
use crate::auth::CurrentUser;
use crate::error::ApiError;
use sitecard_app::state::AppState;
use sitecard_app::use_cases::list_staff as use_case;

/// List the staff.
///
/// Operators only. Every account holding the verifier or operator role, by email.
#[utoipa::path(tag = "operator", security(("bearer" = [])), responses((status = 200, description = "The staff, by email", body = Vec<StaffMember>)))]
#[get("/staff")]
pub async fn list_staff(state: web::Data<AppState>, user: CurrentUser) -> Result<web::Json<Vec<StaffMember>>, ApiError> {
    user.require(Role::Operator)?;
    let staff = use_case::list_staff(&state).await?;
    Ok(web::Json(staff.into_iter().map(StaffMember::from).collect()))
}
