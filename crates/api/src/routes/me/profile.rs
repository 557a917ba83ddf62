//! `GET /me` and `PATCH /me`.

use actix_web::{get, patch, web};
use serde::Deserialize;
use sitecard_domain::Language;
use std::sync::Arc;
use utoipa::ToSchema;

use crate::auth::CurrentUser;
use crate::error::{ApiError, Fields};
use sitecard_app::state::AppState;
use sitecard_app::use_cases::change_language::change_language;
use sitecard_app::use_cases::show_profile::show_profile;
pub use sitecard_app::use_cases::show_profile::{Contact, Me, PersonView, contact_of};

pub use sitecard_app::companies::CompanyRef;

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
    Ok(web::Json(show_profile(&state, Arc::unwrap_or_clone(user.account)).await?))
}

#[derive(Deserialize, ToSchema)]
pub struct UpdateMe {
    /// Emails and SMS to the account use it.
    #[schema(value_type = sitecard_app::schema_enums::LanguageValue)]
    pub language: String,
}

impl TryFrom<&UpdateMe> for Language {
    type Error = ApiError;

    fn try_from(body: &UpdateMe) -> Result<Self, ApiError> {
        let mut f = Fields::new();
        let language =
            f.check("language", "unsupported_language", Language::parse(&body.language).ok_or(format!("use one of {}", Language::CODES)));
        f.finish_with(language).map_err(ApiError::from)
    }
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
    let language = Language::try_from(&*body)?;
    let account = change_language(&state, user.account_id, language).await?;
    Ok(web::Json(show_profile(&state, account).await?))
}
