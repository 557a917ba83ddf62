//! Forgotten password: an emailed one-time link, a new password, then the second factor (SMS or app).

use actix_web::{HttpResponse, post, web};
use chrono::{Duration, Utc};
use serde::{Deserialize, Serialize};
use sitecard_app::AppError;
use sitecard_domain::{Email, Language};
use sitecard_notify::Message;
use sitecard_persistence::audit::{Actor, AuditKind, Subject};
use sitecard_persistence::{accounts, audit, sessions, tokens};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::auth::ClientInfo;
use crate::error::ApiError;
use sitecard_app::challenge_flow::{self, ChallengeStarted};
use sitecard_app::crypto::{random_token, token_hash};
use sitecard_app::state::AppState;
use sitecard_app::throttle::{self, email_key};

pub const RESET_TOKEN_TTL: Duration = Duration::hours(1);

#[derive(Deserialize, ToSchema)]
pub struct PasswordResetRequest {
    #[schema(example = "anna.kowalska@example.com")]
    pub email: String,
}

/// Forgotten password, step 1: ask for a reset link by email.
///
/// No sign-in. Always 202 after the same delay, whether or not the address has an active account; for an active
/// account a one-time link `/reset-password?token=…` (valid one hour) is emailed and earlier links stop working.
/// Limited to 20 requests an hour per client IP (429) and, silently, to three emails an hour per address.
#[utoipa::path(tag = "auth", request_body = PasswordResetRequest, responses(
    (status = 202, description = "If the address has an account, a link was emailed"),
    (status = 429, description = "`too_many_attempts`"),
))]
#[post("/auth/password-reset")]
pub async fn request_reset(
    state: web::Data<AppState>,
    client: ClientInfo,
    body: web::Json<PasswordResetRequest>,
) -> Result<HttpResponse, ApiError> {
    // Every answer takes the same time, whatever happened: a known address (a token, an email, an audit event)
    // and an unknown one (nothing) are not told apart by how long the answer took.
    let answer_at = tokio::time::Instant::now() + RESET_ANSWER_TIME;
    let sent = send_reset_link(&state, &client, &body.email).await;
    tokio::time::sleep_until(answer_at).await;
    sent.map(|()| HttpResponse::Accepted().finish())
}

/// How long `POST /auth/password-reset` always takes: well above the slowest path's own time.
const RESET_ANSWER_TIME: std::time::Duration = std::time::Duration::from_millis(250);

async fn send_reset_link(state: &AppState, client: &ClientInfo, email: &str) -> Result<(), ApiError> {
    throttle::consume(&state.db, &format!("reset-ip:{}", client.ip), throttle::EMAILS_PER_IP, "too_many_attempts").await?;
    let Ok(email) = Email::parse(email) else { return Ok(()) };
    // Over the per-address limit we stay silent rather than answer differently.
    if throttle::consume(&state.db, &email_key("reset-addr", email.as_str()), throttle::EMAILS_PER_ADDRESS, "too_many_attempts")
        .await
        .is_err()
    {
        return Ok(());
    }
    if let Some(account) = accounts::find_by_email(&state.db, email.as_str()).await?.filter(|a| a.status == "active") {
        let token = random_token();
        let txn = sitecard_persistence::begin(&state.db).await?;
        tokens::spend_all_for(&txn, account.id, "password_reset").await?;
        tokens::insert(&txn, "password_reset", &token_hash(&token), account.id, Utc::now() + RESET_TOKEN_TTL).await?;
        let link = state.link(&format!("/reset-password?token={token}"));
        sitecard_notify::queue(
            &txn,
            &account.email,
            &Message::PasswordResetLink { link },
            Language::parse(&account.language).unwrap_or_default(),
        )
        .await?;
        audit::append(
            &txn,
            audit::NewAuditEvent {
                kind: AuditKind::PasswordResetRequested,
                actor: Actor::Anonymous,
                subject: Subject::Account(account.id),
                data: serde_json::json!({ "ip": client.ip }),
            },
        )
        .await?;
        txn.commit().await?;
    }
    Ok(())
}

#[derive(Deserialize, ToSchema)]
pub struct PasswordResetConfirm {
    /// The `token` from the emailed `/reset-password?token=…` link (valid one hour).
    #[schema(example = "Z7yhHMl1Uf6fmeNC6kIgtfE1SzE80abYkje1QTU_7Fg")]
    pub token: String,
    /// At least 8 characters, not common or guessable from the account (NIST SP 800-63B).
    #[schema(example = "murare-regn-fika-17")]
    pub new_password: String,
}

/// Forgotten password, step 2: the new password; a second factor is asked for.
///
/// No sign-in: the `token` from the emailed link is the credential (410 `reset_token_invalid` when unknown, used or
/// expired). The new password is checked against the policy (400 `weak_password`) and held until the second factor:
/// an SMS code is sent, or the authenticator app is asked for. Nothing changes until `/auth/password-reset/verify`.
#[utoipa::path(tag = "auth", request_body = PasswordResetConfirm, responses(
    (status = 200, description = "A code was sent (or use the authenticator app)", body = ChallengeStarted),
    (status = 400, description = "`weak_password`"),
    (status = 410, description = "`reset_token_invalid`: unknown, used or expired link"),
))]
#[post("/auth/password-reset/confirm")]
pub async fn confirm_reset(state: web::Data<AppState>, body: web::Json<PasswordResetConfirm>) -> Result<HttpResponse, ApiError> {
    let body = body.into_inner();
    let token = tokens::find_usable(&state.db, &token_hash(&body.token), &["password_reset"])
        .await?
        .ok_or_else(|| AppError::Gone("reset_token_invalid", "this link is no longer valid; ask for a new one".into()))?;
    let account = accounts::find(&state.db, token.account_id)
        .await?
        .filter(|a| a.status == "active")
        .ok_or(AppError::Gone("reset_token_invalid", "this link is no longer valid".into()))?;
    sitecard_app::password_policy::check_password_policy("new_password", &body.new_password, &[&account.email])?;
    let hash = state.hasher.hash(body.new_password).await?;
    let txn = sitecard_persistence::begin(&state.db).await?;
    let started = challenge_flow::start(
        &txn,
        &state,
        "password_reset",
        &account,
        account.phone.as_deref(),
        Some(serde_json::json!({ "password_hash": hash, "token_id": token.id })),
    )
    .await?;
    txn.commit().await?;
    Ok(HttpResponse::Ok().json(started))
}

#[derive(Deserialize, ToSchema)]
pub struct PasswordResetVerify {
    #[schema(example = "01a230f0-89c0-7fe1-9e00-57e5e1bda755")]
    pub challenge_id: Uuid,
    /// The 6-digit code from the SMS or the authenticator app.
    #[schema(example = "482913")]
    pub code: String,
}

#[derive(Serialize, ToSchema)]
pub struct PasswordChanged {
    /// Always true; every session was signed out.
    #[schema(example = true)]
    pub password_changed: bool,
}

/// Forgotten password, step 3: the code; the new password takes effect.
///
/// No sign-in: the `challenge_id` from step 2 and its SMS or app code. On success the password is replaced, the link
/// spent, every session of the account ended and the email address told; audited. Wrong codes count like sign-in
/// codes (the fifth ends the challenge: 410 `challenge_expired`).
#[utoipa::path(tag = "auth", request_body = PasswordResetVerify, responses(
    (status = 200, description = "Password changed; sign in again", body = PasswordChanged),
    (status = 401, description = "`invalid_code`"),
    (status = 410, description = "`challenge_expired` or `reset_token_invalid`"),
))]
#[post("/auth/password-reset/verify")]
pub async fn verify_reset(
    state: web::Data<AppState>,
    client: ClientInfo,
    body: web::Json<PasswordResetVerify>,
) -> Result<HttpResponse, ApiError> {
    let accepted = challenge_flow::verify(&state, body.challenge_id, &body.code, &["password_reset"], &client.ip).await?;
    let (hash, token_id) = challenge_flow::pending_password(&accepted.challenge)?;
    let txn = sitecard_persistence::begin(&state.db).await?;
    let (_, account) = accepted.consume(&txn).await?;
    if !tokens::spend(&txn, token_id).await? {
        return Err(AppError::Gone("reset_token_invalid", "this link was already used".into()).into());
    }
    accounts::update(&txn, account.id, accounts::AccountUpdate { password_hash: Some(hash), ..Default::default() }).await?;
    sessions::revoke_all_for_account(&txn, account.id, None, "password_reset").await?;
    sitecard_notify::queue(&txn, &account.email, &Message::PasswordChanged, Language::parse(&account.language).unwrap_or_default()).await?;
    audit::append(
        &txn,
        audit::NewAuditEvent {
            kind: AuditKind::PasswordReset,
            actor: Actor::Account(account.id),
            subject: Subject::Account(account.id),
            data: serde_json::json!({ "ip": client.ip }),
        },
    )
    .await?;
    txn.commit().await?;
    state.forget_account(account.id);
    Ok(HttpResponse::Ok().json(PasswordChanged { password_changed: true }))
}
