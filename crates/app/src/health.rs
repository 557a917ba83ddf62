//! Readiness: whether this instance can serve (its database answers).

use crate::error::AppError;
use crate::state::AppState;

/// The database's kind (`sqlite` or `postgres`) once it has answered a round trip; 503 while it cannot be reached.
pub async fn database_ready(state: &AppState) -> Result<&'static str, AppError> {
    sitecard_persistence::ping(&state.db).await?;
    Ok(sitecard_persistence::backend_name(&state.db))
}
