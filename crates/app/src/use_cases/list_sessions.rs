//! The caller's live sessions (sign-ins not yet ended), so they can end the ones they do not recognise.

use sitecard_domain::ids::AccountId;
use sitecard_persistence::sessions::{self, Session};

use crate::error::AppError;
use crate::state::AppState;

pub async fn list_sessions(state: &AppState, account_id: AccountId) -> Result<Vec<Session>, AppError> {
    Ok(sessions::active_for_account(&state.db, account_id).await?)
}
