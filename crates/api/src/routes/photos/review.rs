//! The partner's photo review: the queue of portraits to check, and the decision.

use actix_web::{get, post, web};
use serde::Deserialize;
use sitecard_domain::order_state::{self, OrderStatus};
use sitecard_notify::Message;
use sitecard_persistence::{Set, audit, companies, orders};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::auth::CurrentPartner;
use crate::error::{ApiError, Fields, Problem};
use crate::orders_flow::{self, CompanyOrder, OrderPage};
use crate::routes::company_orders::list::{PageQuery, page_params};
use crate::state::AppState;
use sitecard_domain::webhook_event::WebhookEventType;

/// Orders waiting for photo review, oldest first.
///
/// Production partners (client-credentials token). Orders in `awaiting_photo_review` across all companies, with holder
/// data and `photo_url`, paged with `limit` and `cursor`. Read-only.
#[utoipa::path(tag = "partner", security(("partner_oauth" = [])), params(PageQuery), responses(
    (status = 200, description = "One page", body = OrderPage),
    (status = 401, description = "No partner token", body = Problem, content_type = "application/problem+json"),
    (status = 403, description = "Not a partner token", body = Problem, content_type = "application/problem+json"),
))]
#[get("/partner/photo-reviews")]
pub async fn photo_reviews(
    state: web::Data<AppState>,
    _partner: CurrentPartner,
    q: web::Query<PageQuery>,
) -> Result<web::Json<OrderPage>, ApiError> {
    let mut f = Fields::new();
    let (limit, cursor) = page_params(&q, &mut f);
    f.finish()?;
    let rows = orders::page_by_status(&state.read, OrderStatus::AwaitingPhotoReview.as_str(), cursor, limit + 1).await?;
    Ok(web::Json(orders_flow::order_page(&state.read, rows, limit).await?))
}

#[derive(Deserialize, ToSchema)]
pub struct PhotoDecision {
    #[schema(value_type = crate::schema_enums::PhotoDecisionValue)]
    pub decision: String,
    /// Required when rejecting (at most 500 characters); the company sees it.
    #[schema(example = "Face partly covered by a helmet")]
    pub reason: Option<String>,
}

/// Approve or reject an order's portrait.
///
/// Production partners (client-credentials token), for an order in `awaiting_photo_review` (409 `invalid_state`
/// otherwise). `approved` → `awaiting_cardholder` and the worker is emailed to check and accept; `rejected` (a
/// `reason` is required) → `photo_rejected` and the company's administrators are emailed to upload a new one. Audited.
#[utoipa::path(tag = "partner", security(("partner_oauth" = [])), params(("order_id" = Uuid, Path, description = "The card order's id", example = "01a22242-4c60-719a-a092-42ce5320dff0")), request_body = PhotoDecision, responses(
    (status = 200, description = "The order after the decision", body = CompanyOrder),
    (status = 404, description = "No such order", body = Problem, content_type = "application/problem+json"),
    (status = 409, description = "`invalid_state`: not waiting for photo review", body = Problem, content_type = "application/problem+json"),
    (status = 422, description = "`validation_failed`", body = Problem, content_type = "application/problem+json"),
))]
#[post("/partner/photo-reviews/{order_id}")]
pub async fn review_photo(
    state: web::Data<AppState>,
    partner: CurrentPartner,
    id: web::Path<Uuid>,
    body: web::Json<PhotoDecision>,
) -> Result<web::Json<CompanyOrder>, ApiError> {
    let id = id.into_inner();
    let mut f = Fields::new();
    let approve = match body.decision.as_str() {
        "approved" => true,
        "rejected" => false,
        _ => {
            f.push("decision", "invalid_value", "approved or rejected");
            false
        }
    };
    let reason = if approve { None } else { body.reason.as_deref().and_then(|r| f.text("reason", r, 500)) };
    if !approve && body.reason.is_none() {
        f.push("reason", "required", "say why the photo cannot be used");
    }
    f.finish()?;
    let txn = sitecard_persistence::begin(&state.db).await?;
    let order = orders::find(&txn, id).await?.ok_or(ApiError::NotFound)?;
    let from = OrderStatus::parse(&order.status).ok_or_else(|| ApiError::internal("bad status"))?;
    let to =
        if approve { order_state::photo_approved(from) } else { order_state::photo_rejected(from) }.map_err(orders_flow::invalid_state)?;
    let mut ch = orders::changes();
    ch.reason = Set(reason.clone());
    if !orders::transition(&txn, id, order.version, to.as_str(), ch).await? {
        return Err(orders_flow::stale_version());
    }
    let company = companies::find(&txn, order.company_id).await?.ok_or(ApiError::NotFound)?;
    if approve {
        orders_flow::notify_holder(
            &txn,
            &order,
            &Message::OrderReady { company: company.name, link: state.link(&format!("/orders/{id}")) },
        )
        .await?;
    } else {
        let link = state.link(&format!("/company/{}/orders/{id}", order.company_id));
        orders_flow::notify_admins(
            &txn,
            order.company_id,
            &Message::PhotoRejected { worker: orders_flow::worker_name(&order), reason: reason.clone().unwrap_or_default(), link },
        )
        .await?;
    }
    let event = if approve { WebhookEventType::PhotoApproved } else { WebhookEventType::PhotoRejected };
    let data = crate::webhooks::PhotoWebhookData { order_id: id, status: to.as_str().to_owned(), reason: reason.clone() };
    crate::webhooks::enqueue(&txn, event, &data).await?;
    audit::append(
        &txn,
        audit::NewAuditEvent {
            kind: if approve { "photo_approved" } else { "photo_rejected" },
            actor_id: None,
            actor_kind: "partner",
            subject_type: Some("card_order"),
            subject_id: Some(id),
            data: serde_json::json!({ "partner": partner.client_id }),
        },
    )
    .await?;
    let order = orders::find(&txn, id).await?.ok_or(ApiError::NotFound)?;
    let view = orders_flow::company_view(&txn, order, true).await?;
    txn.commit().await?;
    Ok(web::Json(view))
}
