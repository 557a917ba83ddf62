//! `POST /companies/{company_id}/admins`: invite another administrator.

use actix_web::{HttpResponse, post, web};
use uuid::Uuid;

use super::{CompanyAdminView, InviteByEmail, invitation_language, require_operator_or_admin};
use crate::auth::CurrentUser;
use crate::error::ApiError;
use sitecard_app::state::AppState;
use sitecard_app::use_cases::add_company_admin::{self as use_case, AddCompanyAdmin};

/// Add a company administrator.
///
/// Operators and the company's administrators. Someone without an account is invited by email (a link to set a
/// password and a phone); an existing account gets the role at once. Audited.
#[utoipa::path(tag = "operator", security(("bearer" = [])),
    params(("company_id" = Uuid, Path, description = "The company's id", example = "019cad8f-ac00-713d-8dab-e5c7ed2ef1c1")),
    request_body = InviteByEmail, responses(
    (status = 201, description = "An administrator (invited or active)", body = CompanyAdminView),
    (status = 404, description = "No such company"),
    (status = 422, description = "`validation_failed`: not an e-mail address"),
))]
#[post("/companies/{company_id}/admins")]
pub async fn add_company_admin(
    state: web::Data<AppState>,
    user: CurrentUser,
    company_id: web::Path<Uuid>,
    body: web::Json<InviteByEmail>,
) -> Result<HttpResponse, ApiError> {
    let company_id = company_id.into_inner();
    require_operator_or_admin(&state, &user, company_id).await?;
    let language = invitation_language(body.language.as_deref(), &user);
    let cmd = AddCompanyAdmin { actor_id: user.account_id, company_id: company_id.into(), email: body.into_inner().email, language };
    let admin = use_case::add_company_admin(&state, cmd).await?;
    Ok(HttpResponse::Created().json(CompanyAdminView::from(admin)))
}
