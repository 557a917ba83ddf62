//! `POST /partner/production-orders/{id}/events`: the partner reports production progress. With an
//! `Idempotency-Key`, a retried event returns the first answer and changes nothing.

use actix_web::{HttpRequest, HttpResponse, post, web};
use sitecard_app::AppError;
use uuid::Uuid;

use crate::auth::CurrentPartner;
use crate::error::ApiError;
use sitecard_app::crypto::token_hash;
use sitecard_app::orders_flow::CompanyOrder;
use sitecard_app::state::AppState;
pub use sitecard_app::use_cases::apply_production_event::ProductionEvent;
use sitecard_app::use_cases::apply_production_event::{ApplyProductionEvent, apply_production_event};

/// Report a production step for an order.
///
/// Production partners (client-credentials token). `accepted` (confirmed → in_production), `produced` (needs
/// `card_number`; creates the `inactive` card, valid 5 years or until the holder's residence permit ends if earlier; the order stays in_production), `shipped` (in_production
/// → shipped, after `produced`; the worker is emailed the tracking number), `delivered` (shipped → delivered), `failed`
/// (confirmed or in_production → production_failed; the company's administrators are emailed). With `Idempotency-Key`
/// a retry returns the first answer (`Idempotent-Replayed: true`) and changes nothing; audited.
#[utoipa::path(tag = "partner", security(("partner_oauth" = [])), params(
    ("id" = Uuid, Path, description = "The card order's id", example = "01a22242-4c60-719a-a092-42ce5320dff0"),
    ("Idempotency-Key" = Option<String>, Header, description = "At most 200 characters; retries with the same key return the first answer, and the same key with a different body is 422 `idempotency_key_reused`", example = "6b1f0c2e-3a4d-4e5f-8a9b-0c1d2e3f4a5b"),
), request_body = ProductionEvent, responses(
    (status = 200, description = "The order after the event", body = CompanyOrder),
    (status = 404, description = "No such order"),
    (status = 409, description = "`invalid_state`, `card_number_taken` or `stale_version`"),
    (status = 422, description = "`validation_failed` or `idempotency_key_reused` (same key, different request)"),
))]
#[post("/partner/production-orders/{id}/events")]
pub async fn production_event(
    state: web::Data<AppState>,
    partner: CurrentPartner,
    req: HttpRequest,
    id: web::Path<Uuid>,
    body: web::Bytes,
) -> Result<HttpResponse, ApiError> {
    let event: ProductionEvent = json_body(&req, &body)?;
    let key = req.headers().get("idempotency-key").and_then(|v| v.to_str().ok()).map(str::trim).filter(|k| !k.is_empty());
    if key.is_some_and(|k| k.len() > 200) {
        return Err(AppError::BadRequest("invalid_idempotency_key", "at most 200 characters".into()).into());
    }
    let id = id.into_inner();
    let cmd = ApplyProductionEvent {
        idempotency_key: key.map(|k| format!("partner:{}:{k}", partner.client_id)),
        request_hash: token_hash(&format!("{id}:{}", String::from_utf8_lossy(&body))),
        partner_client_id: partner.client_id,
        order_id: id.into(),
        event,
    };
    let answer = apply_production_event(&state, cmd).await?;
    let mut res = HttpResponse::Ok();
    if answer.replayed {
        res.insert_header(("idempotent-replayed", "true"));
    }
    Ok(res.content_type("application/json").body(answer.body))
}

/// The body as JSON, read by hand: the raw bytes are part of the idempotency check.
fn json_body<T: serde::de::DeserializeOwned>(req: &HttpRequest, body: &[u8]) -> Result<T, ApiError> {
    let is_json = req.headers().get("content-type").and_then(|v| v.to_str().ok()).is_some_and(|ct| ct.starts_with("application/json"));
    if !is_json {
        return Err(ApiError::UnsupportedMediaType);
    }
    if body.len() > crate::error::extractors::JSON_LIMIT {
        return Err(AppError::PayloadTooLarge.into());
    }
    serde_json::from_slice(body)
        .map_err(|e| if e.is_data() { ApiError::InvalidBody(e.to_string()) } else { ApiError::MalformedJson(e.to_string()) })
}
