//! `PATCH /me/contact`: the worker completes their address.

use actix_web::{patch, web};
use serde::Deserialize;
use sitecard_app::records::AccountUpdate;
use sitecard_domain::country::CountryCode;
use utoipa::ToSchema;

use crate::auth::CurrentUser;
use crate::error::{ApiError, Fields};
use crate::routes::me::profile::{Contact, contact_of};
use sitecard_app::state::AppState;
use sitecard_app::use_cases::update_contact_details::update_contact_details;

/// Any subset; an empty string clears an optional field (`address_line2`).
#[derive(Deserialize, ToSchema)]
pub struct UpdateContact {
    /// At most 200 characters.
    #[schema(example = "ul. Marszałkowska 10")]
    pub address_line1: Option<String>,
    /// At most 200 characters; an empty string clears it.
    #[schema(example = "m. 24")]
    pub address_line2: Option<String>,
    /// 2 to 12 letters, digits, spaces or hyphens (stored upper-cased).
    #[schema(example = "00-590")]
    pub postal_code: Option<String>,
    /// At most 100 characters.
    #[schema(example = "Warszawa")]
    pub city: Option<String>,
    /// ISO 3166-1 alpha-2, e.g. `SE`, `PL`.
    #[schema(example = "PL")]
    pub country: Option<String>,
}

/// Every field given, checked together (422 lists every problem).
impl TryFrom<&UpdateContact> for AccountUpdate {
    type Error = ApiError;

    fn try_from(b: &UpdateContact) -> Result<Self, ApiError> {
        let mut f = Fields::new();
        let mut c = AccountUpdate::default();
        if let Some(v) = &b.address_line1 {
            c.address_line1 = Some(f.text("address_line1", v, 200));
        }
        if let Some(v) = &b.address_line2 {
            c.address_line2 = Some(if v.trim().is_empty() { None } else { f.text("address_line2", v, 200) });
        }
        if let Some(v) = &b.postal_code {
            c.postal_code = Some(Some(f.postal_code("postal_code", v)));
        }
        if let Some(v) = &b.city {
            c.city = Some(f.text("city", v, 100));
        }
        if let Some(v) = &b.country {
            c.country = Some(f.check("country", "invalid_country", CountryCode::parse(v)).map(|cc| cc.as_str().to_owned()));
        }
        f.finish()?;
        Ok(c)
    }
}

/// Update the caller's postal address.
///
/// Any signed-in account; send any subset of the fields (an empty `address_line2` clears it). All fields are checked
/// together (422 `validation_failed` lists every problem) and the change is audited. The phone is not here: it changes
/// only through `POST /me/phone` and an SMS code.
#[utoipa::path(tag = "me", security(("bearer" = [])), request_body = UpdateContact, responses(
    (status = 200, description = "The new contact details", body = Contact),
    (status = 422, description = "`validation_failed`"),
))]
#[patch("/me/contact")]
pub async fn update_contact(
    state: web::Data<AppState>,
    user: CurrentUser,
    body: web::Json<UpdateContact>,
) -> Result<web::Json<Contact>, ApiError> {
    let changes = AccountUpdate::try_from(&*body)?;
    let account = update_contact_details(&state, user.account_id, changes).await?;
    Ok(web::Json(contact_of(&account)))
}
