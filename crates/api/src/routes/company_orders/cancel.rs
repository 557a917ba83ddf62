//! `POST /companies/{company_id}/card-orders/{id}/cancel`.

use actix_web::{post, web};
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::auth::CurrentUser;
use crate::error::ApiError;
use sitecard_app::orders_flow::CompanyOrder;
use sitecard_app::state::AppState;
use sitecard_app::use_cases::cancel_card_order::{CancelCardOrder, cancel_card_order};

#[derive(Deserialize, ToSchema, Default)]
pub struct CancelOrder {
    /// Kept on the order, trimmed and cut to 500 characters.
    #[serde(default)]
    #[schema(example = "The worker is no longer on the project")]
    pub reason: Option<String>,
}

/// Cancel an order before production starts.
///
/// Company administrators of this company only; allowed up to `confirmed` (409 `invalid_state` once production has
/// started). The optional `reason` is kept on the order, partners with a webhook URL are sent a signed
/// `order.cancelled` webhook, and the cancellation is audited; the worker is not emailed. Honours `Idempotency-Key`.
#[utoipa::path(tag = "company", security(("bearer" = [])), params(
    ("company_id" = Uuid, Path, description = "The company's id", example = "019cad8f-ac00-713d-8dab-e5c7ed2ef1c1"),
    ("id" = Uuid, Path, description = "The card order's id", example = "01a22242-4c60-719a-a092-42ce5320dff0"),
), request_body(content = CancelOrder, description = "Optional reason"), responses(
    (status = 200, description = "Cancelled", body = CompanyOrder),
    (status = 404, description = "No such order in this company"),
    (status = 409, description = "`invalid_state`: production has started"),
))]
#[post("/companies/{company_id}/card-orders/{id}/cancel")]
pub async fn cancel_order(
    state: web::Data<AppState>,
    user: CurrentUser,
    path: web::Path<(Uuid, Uuid)>,
    body: Option<web::Json<CancelOrder>>,
) -> Result<web::Json<CompanyOrder>, ApiError> {
    let (company_id, id) = path.into_inner();
    crate::auth::require_company_admin(&state, &user, company_id).await?;
    let reason = body.and_then(|b| b.into_inner().reason).map(|r| r.trim().chars().take(500).collect::<String>()).filter(|r| !r.is_empty());
    cancel_card_order(&state, CancelCardOrder { actor_id: user.account_id, company_id: company_id.into(), order_id: id.into(), reason })
        .await
        .map(web::Json)
        .map_err(ApiError::from)
}
