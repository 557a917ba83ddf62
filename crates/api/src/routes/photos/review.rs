//! The partner's photo review: the queue of portraits to check, and the decision.

use actix_web::{get, post, web};
use serde::Deserialize;
use sitecard_domain::order_state::OrderStatus;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::auth::CurrentPartner;
use crate::error::{ApiError, Fields};
use crate::routes::company_orders::list::{PageQuery, page_params};
use sitecard_app::orders_flow::{CompanyOrder, OrderPage};
use sitecard_app::state::AppState;
use sitecard_app::use_cases::list_production_queue::list_production_queue;
use sitecard_app::use_cases::review_portrait::{PhotoVerdict, ReviewPortrait, review_portrait};

/// Orders waiting for photo review, oldest first.
///
/// Production partners (client-credentials token). Orders in `awaiting_photo_review` across all companies, with holder
/// data and `photo_url`, paged with `limit` and `cursor`. Read-only.
#[utoipa::path(tag = "partner", security(("partner_oauth" = [])), params(PageQuery), responses(
    (status = 200, description = "One page", body = OrderPage),
    (status = 401, description = "No partner token"),
    (status = 403, description = "Not a partner token"),
))]
#[get("/partner/photo-reviews")]
pub async fn photo_reviews(
    state: web::Data<AppState>,
    _partner: CurrentPartner,
    q: web::Query<PageQuery>,
) -> Result<web::Json<OrderPage>, ApiError> {
    let mut f = Fields::new();
    let page = page_params(&q, &mut f);
    f.finish()?;
    Ok(web::Json(list_production_queue(&state, OrderStatus::AwaitingPhotoReview, page).await?))
}

#[derive(Deserialize, ToSchema)]
pub struct PhotoDecision {
    #[schema(value_type = sitecard_app::schema_enums::PhotoDecisionValue)]
    pub decision: String,
    /// Required when rejecting (at most 500 characters); the company sees it.
    #[schema(example = "Face partly covered by a helmet")]
    pub reason: Option<String>,
}

impl TryFrom<&PhotoDecision> for PhotoVerdict {
    type Error = ApiError;

    fn try_from(body: &PhotoDecision) -> Result<Self, ApiError> {
        let mut f = Fields::new();
        let verdict = match body.decision.as_str() {
            "approved" => Some(PhotoVerdict::Approved),
            "rejected" => match body.reason.as_deref() {
                Some(r) => f.text("reason", r, 500).map(|reason| PhotoVerdict::Rejected { reason }),
                None => {
                    f.push("reason", "required", "say why the photo cannot be used");
                    None
                }
            },
            _ => {
                f.push("decision", "invalid_value", "approved or rejected");
                None
            }
        };
        f.finish_with(verdict).map_err(ApiError::from)
    }
}

/// Approve or reject an order's portrait.
///
/// Production partners (client-credentials token), for an order in `awaiting_photo_review` (409 `invalid_state`
/// otherwise). `approved` → `awaiting_cardholder` and the worker is emailed to check and accept; `rejected` (a
/// `reason` is required) → `photo_rejected` and the company's administrators are emailed to upload a new one. Audited.
#[utoipa::path(tag = "partner", security(("partner_oauth" = [])), params(("order_id" = Uuid, Path, description = "The card order's id", example = "01a22242-4c60-719a-a092-42ce5320dff0")), request_body = PhotoDecision, responses(
    (status = 200, description = "The order after the decision", body = CompanyOrder),
    (status = 404, description = "No such order"),
    (status = 409, description = "`invalid_state`: not waiting for photo review"),
    (status = 422, description = "`validation_failed`"),
))]
#[post("/partner/photo-reviews/{order_id}")]
pub async fn review_photo(
    state: web::Data<AppState>,
    partner: CurrentPartner,
    id: web::Path<Uuid>,
    body: web::Json<PhotoDecision>,
) -> Result<web::Json<CompanyOrder>, ApiError> {
    let verdict = PhotoVerdict::try_from(&*body)?;
    let cmd = ReviewPortrait { partner_client_id: partner.client_id, order_id: id.into_inner().into(), verdict };
    review_portrait(&state, cmd).await.map(web::Json).map_err(ApiError::from)
}
