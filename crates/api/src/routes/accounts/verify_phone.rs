//! `POST /accounts/verify-phone`: the SMS code that finishes registration.

use actix_web::{post, web};
use serde::{Deserialize, Serialize};
use sitecard_app::AppError;
use sitecard_persistence::audit::{Actor, AuditKind, Subject};
use sitecard_persistence::{accounts, audit, tokens};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::auth::ClientInfo;
use crate::error::ApiError;
use sitecard_app::challenge_flow;
use sitecard_app::state::AppState;

#[derive(Deserialize, ToSchema)]
pub struct VerifyPhone {
    #[schema(example = "01a230f0-89c0-7fe1-9e00-57e5e1bda755")]
    pub challenge_id: Uuid,
    /// The 6-digit code from the SMS.
    #[schema(example = "482913")]
    pub code: String,
}

#[derive(Serialize, ToSchema)]
pub struct AccountActivated {
    #[schema(example = "01a1f873-c8a0-7250-acb1-d4d54d99d19c")]
    pub account_id: Uuid,
    #[schema(example = "anna.kowalska@example.com")]
    pub email: String,
    /// `active`: sign in with email, password and an SMS code.
    #[schema(example = "active")]
    pub status: String,
}

/// Finish registration with the SMS code.
///
/// No sign-in: the `challenge_id` from `POST /accounts` and the code sent to the phone. On success the phone is
/// verified, the password set, the account active and the registration link spent; audited. The fifth wrong code ends
/// the challenge (410 `challenge_expired`), and wrong codes count towards per-IP and per-account limits (429).
#[utoipa::path(tag = "accounts", request_body = VerifyPhone, responses(
    (status = 200, description = "The account is active", body = AccountActivated),
    (status = 401, description = "`invalid_code`"),
    (status = 410, description = "`challenge_expired` or `registration_token_invalid`"),
))]
#[post("/accounts/verify-phone")]
pub async fn verify_phone(
    state: web::Data<AppState>,
    client: ClientInfo,
    body: web::Json<VerifyPhone>,
) -> Result<web::Json<AccountActivated>, ApiError> {
    let accepted = challenge_flow::verify(&state, body.challenge_id, &body.code, &["register"], &client.ip).await?;
    let (hash, token_id) = challenge_flow::pending_password(&accepted.challenge)?;
    let txn = sitecard_persistence::begin(&state.db).await?;
    let (challenge, account) = accepted.consume(&txn).await?;
    if !tokens::spend(&txn, token_id).await? {
        return Err(AppError::Gone("registration_token_invalid", "this registration link was already used".into()).into());
    }
    let update = accounts::AccountUpdate {
        password_hash: Some(hash),
        phone: Some(challenge.phone.clone()),
        status: Some("active"),
        ..Default::default()
    };
    let account = accounts::update(&txn, account.id, update).await?;
    audit::append(
        &txn,
        audit::NewAuditEvent {
            kind: AuditKind::AccountRegistered,
            actor: Actor::Account(account.id),
            subject: Subject::Account(account.id),
            data: serde_json::json!({ "ip": client.ip }),
        },
    )
    .await?;
    txn.commit().await?;
    state.forget_account(account.id);
    Ok(web::Json(AccountActivated { account_id: account.id, email: account.email, status: account.status }))
}
