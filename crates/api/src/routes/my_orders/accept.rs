//! `POST /me/card-orders/{id}/accept`: the worker approves; the card is produced only if the order matches
//! the identity document verified in person.

use actix_web::{post, web};
use serde::Deserialize;
use std::sync::Arc;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::auth::CurrentUser;
use crate::error::ApiError;
use sitecard_app::orders_flow::HolderOrder;
use sitecard_app::state::AppState;
use sitecard_app::use_cases::accept_card_order::{AcceptCardOrder, accept_card_order};

#[derive(Deserialize, ToSchema)]
pub struct AcceptOrder {
    /// The `version` of the order you reviewed.
    #[serde(deserialize_with = "crate::json_number::integer")]
    #[schema(example = 3)]
    pub version: i32,
}

/// Accept a card order (the worker).
///
/// The worker the order is for, in `awaiting_cardholder`, with the `version` they reviewed. Contact details must be
/// complete (422 `contact_incomplete`) and the identity verified in person (422 `identity_not_verified`); when the
/// order's names, date of birth (or nationality, when given) differ from the verified document, the order moves to
/// `needs_correction`, the company's administrators are emailed and the answer is 422 `identity_mismatch`. Otherwise
/// the order is `confirmed`, the worker is emailed and partners with a webhook URL get a signed `order.confirmed`
/// webhook.
#[utoipa::path(tag = "cardholder", security(("bearer" = [])), params(("id" = Uuid, Path, description = "The card order's id", example = "01a22242-4c60-719a-a092-42ce5320dff0")), request_body = AcceptOrder, responses(
    (status = 200, description = "Accepted: status `confirmed`", body = HolderOrder),
    (status = 404, description = "Not one of your orders"),
    (status = 409, description = "`stale_version` or `invalid_state`"),
    (status = 422, description = "`contact_incomplete` (errors list the fields), `identity_mismatch` (errors list the fields; the order is now `needs_correction`) or `identity_not_verified`"),
))]
#[post("/me/card-orders/{id}/accept")]
pub async fn accept_order(
    state: web::Data<AppState>,
    user: CurrentUser,
    id: web::Path<Uuid>,
    body: web::Json<AcceptOrder>,
) -> Result<web::Json<HolderOrder>, ApiError> {
    accept_card_order(
        &state,
        AcceptCardOrder { order_id: id.into_inner().into(), version: body.version, account: Arc::unwrap_or_clone(user.account) },
    )
    .await
    .map(web::Json)
    .map_err(ApiError::from)
}
