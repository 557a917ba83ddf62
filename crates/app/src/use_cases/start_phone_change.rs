//! A signed-in person (after a step-up) asks to move their phone to a new number: a code goes to that number,
//! and nothing changes until it is typed back (`confirm_phone_change`), so a typo cannot lock them out.

use sitecard_domain::PhoneE164;
use sitecard_domain::ids::AccountId;
use sitecard_persistence::accounts;

use crate::challenge_flow::{self, ChallengeStarted};
use crate::error::AppError;
use crate::state::AppState;

pub struct StartPhoneChange {
    pub account_id: AccountId,
    pub new_phone: PhoneE164,
}

/// 429 `too_many_attempts` over the account's SMS limit.
pub async fn start_phone_change(state: &AppState, cmd: StartPhoneChange) -> Result<ChallengeStarted, AppError> {
    let StartPhoneChange { account_id, new_phone } = cmd;
    let account = accounts::find(&state.db, account_id).await?.ok_or(AppError::NotFound)?;
    let txn = sitecard_persistence::begin(&state.db).await?;
    let started = challenge_flow::start(&txn, state, "phone_change", &account, Some(new_phone.as_str()), None).await?;
    txn.commit().await?;
    Ok(started)
}
