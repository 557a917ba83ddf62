//! Outgoing messages for operators, newest first, optionally in one delivery status (`dead` are the dead letters).

use sitecard_persistence::outbox::{self, OutboxMessage};

use crate::error::AppError;
use crate::paging::{Page, PageRequest};
use crate::state::AppState;

/// Where a message is in delivery, as stored.
pub const STATUSES: [&str; 4] = ["pending", "sending", "sent", "dead"];

/// `status`: one of [`STATUSES`] (anything else lists nothing).
pub async fn list_outbox_messages(state: &AppState, status: Option<&str>, page: PageRequest) -> Result<Page<OutboxMessage>, AppError> {
    let rows = outbox::page(&state.read, status, page.after, page.limit + 1).await?;
    Ok(Page::of(rows, page.limit, |m| m.id.to_string()))
}
