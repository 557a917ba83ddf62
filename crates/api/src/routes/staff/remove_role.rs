//! `DELETE /staff/{account_id}/roles/{role}`: the role goes, and the account's sessions end at once.

use actix_web::{HttpResponse, delete, web};
use sitecard_app::AppError;
use sitecard_domain::Role;
use uuid::Uuid;

use crate::auth::CurrentUser;
use crate::error::ApiError;
use sitecard_app::state::AppState;
use sitecard_app::use_cases::remove_staff_role::{self as use_case, RemoveStaffRole};

/// Take a staff role away.
///
/// Operators only; `role` is `verifier` or `operator`, never the last operator. Every session of the account
/// ends at once (its tokens stop working); it signs in again with the roles it has left. Audited.
#[utoipa::path(tag = "operator", security(("bearer" = [])),
    params(
        ("account_id" = Uuid, Path, description = "The staff member's account id", example = "019cad8f-ac00-713d-8dab-e5c7ed2ef1c3"),
        ("role" = sitecard_app::schema_enums::RoleValue, Path, description = "`verifier` or `operator`", example = "verifier"),
    ),
    responses(
    (status = 204, description = "Removed; the account's sessions have ended"),
    (status = 404, description = "The account does not hold this staff role"),
    (status = 409, description = "`last_operator`: invite another operator first"),
))]
#[delete("/staff/{account_id}/roles/{role}")]
pub async fn remove_staff_role(
    state: web::Data<AppState>,
    user: CurrentUser,
    path: web::Path<(Uuid, String)>,
) -> Result<HttpResponse, ApiError> {
    user.require(Role::Operator)?;
    let (account_id, role) = path.into_inner();
    let role = Role::parse(&role).ok_or(AppError::NotFound)?;
    use_case::remove_staff_role(&state, RemoveStaffRole { operator_id: user.account_id, account_id: account_id.into(), role }).await?;
    Ok(HttpResponse::NoContent().finish())
}
