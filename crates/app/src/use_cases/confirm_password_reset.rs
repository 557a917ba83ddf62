//! Forgotten password, step 2: the emailed link's token and a new password. The password is checked against
//! the policy and held, hashed, in a second-factor challenge: a stolen mailbox alone is not enough to take the
//! account over, so nothing changes until the code is typed (`reset_password`).

use sitecard_domain::account_status::AccountStatus;
use sitecard_persistence::{accounts, tokens};

use crate::challenge_flow::{self, ChallengeStarted};
use crate::crypto::token_hash;
use crate::error::AppError;
use crate::password_policy::check_password_policy;
use crate::state::AppState;

pub struct ConfirmPasswordReset {
    /// The `token` from the emailed link.
    pub token: String,
    pub new_password: String,
}

/// 410 `reset_token_invalid` for an unknown, used or expired link (or an account no longer active), 400
/// `weak_password`; otherwise an SMS code is sent, or the authenticator app is asked for.
pub async fn confirm_password_reset(state: &AppState, cmd: ConfirmPasswordReset) -> Result<ChallengeStarted, AppError> {
    let ConfirmPasswordReset { token, new_password } = cmd;
    let token = tokens::find_usable(&state.db, &token_hash(&token), &["password_reset"])
        .await?
        .ok_or_else(|| AppError::Gone("reset_token_invalid", "this link is no longer valid; ask for a new one".into()))?;
    let account = accounts::find(&state.db, token.account_id.into())
        .await?
        .filter(|a| a.status == AccountStatus::Active)
        .ok_or(AppError::Gone("reset_token_invalid", "this link is no longer valid".into()))?;
    check_password_policy("new_password", &new_password, &[&account.email])?;
    let hash = state.hasher.hash(new_password).await?;
    let txn = sitecard_persistence::begin(&state.db).await?;
    let started = challenge_flow::start(
        &txn,
        state,
        "password_reset",
        &account,
        account.phone.as_deref(),
        Some(serde_json::json!({ "password_hash": hash, "token_id": token.id })),
    )
    .await?;
    txn.commit().await?;
    Ok(started)
}
