//! `POST /staff`: invite a verifier or an operator.

use actix_web::{HttpResponse, post, web};
use serde::Deserialize;
use sitecard_app::AppError;
use sitecard_domain::Role;
use utoipa::ToSchema;

use super::StaffMember;
use crate::auth::CurrentUser;
use crate::error::{ApiError, FieldError};
use crate::routes::companies::invitation_language;
use sitecard_app::state::AppState;
use sitecard_app::use_cases::invite_staff as use_case;

#[derive(Deserialize, ToSchema)]
pub struct InviteStaff {
    #[schema(example = "desk.malmo@example.com")]
    pub email: String,
    /// `verifier` (checks identity documents at a desk) or `operator` (runs Sitecard).
    #[schema(example = "verifier")]
    pub role: String,
    /// The invitation's language; the operator's when absent.
    #[schema(value_type = Option<sitecard_app::schema_enums::LanguageValue>)]
    pub language: Option<String>,
}

/// Invite a verifier or an operator.
///
/// Operators only. Someone without an account is emailed an invitation; an existing account gets the role at
/// once. Audited.
#[utoipa::path(tag = "operator", security(("bearer" = [])), request_body = InviteStaff, responses(
    (status = 201, description = "Invited (or the role added)", body = StaffMember),
    (status = 422, description = "`validation_failed`: the email or the role"),
))]
#[post("/staff")]
pub async fn invite_staff(state: web::Data<AppState>, user: CurrentUser, body: web::Json<InviteStaff>) -> Result<HttpResponse, ApiError> {
    user.require(Role::Operator)?;
    let role = match Role::parse(body.role.trim()) {
        Some(r @ (Role::Verifier | Role::Operator)) => r,
        _ => return Err(AppError::Validation(vec![FieldError::new("role", "invalid_value", "verifier or operator")]).into()),
    };
    let language = invitation_language(body.language.as_deref(), &user);
    let cmd = use_case::InviteStaff { operator_id: user.account_id, email: body.into_inner().email, role, language };
    let account = use_case::invite_staff(&state, cmd).await?;
    Ok(HttpResponse::Created().json(StaffMember::from(account)))
}
