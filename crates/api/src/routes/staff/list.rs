//! `GET /staff`: verifiers and operators.

use actix_web::{get, web};
use sitecard_domain::Role;
use sitecard_persistence::accounts;

use super::StaffMember;
use crate::auth::CurrentUser;
use crate::error::ApiError;
use sitecard_app::state::AppState;

/// List the staff.
///
/// Operators only. Every account holding the verifier or operator role, by email.
#[utoipa::path(tag = "operator", security(("bearer" = [])), responses((status = 200, description = "The staff, by email", body = Vec<StaffMember>)))]
#[get("/staff")]
pub async fn list_staff(state: web::Data<AppState>, user: CurrentUser) -> Result<web::Json<Vec<StaffMember>>, ApiError> {
    user.require(Role::Operator)?;
    let mut staff = accounts::with_role(&state.read, Role::Verifier.as_str()).await?;
    for a in accounts::with_role(&state.read, Role::Operator.as_str()).await? {
        if !staff.iter().any(|s| s.id == a.id) {
            staff.push(a);
        }
    }
    staff.sort_by(|a, b| a.email.cmp(&b.email));
    Ok(web::Json(staff.into_iter().map(StaffMember::from).collect()))
}
