//! `GET /me` and `PATCH /me`.

use actix_web::{get, patch, web};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sitecard_domain::Language;
use sitecard_domain::document::mask_document_number;
use sitecard_persistence::accounts::Account;
use sitecard_persistence::{Set, accounts, persons};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::auth::CurrentUser;
use crate::error::{ApiError, Fields, Problem};
use crate::state::AppState;

#[derive(Serialize, ToSchema)]
pub struct CompanyRef {
    pub id: Uuid,
    pub name: String,
}

impl From<sitecard_persistence::companies::Company> for CompanyRef {
    fn from(c: sitecard_persistence::companies::Company) -> Self {
        Self { id: c.id, name: c.name }
    }
}

#[derive(Serialize, ToSchema)]
pub struct PersonView {
    pub given_names: String,
    pub surname: String,
    pub date_of_birth: NaiveDate,
    pub nationality: String,
    #[schema(value_type = crate::schema_enums::DocumentTypeValue)]
    pub document_type: String,
    pub document_number_masked: String,
}

#[derive(Serialize, ToSchema)]
pub struct Contact {
    pub phone: Option<String>,
    pub address_line1: Option<String>,
    pub address_line2: Option<String>,
    pub postal_code: Option<String>,
    pub city: Option<String>,
    /// ISO 3166-1 alpha-2.
    pub country: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct Me {
    pub id: Uuid,
    pub email: String,
    #[schema(value_type = crate::schema_enums::LanguageValue)]
    pub language: String,
    #[schema(value_type = Vec<crate::schema_enums::RoleValue>)]
    pub roles: Vec<String>,
    /// Companies the caller administers.
    pub companies: Vec<CompanyRef>,
    /// The identity verified in person; absent for staff without a verified document.
    pub person: Option<PersonView>,
    pub contact: Contact,
    /// Whether an authenticator app is enrolled (login then asks for its code instead of SMS).
    pub totp_enabled: bool,
    /// The person said "no, thanks" to setting up an authenticator app: clients do not offer it again.
    pub totp_offer_declined: bool,
}

pub fn contact_of(a: &Account) -> Contact {
    Contact {
        phone: a.phone.clone(),
        address_line1: a.address_line1.clone(),
        address_line2: a.address_line2.clone(),
        postal_code: a.postal_code.clone(),
        city: a.city.clone(),
        country: a.country.clone(),
    }
}

pub async fn load_me(state: &AppState, account: Account) -> Result<Me, ApiError> {
    let person = match account.person_id {
        Some(id) => persons::find(&state.read, id).await?.map(|p| PersonView {
            given_names: p.given_names,
            surname: p.surname,
            date_of_birth: p.date_of_birth,
            nationality: p.nationality,
            document_type: p.document_type,
            document_number_masked: mask_document_number(&format!("000000{}", p.document_last3)),
        }),
        None => None,
    };
    let companies = crate::companies::administered(state, account.id).await?;
    Ok(Me {
        id: account.id,
        email: account.email.clone(),
        language: account.language.clone(),
        roles: sitecard_domain::role::parse_roles(&account.roles).iter().map(|r| r.as_str().to_owned()).collect(),
        companies,
        person,
        contact: contact_of(&account),
        totp_enabled: account.totp_secret_enc.is_some(),
        totp_offer_declined: account.totp_offer_declined_at.is_some(),
    })
}

/// Who am I: account, roles, administered companies, verified identity and contact details.
#[utoipa::path(tag = "me", security(("bearer" = [])), responses(
    (status = 200, description = "The caller", body = Me),
    (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
))]
#[get("/me")]
pub async fn get_me(state: web::Data<AppState>, user: CurrentUser) -> Result<web::Json<Me>, ApiError> {
    Ok(web::Json(load_me(&state, user.account).await?))
}

#[derive(Deserialize, ToSchema)]
pub struct UpdateMe {
    /// Emails and SMS to the account use it.
    #[schema(value_type = crate::schema_enums::LanguageValue)]
    pub language: String,
}

/// Change the language of emails and SMS.
#[utoipa::path(tag = "me", security(("bearer" = [])), request_body = UpdateMe, responses(
    (status = 200, description = "Updated", body = Me),
    (status = 422, description = "`validation_failed` (`unsupported_language`)", body = Problem, content_type = "application/problem+json"),
))]
#[patch("/me")]
pub async fn update_me(state: web::Data<AppState>, user: CurrentUser, body: web::Json<UpdateMe>) -> Result<web::Json<Me>, ApiError> {
    let mut f = Fields::new();
    let lang =
        f.check("language", "unsupported_language", Language::parse(&body.language).ok_or(format!("use one of {}", Language::CODES)));
    f.finish()?;
    let mut c = accounts::changes(user.account_id);
    c.language = Set(lang.unwrap_or_default().as_str().to_owned());
    let account = accounts::update(&state.db, c).await?;
    state.forget_account(account.id);
    Ok(web::Json(load_me(&state, account).await?))
}
