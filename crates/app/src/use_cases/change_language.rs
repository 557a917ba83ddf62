//! A signed-in person chooses the language of their emails and SMS (parsed by the handler).

use sitecard_domain::Language;
use sitecard_domain::ids::AccountId;
use sitecard_persistence::accounts::{self, Account, AccountUpdate};

use crate::error::AppError;
use crate::state::AppState;

pub async fn change_language(state: &AppState, account_id: AccountId, language: Language) -> Result<Account, AppError> {
    let update = AccountUpdate { language: Some(language.as_str().to_owned()), ..Default::default() };
    let account = accounts::update(&state.db, account_id, update).await?;
    state.forget_account(account.id);
    Ok(account)
}
