//! `POST /me/password`: a new password while signed in; the current one is typed again.

use actix_web::{HttpResponse, post, web};
use serde::Deserialize;
use sitecard_domain::Language;
use sitecard_notify::Message;
use sitecard_persistence::{Set, accounts, audit, persons, sessions};
use utoipa::ToSchema;

use crate::auth::step_up::check_current_password;
use crate::auth::{ClientInfo, CurrentUser};
use crate::error::{ApiError, Problem};
use crate::state::AppState;

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
    (status = 400, description = "`weak_password`", body = Problem, content_type = "application/problem+json"),
    (status = 401, description = "`invalid_credentials`: the current password is wrong", body = Problem, content_type = "application/problem+json"),
    (status = 429, description = "`too_many_attempts` (wrong current passwords count with sign-ins)", body = Problem, content_type = "application/problem+json"),
))]
#[post("/me/password")]
pub async fn change_password(
    state: web::Data<AppState>,
    user: CurrentUser,
    client: ClientInfo,
    body: web::Json<ChangePassword>,
) -> Result<HttpResponse, ApiError> {
    let ChangePassword { current_password, new_password } = body.into_inner();
    let account = &user.account;
    check_current_password(&state, account, &current_password).await?;
    let mut known = vec![account.email.clone()];
    if let Some(p) = match account.person_id {
        Some(id) => persons::find(&state.read, id).await?,
        None => None,
    } {
        known.push(p.given_names);
        known.push(p.surname);
    }
    crate::routes::accounts::check_password_policy("new_password", &new_password, &known.iter().map(String::as_str).collect::<Vec<_>>())?;
    let hash = state.hasher.hash(new_password).await?;
    let txn = sitecard_persistence::begin(&state.db).await?;
    let mut changes = accounts::changes(account.id);
    changes.password_hash = Set(Some(hash));
    accounts::update(&txn, changes).await?;
    sessions::revoke_all_for_account(&txn, account.id, Some(user.session_id), "password_changed").await?;
    sitecard_notify::queue(&txn, &account.email, &Message::PasswordChanged, Language::parse(&account.language).unwrap_or_default()).await?;
    audit::append(
        &txn,
        audit::NewAuditEvent {
            kind: "password_changed",
            actor_id: Some(account.id),
            actor_kind: "account",
            subject_type: Some("account"),
            subject_id: Some(account.id),
            data: serde_json::json!({ "ip": client.ip }),
        },
    )
    .await?;
    txn.commit().await?;
    state.forget_account(account.id);
    Ok(HttpResponse::NoContent().finish())
}
