//! Development mode only: the outgoing SMS and email, newest first, so a developer (and the browser tests) can
//! read login codes and links without a phone. A 404 in every other mode.

use sitecard_persistence::outbox::{self, OutboxMessage};

use crate::error::AppError;
use crate::state::AppState;

/// At most this many: a developer looks at the last few messages.
const NEWEST: u64 = 200;

/// `to`: only the messages to this email address or phone number.
pub async fn list_dev_outbox(state: &AppState, to: Option<&str>) -> Result<Vec<OutboxMessage>, AppError> {
    if !state.config.dev_mode {
        return Err(AppError::NotFound);
    }
    Ok(outbox::recent(&state.read, to, NEWEST).await?)
}
