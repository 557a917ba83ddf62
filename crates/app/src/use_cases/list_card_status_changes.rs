//! The gate feed: every card status and validity change in order after a cursor, so a site system that keeps
//! its cursor holds a current block list (like a certificate revocation list's deltas).

use sitecard_persistence::card_feed::{self, CardStatusChange};

use crate::error::AppError;
use crate::state::AppState;

/// Changes reach the feed this long after they are made, so none is skipped by a reader whose cursor has
/// passed a change still being committed.
const SETTLE_SECONDS: i64 = 2;

pub struct CardStatusChanges {
    pub items: Vec<CardStatusChange>,
    /// Always present: the cursor to poll with next (the same one when nothing changed).
    pub next_cursor: i32,
}

/// `after`: the previous answer's `next_cursor`, 0 for the beginning.
pub async fn list_card_status_changes(state: &AppState, after: i32, limit: u64) -> Result<CardStatusChanges, AppError> {
    let after = after.max(0);
    let settled = sitecard_domain::clock::now() - chrono::Duration::seconds(SETTLE_SECONDS);
    let items = card_feed::after(&state.read, after, settled, limit).await?;
    let next_cursor = items.last().map_or(after, |r| r.seq);
    Ok(CardStatusChanges { items, next_cursor })
}
