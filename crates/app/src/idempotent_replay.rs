//! `Idempotency-Key` for the HTTP layer: the first answer to a keyed request is kept for 24 hours and replayed
//! to retries of the same request by the same caller (the key is already scoped by caller when it gets here).

use chrono::Utc;
use sitecard_persistence::idempotency;

use crate::state::AppState;

/// What to do with a keyed request.
pub enum Replay {
    /// Never seen (or its claim was abandoned): run it, then [`keep`] the answer.
    Run,
    /// The same key with a different request.
    KeyReused,
    /// Claimed by a request still running, here or on another instance: its answer is not known yet.
    InProgress,
    /// The kept answer.
    Answer { status: u16, body: String },
}

pub async fn look_up(state: &AppState, key: &str, request_hash: &str) -> Replay {
    let mut found = idempotency::find(&state.db, key).await;
    // A claim whose request died before answering (a killed process) is released after its lease.
    if let Ok(Some(stale)) = &found
        && stale.status == 0
        && stale.created_at < Utc::now() - idempotency::CLAIM_LEASE
        && idempotency::release_abandoned(&state.db, key).await.unwrap_or(false)
    {
        found = Ok(None);
    }
    match found {
        Ok(Some(stored)) if stored.request_hash != request_hash => Replay::KeyReused,
        Ok(Some(stored)) if stored.status == 0 => Replay::InProgress,
        Ok(Some(stored)) => Replay::Answer { status: u16::try_from(stored.status).unwrap_or(200), body: stored.body },
        // An unreadable store must not refuse the request: it runs, unprotected, as without a key.
        Ok(None) | Err(_) => Replay::Run,
    }
}

/// Keeps the answer, unless another request with the key got there first.
pub async fn keep(state: &AppState, key: &str, request_hash: &str, status: u16, body: &str) {
    if idempotency::claim(&state.db, key, request_hash).await.is_ok() {
        let _ = idempotency::store(&state.db, key, status, body).await;
    }
}
