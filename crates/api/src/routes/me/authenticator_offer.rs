//! `POST /me/authenticator-offer/decline`: "no, thanks" to the authenticator app, remembered on the account so
//! the offer is not made again (the app can still be set up from "Sign-in and security").

use actix_web::{HttpResponse, post, web};
use sitecard_persistence::accounts;

use crate::auth::CurrentUser;
use crate::error::ApiError;
use sitecard_app::state::AppState;

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
    accounts::decline_totp_offer(&state.db, user.account_id).await?;
    state.forget_account(user.account_id);
    Ok(HttpResponse::NoContent().finish())
}
