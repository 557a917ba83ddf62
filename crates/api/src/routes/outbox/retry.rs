//! `POST /outbox/{id}/retry`: a dead message is due again.

use actix_web::{HttpResponse, post, web};
use sitecard_app::AppError;
use sitecard_domain::Role;
use sitecard_persistence::audit::{Actor, AuditKind, Subject};
use sitecard_persistence::{audit, outbox};
use uuid::Uuid;

use crate::auth::CurrentUser;
use crate::error::ApiError;
use sitecard_app::state::AppState;

/// Send a dead message again.
///
/// Operators only, for messages in `dead`: the message is due at once with a fresh series of attempts (a
/// webhook goes to its client's current URL, signed with its current secret). Audited.
#[utoipa::path(tag = "operator", security(("bearer" = [])),
    params(("id" = Uuid, Path, description = "The message's id", example = "01a24aac-77f7-73c5-aee3-bcddea1d90c1")),
    responses(
    (status = 202, description = "Due again; the dispatcher sends it within seconds"),
    (status = 404, description = "No such message"),
    (status = 409, description = "`not_dead`: only dead messages are retried (pending ones are retried anyway)"),
))]
#[post("/outbox/{id}/retry")]
pub async fn retry_outbox_message(state: web::Data<AppState>, user: CurrentUser, id: web::Path<Uuid>) -> Result<HttpResponse, ApiError> {
    user.require(Role::Operator)?;
    let id = id.into_inner();
    let txn = sitecard_persistence::begin(&state.db).await?;
    if !outbox::retry_dead(&txn, id).await? {
        return Err(match outbox::find(&txn, id).await? {
            Some(m) => AppError::Conflict("not_dead", format!("the message is {}", m.status)).into(),
            None => AppError::NotFound.into(),
        });
    }
    let event = audit::NewAuditEvent {
        kind: AuditKind::OutboxMessageRetried,
        actor: Actor::Account(user.account_id),
        subject: Subject::OutboxMessage(id),
        data: serde_json::json!({}),
    };
    audit::append(&txn, event).await?;
    txn.commit().await?;
    Ok(HttpResponse::Accepted().finish())
}
