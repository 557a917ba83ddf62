//! `POST /me/card-orders/{id}/reject`: "this is not me" or "I do not want this card".

use actix_web::{post, web};
use serde::Deserialize;
use sitecard_domain::order_state::{self, OrderStatus};
use sitecard_notify::Message;
use sitecard_persistence::{Set, accounts, audit, orders};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::auth::CurrentUser;
use crate::error::{ApiError, Fields, Problem};
use crate::orders_flow::{self, HolderOrder};
use crate::state::AppState;

#[derive(Deserialize, ToSchema)]
pub struct RejectOrder {
    /// Why; the company sees it. At most 500 characters.
    #[schema(example = "I no longer work for this company")]
    pub reason: String,
}

/// Reject a card order with a reason (the worker).
///
/// The worker the order is for, in `awaiting_cardholder` or `needs_correction` (409 `invalid_state` otherwise). The
/// order becomes `rejected` for good, the `reason` is kept and the company's administrators are emailed; audited.
#[utoipa::path(tag = "cardholder", security(("bearer" = [])), params(("id" = Uuid, Path, description = "The card order's id", example = "01a22242-4c60-719a-a092-42ce5320dff0")), request_body = RejectOrder, responses(
    (status = 200, description = "Rejected", body = HolderOrder),
    (status = 404, description = "Not one of your orders", body = Problem, content_type = "application/problem+json"),
    (status = 409, description = "`invalid_state`", body = Problem, content_type = "application/problem+json"),
    (status = 422, description = "`validation_failed` (reason)", body = Problem, content_type = "application/problem+json"),
))]
#[post("/me/card-orders/{id}/reject")]
pub async fn reject_order(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<Uuid>,
    body: web::Json<RejectOrder>,
) -> Result<web::Json<HolderOrder>, ApiError> {
    let id = id.into_inner();
    let mut f = Fields::new();
    let reason = f.text("reason", &body.reason, 500);
    f.finish()?;
    let reason = reason.unwrap_or_default();
    let account = accounts::find(&state.db, user.account_id).await?.ok_or(ApiError::Unauthorized("invalid_token"))?;
    let txn = sitecard_persistence::begin(&state.db).await?;
    let order = orders::find_for_holder(&txn, id, account.id, &account.email).await?.ok_or(ApiError::NotFound)?;
    let from = OrderStatus::parse(&order.status).ok_or_else(|| ApiError::internal("bad status"))?;
    let to = order_state::reject_by_cardholder(from).map_err(orders_flow::invalid_state)?;
    let mut ch = orders::changes();
    ch.reason = Set(Some(reason.clone()));
    ch.account_id = Set(Some(account.id));
    if !orders::transition(&txn, id, order.version, to.as_str(), ch).await? {
        return Err(orders_flow::stale_version());
    }
    orders_flow::notify_admins(&txn, order.company_id, &Message::OrderRejected { worker: orders_flow::worker_name(&order), reason })
        .await?;
    audit::append(
        &txn,
        audit::NewAuditEvent {
            kind: "order_rejected",
            actor_id: Some(account.id),
            actor_kind: "account",
            subject_type: Some("card_order"),
            subject_id: Some(id),
            data: serde_json::json!({}),
        },
    )
    .await?;
    let order = orders::find(&txn, id).await?.ok_or(ApiError::NotFound)?;
    let company = orders_flow::company_ref(&txn, order.company_id).await?;
    let view = orders_flow::holder_view(&txn, order, company, &account).await?;
    txn.commit().await?;
    Ok(web::Json(view))
}
