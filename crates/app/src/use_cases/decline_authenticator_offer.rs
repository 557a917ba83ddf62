//! "No, thanks" to the authenticator app after an SMS sign-in, remembered on the account so the offer is not made
//! again (the app can still be set up from "Sign-in and security").

use sitecard_domain::ids::AccountId;
use sitecard_persistence::accounts;

use crate::error::AppError;
use crate::state::AppState;

pub async fn decline_authenticator_offer(state: &AppState, account_id: AccountId) -> Result<(), AppError> {
    accounts::decline_totp_offer(&state.db, account_id).await?;
    // The account as cached with its sessions still says "not declined".
    state.forget_account(account_id);
    Ok(())
}
