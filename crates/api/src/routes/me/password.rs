//! `POST /me/password`: a new password while signed in; the current one is typed again.

use actix_web::{HttpResponse, post, web};
use serde::Deserialize;
use std::sync::Arc;
use utoipa::ToSchema;

use crate::auth::{ClientInfo, CurrentUser};
use crate::error::ApiError;
use sitecard_app::state::AppState;
use sitecard_app::use_cases::change_own_password::{ChangeOwnPassword, change_own_password};

#[derive(Deserialize, ToSchema)]
pub struct ChangePassword {
    #[schema(example = "tegel-kran-sommar-42")]
    pub current_password: String,
    /// At least 8 characters, not common or guessable from the account (NIST SP 800-63B).
    #[schema(example = "murare-regn-fika-17")]
    pub new_password: String,
}

/// Change the password while signed in.
///
/// Any signed-in account; `current_password` must be right (401 `invalid_credentials`; wrong tries count with
/// sign-ins, 429). The new password must pass the policy (400 `weak_password`); every other session ends at once,
/// this one stays, the email address is told and the change is audited.
#[utoipa::path(tag = "me", security(("bearer" = [])), request_body = ChangePassword, responses(
    (status = 204, description = "Changed; other sessions were signed out"),
    (status = 400, description = "`weak_password`"),
    (status = 401, description = "`invalid_credentials`: the current password is wrong"),
    (status = 429, description = "`too_many_attempts` (wrong current passwords count with sign-ins)"),
))]
#[post("/me/password")]
pub async fn change_password(
    state: web::Data<AppState>,
    user: CurrentUser,
    client: ClientInfo,
    body: web::Json<ChangePassword>,
) -> Result<HttpResponse, ApiError> {
    let ChangePassword { current_password, new_password } = body.into_inner();
    let cmd = ChangeOwnPassword {
        account: Arc::unwrap_or_clone(user.account),
        session_id: user.session_id,
        current_password,
        new_password,
        ip: client.ip,
    };
    change_own_password(&state, cmd).await?;
    Ok(HttpResponse::NoContent().finish())
}
