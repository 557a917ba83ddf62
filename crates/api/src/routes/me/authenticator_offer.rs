//! `POST /me/authenticator-offer/decline`: "no, thanks" to the authenticator app, remembered on the account so
//! the offer is not made again (the app can still be set up from "Sign-in and security").

use actix_web::{HttpResponse, post, web};

use crate::auth::CurrentUser;
use crate::error::ApiError;
use sitecard_app::state::AppState;
use sitecard_app::use_cases::decline_authenticator_offer as use_case;

/// Decline the offer to set up an authenticator app.
///
/// Any signed-in account. Remembered on the account: `offer_totp` is false from now on and `totp_offer_declined` is
/// true; calling it again keeps the first answer. The app can still be enrolled later with `POST /auth/totp`.
#[utoipa::path(tag = "me", security(("bearer" = [])), responses(
    (status = 204, description = "Remembered: `offer_totp` is false from now on"),
    (status = 401, description = "Not signed in"),
))]
#[post("/me/authenticator-offer/decline")]
pub async fn decline_authenticator_offer(state: web::Data<AppState>, user: CurrentUser) -> Result<HttpResponse, ApiError> {
    use_case::decline_authenticator_offer(&state, user.account_id).await?;
    Ok(HttpResponse::NoContent().finish())
}
