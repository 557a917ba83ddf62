//! `GET /accounts/registration-tokens/{token}`: whether an emailed registration (or invitation) link is still
//! usable, and for which address, so the web app can say so before the worker types a password and a phone.

use actix_web::{HttpResponse, get, web};
use serde::Serialize;
use utoipa::ToSchema;

use crate::auth::ClientInfo;
use crate::error::ApiError;
use sitecard_app::state::AppState;
use sitecard_app::use_cases::check_registration_link::check_registration_link;

#[derive(Serialize, ToSchema)]
pub struct RegistrationLink {
    /// The address the account is for (the link was emailed there).
    #[schema(example = "anna.kowalska@example.com")]
    pub email: String,
}

/// Check a registration link before asking for a password and a phone.
///
/// No sign-in. 200 with the account's email while the link (registration or invitation) is unused and unexpired and
/// its account still pending, 410 `registration_token_invalid` otherwise; nothing changes. Limited to 60 checks an
/// hour per client IP (429 `too_many_attempts`).
#[utoipa::path(tag = "accounts", security(()), params(("token" = String, Path, description = "The `token` of the emailed link", example = "viWwHGkLe4-4ksUifjX8TUEKARuOUPlXSZLw8DKoRY0")), responses(
    (status = 200, description = "The link is usable", body = RegistrationLink),
    (status = 410, description = "`registration_token_invalid`: unknown, used or expired link"),
    (status = 429, description = "`too_many_attempts`"),
))]
#[get("/accounts/registration-tokens/{token}")]
pub async fn check_registration_token(
    state: web::Data<AppState>,
    client: ClientInfo,
    token: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let email = check_registration_link(&state, &token, &client.ip).await?;
    Ok(HttpResponse::Ok().insert_header(("cache-control", "no-store")).json(RegistrationLink { email }))
}
