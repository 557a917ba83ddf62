//! `POST /companies`: the operator registers a company and invites its first administrator.

use actix_web::{HttpResponse, post, web};
use serde::Deserialize;
use sitecard_domain::Role;
use utoipa::ToSchema;

use super::{CompanyView, invitation_language};
use crate::auth::CurrentUser;
use crate::error::ApiError;
use sitecard_app::state::AppState;
use sitecard_app::use_cases::create_company as use_case;

#[derive(Deserialize, ToSchema)]
pub struct CreateCompany {
    #[schema(example = "Bygg & Montage i Norr AB")]
    pub name: String,
    /// Swedish: ten digits with a valid check digit, `556677-8899` or `5566778899`; other countries: the
    /// registry's number.
    #[schema(example = "556677-8899")]
    pub org_number: String,
    /// ISO 3166 alpha-2 of the registry; `SE` when absent.
    #[schema(example = "SE")]
    pub country: Option<String>,
    /// The first administrator, invited by email.
    #[schema(example = "site.office@example.com")]
    pub admin_email: String,
    /// The invitation's language; the operator's when absent.
    #[schema(value_type = Option<sitecard_app::schema_enums::LanguageValue>)]
    pub language: Option<String>,
}

/// Register a company.
///
/// Operators only. Checks the organisation number (a Swedish one by its Luhn check digit), creates the company
/// and emails its first administrator an invitation (an existing account gets the role). Audited.
#[utoipa::path(tag = "operator", security(("bearer" = [])), request_body = CreateCompany, responses(
    (status = 201, description = "Registered; the administrator is invited", body = CompanyView),
    (status = 409, description = "`company_exists`: the organisation number is registered"),
    (status = 422, description = "`invalid_org_number` (wrong format or check digit) or `validation_failed`"),
))]
#[post("/companies")]
pub async fn create_company(
    state: web::Data<AppState>,
    user: CurrentUser,
    body: web::Json<CreateCompany>,
) -> Result<HttpResponse, ApiError> {
    user.require(Role::Operator)?;
    let language = invitation_language(body.language.as_deref(), &user);
    let CreateCompany { name, org_number, country, admin_email, .. } = body.into_inner();
    let cmd = use_case::CreateCompany { operator_id: Some(user.account_id), name, org_number, country, admin_email, language };
    let company = use_case::create_company(&state, cmd).await?.company;
    Ok(HttpResponse::Created().json(CompanyView::from(company)))
}
