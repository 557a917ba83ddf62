//! Whether an emailed registration (or invitation) link is still usable, and for which address, so the web app
//! can say so before the worker types a password and a phone.

use crate::error::AppError;
use crate::state::AppState;
use crate::throttle::{self, Limit};
use crate::use_cases::register_account::account_of_link;

/// Link checks per client IP: a site office registers many workers, but tokens are not to be guessed.
pub const CHECKS_PER_IP: Limit = Limit { max: 60, window_secs: 3600 };

/// The email address the link is for.
pub async fn check_registration_link(state: &AppState, link_token: &str, ip: &str) -> Result<String, AppError> {
    throttle::consume(&state.db, &format!("register-check-ip:{ip}"), CHECKS_PER_IP, "too_many_attempts").await?;
    Ok(account_of_link(&state.read, link_token).await?.1.email)
}
