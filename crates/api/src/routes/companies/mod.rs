//! Companies: operators create and find them; operators and a company's administrators read it and manage
//! its administrators.

pub mod add_admin;
pub mod create;
pub mod list;
pub mod list_admins;
pub mod remove_admin;
pub mod show;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sitecard_app::records::{Company, CompanyAdmin};
use sitecard_domain::{Language, Role};
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use crate::auth::CurrentUser;
use crate::error::ApiError;
use sitecard_app::state::AppState;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(create::create_company)
        .service(list::list_companies)
        .service(show::show_company)
        .service(list_admins::list_company_admins)
        .service(add_admin::add_company_admin)
        .service(remove_admin::remove_company_admin);
}

#[derive(Serialize, ToSchema)]
pub struct CompanyView {
    #[schema(example = "019cad8f-ac00-713d-8dab-e5c7ed2ef1c1")]
    pub id: Uuid,
    #[schema(example = "Demo Bygg AB")]
    pub name: String,
    /// Swedish numbers as `NNNNNN-NNNN`; other countries' as registered.
    #[schema(example = "556677-8899")]
    pub org_number: String,
    #[schema(pattern = "^[A-Z]{2}$", example = "SE")]
    pub country: String,
    #[schema(example = "2026-11-20T08:00:00Z")]
    pub created_at: DateTime<Utc>,
}

impl From<Company> for CompanyView {
    fn from(c: Company) -> Self {
        Self { id: c.id.into(), name: c.name, org_number: c.org_number, country: c.country, created_at: c.created_at }
    }
}

/// A company administrator: `invited` until they have set a password from the emailed link.
#[derive(Serialize, ToSchema)]
pub struct CompanyAdminView {
    #[schema(example = "019cad8f-ac00-713d-8dab-e5c7ed2ef1c2")]
    pub account_id: Uuid,
    #[schema(example = "site.office@example.com")]
    pub email: String,
    #[schema(value_type = sitecard_app::schema_enums::InvitationStatus)]
    pub status: String,
}

impl From<CompanyAdmin> for CompanyAdminView {
    fn from(a: CompanyAdmin) -> Self {
        Self { account_id: a.account_id.into(), email: a.email, status: a.account_status.invitation_status().into() }
    }
}

/// Someone to invite by email.
#[derive(Deserialize, ToSchema)]
pub struct InviteByEmail {
    #[schema(example = "site.office@example.com")]
    pub email: String,
    /// The invitation's language; the inviter's when absent.
    #[schema(value_type = Option<sitecard_app::schema_enums::LanguageValue>)]
    pub language: Option<String>,
}

/// The invitation's language: the one asked for, else the inviter's.
pub fn invitation_language(asked: Option<&str>, user: &CurrentUser) -> Language {
    asked.and_then(Language::parse).or_else(|| Language::parse(&user.account.language)).unwrap_or_default()
}

/// 403 unless the caller is an operator or administers this company.
pub async fn require_operator_or_admin(state: &AppState, user: &CurrentUser, company_id: Uuid) -> Result<(), ApiError> {
    if user.has(Role::Operator) { Ok(()) } else { crate::auth::require_company_admin(state, user, company_id).await }
}
