//! `POST /outbox/{id}/retry`: a dead message is due again.

use actix_web::{HttpResponse, post, web};
use sitecard_domain::Role;
use uuid::Uuid;

use crate::auth::CurrentUser;
use crate::error::ApiError;
use sitecard_app::state::AppState;
use sitecard_app::use_cases::retry_outbox_message::{self as use_case, RetryOutboxMessage};

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
    let cmd = RetryOutboxMessage { operator_id: user.account_id, message_id: id.into_inner() };
    use_case::retry_outbox_message(&state, cmd).await?;
    Ok(HttpResponse::Accepted().finish())
}
