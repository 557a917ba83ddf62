//! Someone who forgot their password asks for a reset link by email. Nothing in the answer, its outcome or how
//! long it takes tells whether the address has an account: a known address gets a one-time link, an unknown
//! one nothing, and both take the same time.

use chrono::{Duration, Utc};
use sitecard_domain::account_status::AccountStatus;
use sitecard_domain::{Email, Language};
use sitecard_notify::Message;
use sitecard_persistence::audit::{Actor, AuditKind, Subject};
use sitecard_persistence::{accounts, audit, tokens};

use crate::crypto::{random_token, token_hash};
use crate::error::AppError;
use crate::state::AppState;
use crate::throttle::{self, email_key};

/// How long an emailed reset link works.
pub const RESET_TOKEN_TTL: Duration = Duration::hours(1);

/// How long a request always takes: well above the slowest path's own time.
const RESET_ANSWER_TIME: std::time::Duration = std::time::Duration::from_millis(250);

pub struct RequestPasswordReset {
    /// As typed; an address that does not parse is treated like an unknown one.
    pub email: String,
    /// The client's IP, throttled and audited.
    pub ip: String,
}

/// Fails only with 429 `too_many_attempts` (per client IP) or an internal error; over the per-address limit
/// it stays silent rather than answer differently.
pub async fn request_password_reset(state: &AppState, cmd: RequestPasswordReset) -> Result<(), AppError> {
    // Every answer takes the same time, whatever happened: a known address (a token, an email, an audit event)
    // and an unknown one (nothing) are not told apart by how long the answer took.
    let answer_at = tokio::time::Instant::now() + RESET_ANSWER_TIME;
    let sent = send_reset_link(state, &cmd).await;
    tokio::time::sleep_until(answer_at).await;
    sent
}

async fn send_reset_link(state: &AppState, cmd: &RequestPasswordReset) -> Result<(), AppError> {
    throttle::consume(&state.db, &format!("reset-ip:{}", cmd.ip), throttle::EMAILS_PER_IP, "too_many_attempts").await?;
    let Ok(email) = Email::parse(&cmd.email) else { return Ok(()) };
    // Over the per-address limit we stay silent rather than answer differently.
    if throttle::consume(&state.db, &email_key("reset-addr", email.as_str()), throttle::EMAILS_PER_ADDRESS, "too_many_attempts")
        .await
        .is_err()
    {
        return Ok(());
    }
    let Some(account) = accounts::find_by_email(&state.db, email.as_str()).await?.filter(|a| a.status == AccountStatus::Active) else {
        return Ok(());
    };
    let token = random_token();
    let txn = sitecard_persistence::begin(&state.db).await?;
    tokens::spend_all_for(&txn, account.id.into(), "password_reset").await?;
    tokens::insert(&txn, "password_reset", &token_hash(&token), account.id.into(), Utc::now() + RESET_TOKEN_TTL).await?;
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
            subject: Subject::Account(account.id.into()),
            data: serde_json::json!({ "ip": cmd.ip }),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(())
}
