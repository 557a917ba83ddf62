//! The language a person chose in the app is the language they get: sent with sign-in or registration, it is
//! saved on the account before the code goes out, so this SMS and every later message use it.

use sitecard_domain::Language;
use sitecard_persistence::Conn;
use sitecard_persistence::accounts::{self, Account};

use crate::error::AppError;

/// Saves `chosen` on the account when it names a language we write and differs from the saved one. An
/// unknown code is ignored rather than refused: a sign-in must not fail over it.
pub async fn remember_chosen_language<C: Conn>(conn: &C, account: Account, chosen: Option<&str>) -> Result<Account, AppError> {
    match chosen.and_then(Language::parse) {
        Some(lang) if lang.as_str() != account.language => Ok(accounts::set_language(conn, account.id, lang.as_str()).await?),
        _ => Ok(account),
    }
}
