//! The caller's profile (`GET /me`): who they are, their verified person (document number masked), the
//! companies they administer, their contact details and second factors.

use chrono::NaiveDate;
use serde::Serialize;
use sitecard_domain::document::mask_document_number;
use sitecard_persistence::accounts::Account;
use sitecard_persistence::persons;
use uuid::Uuid;

use crate::companies::CompanyRef;
use crate::error::AppError;
use crate::state::AppState;

#[derive(Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PersonView {
    #[cfg_attr(feature = "openapi", schema(example = "Anna Maria"))]
    pub given_names: String,
    #[cfg_attr(feature = "openapi", schema(example = "Kowalska"))]
    pub surname: String,
    #[cfg_attr(feature = "openapi", schema(example = "1990-04-12"))]
    pub date_of_birth: NaiveDate,
    /// ISO 3166-1 alpha-3 (or an ICAO code such as `XXA`), as in the document.
    #[cfg_attr(feature = "openapi", schema(pattern = "^[A-Z]{3}$", example = "POL"))]
    pub nationality: String,
    #[cfg_attr(feature = "openapi", schema(value_type = crate::schema_enums::DocumentTypeValue))]
    pub document_type: String,
    /// Only the last three characters.
    #[cfg_attr(feature = "openapi", schema(example = "••••••567"))]
    pub document_number_masked: String,
}

#[derive(Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Contact {
    /// The mobile number that gets sign-in codes, in E.164; it changes only through `POST /me/phone` (or an
    /// in-person reset by a verifier).
    #[cfg_attr(feature = "openapi", schema(pattern = "^\\+[1-9][0-9]{6,14}$", example = "+46701234567"))]
    pub phone: Option<String>,
    #[cfg_attr(feature = "openapi", schema(example = "ul. Marszałkowska 10"))]
    pub address_line1: Option<String>,
    #[cfg_attr(feature = "openapi", schema(example = "m. 24"))]
    pub address_line2: Option<String>,
    #[cfg_attr(feature = "openapi", schema(example = "00-590"))]
    pub postal_code: Option<String>,
    #[cfg_attr(feature = "openapi", schema(example = "Warszawa"))]
    pub city: Option<String>,
    /// ISO 3166-1 alpha-2.
    #[cfg_attr(feature = "openapi", schema(pattern = "^[A-Z]{2}$", example = "PL"))]
    pub country: Option<String>,
}

#[derive(Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Me {
    #[cfg_attr(feature = "openapi", schema(example = "01a1f873-c8a0-7250-acb1-d4d54d99d19c"))]
    pub id: Uuid,
    #[cfg_attr(feature = "openapi", schema(example = "anna.kowalska@example.com"))]
    pub email: String,
    #[cfg_attr(feature = "openapi", schema(value_type = crate::schema_enums::LanguageValue))]
    pub language: String,
    #[cfg_attr(feature = "openapi", schema(value_type = Vec<crate::schema_enums::RoleValue>))]
    pub roles: Vec<String>,
    /// Companies the caller administers.
    pub companies: Vec<CompanyRef>,
    /// The identity verified in person; absent for staff without a verified document.
    pub person: Option<PersonView>,
    pub contact: Contact,
    /// Whether an authenticator app is enrolled (login then asks for its code instead of SMS).
    #[cfg_attr(feature = "openapi", schema(example = false))]
    pub totp_enabled: bool,
    /// The person said "no, thanks" to setting up an authenticator app: clients do not offer it again.
    #[cfg_attr(feature = "openapi", schema(example = false))]
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

/// The caller's profile: the account as read with the session (or just changed), its person and companies.
pub async fn show_profile(state: &AppState, account: Account) -> Result<Me, AppError> {
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
        id: account.id.into(),
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
