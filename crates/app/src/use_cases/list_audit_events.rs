//! The audit log for operators: newest first, filtered by subject, actor, kind and time.

use sitecard_persistence::audit::{self, AuditFilter, StoredAuditEvent};

use crate::error::AppError;
use crate::paging::{Page, PageRequest};
use crate::state::AppState;

/// `page.after`: the sequence number of the last event of the previous page.
pub async fn list_audit_events(
    state: &AppState,
    filter: &AuditFilter<'_>,
    page: PageRequest<i64>,
) -> Result<Page<StoredAuditEvent>, AppError> {
    let rows = audit::page(&state.read, filter, page.after, page.limit + 1).await?;
    Ok(Page::of(rows, page.limit, |e| e.seq.to_string()))
}
