//! An operator sends a dead outbox message again: it is due at once with a fresh series of attempts, so an
//! email, SMS or webhook whose receiver was down for longer than the retries last is delivered after all.
//! Audited.

use sitecard_domain::ids::AccountId;
use sitecard_persistence::audit::{Actor, AuditKind, Subject};
use sitecard_persistence::{audit, outbox};
use uuid::Uuid;

use crate::error::AppError;
use crate::state::AppState;

pub struct RetryOutboxMessage {
    pub operator_id: AccountId,
    pub message_id: Uuid,
}

/// 404 for an unknown message, 409 `not_dead` for one that is not dead.
pub async fn retry_outbox_message(state: &AppState, cmd: RetryOutboxMessage) -> Result<(), AppError> {
    let RetryOutboxMessage { operator_id, message_id } = cmd;
    let txn = sitecard_persistence::begin(&state.db).await?;
    if !outbox::retry_dead(&txn, message_id).await? {
        return Err(match outbox::find(&txn, message_id).await? {
            Some(m) => AppError::Conflict("not_dead", format!("the message is {}", m.status)),
            None => AppError::NotFound,
        });
    }
    let event = audit::NewAuditEvent {
        kind: AuditKind::OutboxMessageRetried,
        actor: Actor::Account(operator_id.into()),
        subject: Subject::OutboxMessage(message_id),
        data: serde_json::json!({}),
    };
    audit::append(&txn, event).await?;
    txn.commit().await?;
    Ok(())
}
