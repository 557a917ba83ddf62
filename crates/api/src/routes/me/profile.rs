//! `GET /me` and `PATCH /me`.

use actix_web::{get, patch, web};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sitecard_domain::Language;
use sitecard_domain::document::mask_document_number;
use sitecard_persistence::accounts::Account;
use sitecard_persistence::persons;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::auth::CurrentUser;
use crate::error::{ApiError, Fields};
use sitecard_app::state::AppState;
use sitecard_app::use_cases::change_language::change_language;

pub use sitecard_app::companies::CompanyRef;

#[derive(Serialize, ToSchema)]
pub struct PersonView {
    #[schema(example = "Anna Maria")]
    pub given_names: String,
    #[schema(example = "Kowalska")]
    pub surname: String,
    #[schema(example = "1990-04-12")]
    pub date_of_birth: NaiveDate,
    /// ISO 3166-1 alpha-3 (or an ICAO code such as `XXA`), as in the document.
    #[schema(pattern = "^[A-Z]{3}$", example = "POL")]
    pub nationality: String,
    #[schema(value_type = sitecard_app::schema_enums::DocumentTypeValue)]
    pub document_type: String,
    /// Only the last three characters.
    #[schema(example = "••••••567")]
    pub document_number_masked: String,
}

#[derive(Serialize, ToSchema)]
pub struct Contact {
    /// The mobile number that gets sign-in codes, in E.164; it changes only through `POST /me/phone` (or an
    /// in-person reset by a verifier).
    #[schema(pattern = "^\\+[1-9][0-9]{6,14}$", example = "+46701234567")]
    pub phone: Option<String>,
    #[schema(example = "ul. Marszałkowska 10")]
    pub address_line1: Option<String>,
    #[schema(example = "m. 24")]
    pub address_line2: Option<String>,
    #[schema(example = "00-590")]
    pub postal_code: Option<String>,
    #[schema(example = "Warszawa")]
    pub city: Option<String>,
    /// ISO 3166-1 alpha-2.
    #[schema(pattern = "^[A-Z]{2}$", example = "PL")]
    pub country: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct Me {
    #[schema(example = "01a1f873-c8a0-7250-acb1-d4d54d99d19c")]
    pub id: Uuid,
    #[schema(example = "anna.kowalska@example.com")]
    pub email: String,
    #[schema(value_type = sitecard_app::schema_enums::LanguageValue)]
    pub language: String,
    #[schema(value_type = Vec<sitecard_app::schema_enums::RoleValue>)]
    pub roles: Vec<String>,
    /// Companies the caller administers.
    pub companies: Vec<CompanyRef>,
    /// The identity verified in person; absent for staff without a verified document.
    pub person: Option<PersonView>,
    pub contact: Contact,
    /// Whether an authenticator app is enrolled (login then asks for its code instead of SMS).
    #[schema(example = false)]
    pub totp_enabled: bool,
    /// The person said "no, thanks" to setting up an authenticator app: clients do not offer it again.
    #[schema(example = false)]
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
    let companies = sitecard_app::companies::administered(state, account.id).await?;
    Ok(Me {
        id: account.id,
        email: account.email.clone(),
        language: account.language.clone(),
        roles: account.roles.iter().map(|r| r.as_str().to_owned()).collect(),
        companies,
        person,
        contact: contact_of(&account),
        totp_enabled: account.totp_secret_enc.is_some(),
        totp_offer_declined: account.totp_offer_declined_at.is_some(),
    })
}

/// Who am I: account, roles, companies, verified identity and contact details.
///
/// Any signed-in account. `companies` are the companies the caller administers, `person` the identity verified in
/// person (document number masked; absent for staff without one) and `contact` the phone and postal address. Read-only.
#[utoipa::path(tag = "me", security(("bearer" = [])), responses(
    (status = 200, description = "The caller", body = Me),
    (status = 401, description = "Not signed in"),
))]
#[get("/me")]
pub async fn get_me(state: web::Data<AppState>, user: CurrentUser) -> Result<web::Json<Me>, ApiError> {
    Ok(web::Json(load_me(&state, user.account).await?))
}

#[derive(Deserialize, ToSchema)]
pub struct UpdateMe {
    /// Emails and SMS to the account use it.
    #[schema(value_type = sitecard_app::schema_enums::LanguageValue)]
    pub language: String,
}

/// Change the language of emails and SMS.
///
/// Any signed-in account. Emails and SMS to the account use this language from now on (422 `validation_failed` with
/// `unsupported_language` for a code Sitecard does not speak); answers the updated profile.
#[utoipa::path(tag = "me", security(("bearer" = [])), request_body = UpdateMe, responses(
    (status = 200, description = "Updated", body = Me),
    (status = 422, description = "`validation_failed` (`unsupported_language`)"),
))]
#[patch("/me")]
pub async fn update_me(state: web::Data<AppState>, user: CurrentUser, body: web::Json<UpdateMe>) -> Result<web::Json<Me>, ApiError> {
    let mut f = Fields::new();
    let lang =
        f.check("language", "unsupported_language", Language::parse(&body.language).ok_or(format!("use one of {}", Language::CODES)));
    f.finish()?;
    let account = change_language(&state, user.account_id.into(), lang.unwrap_or_default()).await?;
    Ok(web::Json(load_me(&state, account).await?))
}
