//! Proving, again, that the signed-in person holds the account: the password typed again (counted like
//! sign-in tries), and telling the account's addresses when how it signs in changed.

use sitecard_domain::Language;
use sitecard_notify::{Message, SignInChange};
use sitecard_persistence::Conn;
use sitecard_persistence::accounts::Account;

use crate::error::AppError;
use crate::state::AppState;
use crate::throttle::{self, email_key};

/// The signed-in person's password typed again: 401 `invalid_credentials` when wrong. Counted on the same window
/// as sign-ins for this address (given back when right), so a stolen token opens no second guessing channel.
pub async fn check_current_password(state: &AppState, account: &Account, password: &str) -> Result<(), AppError> {
    let key = email_key("login-acct", &account.email);
    throttle::take(&state.db, &key, throttle::LOGIN_PER_ACCOUNT, "too_many_attempts").await?;
    let ok = password.len() <= 1024 && state.hasher.verify(password.to_owned(), account.password_hash.clone()).await?;
    if !ok {
        return Err(AppError::Unauthorized("invalid_credentials"));
    }
    throttle::give_back(&state.db, &key).await
}

/// Every change to how an account signs in is told to its email address and, by SMS, to the phone it used
/// before the change, inside the transaction of the change.
pub async fn tell_sign_in_changed<C: Conn>(
    conn: &C,
    account: &Account,
    change: SignInChange,
    old_phone: Option<&str>,
) -> Result<(), AppError> {
    let lang = Language::parse(&account.language).unwrap_or_default();
    sitecard_notify::queue(conn, &account.email, &Message::SignInChanged(change), lang).await?;
    if let Some(phone) = old_phone {
        sitecard_notify::queue(conn, phone, &Message::SignInChangedSms(change), lang).await?;
    }
    Ok(())
}
