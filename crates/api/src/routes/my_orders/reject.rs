//! `POST /me/card-orders/{id}/reject`: "this is not me" or "I do not want this card".

use actix_web::{post, web};
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::auth::CurrentUser;
use crate::error::{ApiError, Fields};
use sitecard_app::orders_flow::HolderOrder;
use sitecard_app::state::AppState;
use sitecard_app::use_cases::reject_card_order::{RejectCardOrder, reject_card_order};

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
    (status = 404, description = "Not one of your orders"),
    (status = 409, description = "`invalid_state`"),
    (status = 422, description = "`validation_failed` (reason)"),
))]
#[post("/me/card-orders/{id}/reject")]
pub async fn reject_order(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<Uuid>,
    body: web::Json<RejectOrder>,
) -> Result<web::Json<HolderOrder>, ApiError> {
    let mut f = Fields::new();
    let reason = f.text("reason", &body.reason, 500);
    let reason = f.finish_with(reason)?;
    reject_card_order(&state, RejectCardOrder { account_id: user.account_id, order_id: id.into_inner().into(), reason })
        .await
        .map(web::Json)
        .map_err(ApiError::from)
}
