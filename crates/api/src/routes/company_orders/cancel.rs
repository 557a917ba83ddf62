//! `POST /companies/{company_id}/card-orders/{id}/cancel`.

use actix_web::{post, web};
use serde::Deserialize;
use sitecard_domain::order_state;
use sitecard_persistence::audit::{Actor, AuditKind, Subject};
use sitecard_persistence::{audit, orders};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::orders_flow::{self, CompanyOrder};
use crate::state::AppState;
use sitecard_domain::webhook_event::WebhookEventType;

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
    orders_flow::require_company_admin(&state, &user, company_id).await?;
    let reason = body.and_then(|b| b.into_inner().reason).map(|r| r.trim().chars().take(500).collect::<String>()).filter(|r| !r.is_empty());
    let txn = sitecard_persistence::begin(&state.db).await?;
    let order = orders_flow::company_order(&txn, company_id, id).await?;
    let from = order.status;
    let to = order_state::cancel(from).map_err(orders_flow::invalid_state)?;
    let ch = orders::OrderUpdate { reason: reason.is_some().then(|| reason.clone()), ..Default::default() };
    if !orders::transition(&txn, id, order.version, to, ch).await? {
        return Err(orders_flow::stale_version());
    }
    orders_flow::enqueue_webhooks(&txn, WebhookEventType::OrderCancelled, id, to.as_str()).await?;
    audit::append(
        &txn,
        audit::NewAuditEvent {
            kind: AuditKind::OrderCancelled,
            actor: Actor::Account(user.account_id),
            subject: Subject::CardOrder(id),
            data: serde_json::json!({ "from": from.as_str() }),
        },
    )
    .await?;
    let order = orders::find(&txn, id).await?.ok_or(ApiError::NotFound)?;
    let view = orders_flow::company_view(&txn, order, true).await?;
    txn.commit().await?;
    Ok(web::Json(view))
}
