//! A worker or invited staff member opens the emailed registration link and chooses a password and a phone.
//! The password is checked against the policy (not guessable from their email or names) and held, hashed, in a
//! challenge whose code goes to the phone: the account becomes active only once the phone is proven
//! (`finish_registration`).

use sitecard_domain::PhoneE164;
use sitecard_domain::account_status::AccountStatus;
use sitecard_persistence::accounts::Account;
use sitecard_persistence::tokens::OneTimeToken;
use sitecard_persistence::{Conn, accounts, persons, tokens};

use crate::challenge_flow::{self, ChallengeStarted};
use crate::crypto::token_hash;
use crate::error::{AppError, Fields};
use crate::language_choice::remember_chosen_language;
use crate::password_policy::check_password_policy;
use crate::state::AppState;
use crate::throttle;

/// An unknown, used or expired registration link, or one whose account is no longer pending.
pub fn registration_token_invalid() -> AppError {
    AppError::Gone(
        "registration_token_invalid",
        "this registration link is no longer valid; ask the identity-verification office for a new one".into(),
    )
}

pub struct RegisterAccount {
    /// The `token` from the emailed link.
    pub registration_token: String,
    pub password: String,
    /// As typed; checked only after the link and the password, so that a dead link is told first.
    pub phone: String,
    /// The language chosen in the app; an unknown code is ignored.
    pub language: Option<String>,
    /// The client's IP: registrations are throttled on it.
    pub ip: String,
}

/// The account an emailed registration or invitation link is for, while the link is usable and the account has
/// no password yet; 410 `registration_token_invalid` otherwise.
pub async fn account_of_link<C: Conn>(conn: &C, link_token: &str) -> Result<(OneTimeToken, Account), AppError> {
    let token = tokens::find_usable(conn, &token_hash(link_token), &["registration", "invitation"])
        .await?
        .ok_or_else(registration_token_invalid)?;
    let account = accounts::find(conn, token.account_id.into())
        .await?
        .filter(|a| a.status == AccountStatus::Pending)
        .ok_or_else(registration_token_invalid)?;
    Ok((token, account))
}

/// 429 `too_many_attempts` per IP, 410 `registration_token_invalid`, 400 `weak_password`, 422 for the phone;
/// otherwise a code was sent to the phone.
pub async fn register_account(state: &AppState, cmd: RegisterAccount) -> Result<ChallengeStarted, AppError> {
    let RegisterAccount { registration_token, password, phone, language, ip } = cmd;
    throttle::consume(&state.db, &format!("register-ip:{ip}"), throttle::REGISTRATIONS_PER_IP, "too_many_attempts").await?;
    let (token, account) = account_of_link(&state.db, &registration_token).await?;
    let mut inputs = vec![account.email.clone()];
    if let Some(p) = match account.person_id {
        Some(id) => persons::find(&state.db, id).await?,
        None => None,
    } {
        inputs.push(p.given_names);
        inputs.push(p.surname);
    }
    check_password_policy("password", &password, &inputs.iter().map(String::as_str).collect::<Vec<_>>())?;
    let mut f = Fields::new();
    let phone = f.check("phone", "invalid_phone", PhoneE164::parse(&phone));
    let phone = f.finish_with(phone)?;
    let hash = state.hasher.hash(password).await?;
    let txn = sitecard_persistence::begin(&state.db).await?;
    let account = remember_chosen_language(&txn, account, language.as_deref()).await?;
    let started = challenge_flow::start(
        &txn,
        state,
        "register",
        &account,
        Some(phone.as_str()),
        Some(serde_json::json!({ "password_hash": hash, "token_id": token.id })),
    )
    .await?;
    txn.commit().await?;
    state.forget_account(account.id);
    Ok(started)
}
