//! `PUT /companies/{company_id}/card-orders/{id}/photo`: the portrait, raw JPEG or PNG.

use actix_web::{HttpRequest, put, web};
use futures_util::StreamExt;
use sitecard_domain::order_state::{self, OrderStatus};
use sitecard_persistence::{Set, audit, orders};
use uuid::Uuid;

use crate::auth::CurrentUser;
use crate::error::{ApiError, Problem};
use crate::orders_flow::{self, CompanyOrder};
use crate::photo::{self, PhotoError};
use crate::photo_store::PhotoStore;
use crate::state::AppState;

/// Raw image bytes.
#[derive(utoipa::ToSchema)]
#[schema(value_type = String, format = Binary)]
#[allow(dead_code)]
pub struct PortraitBytes(Vec<u8>);

static DECODES: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(photo::MAX_DECODES_IN_FLIGHT);

fn photo_problem(e: PhotoError) -> ApiError {
    match e {
        PhotoError::Unsupported => ApiError::UnsupportedImage,
        PhotoError::TooLarge => ApiError::PhotoTooLarge,
        PhotoError::TooSmall(..) => ApiError::Unprocessable { code: "photo_too_small", detail: e.to_string(), errors: vec![] },
        PhotoError::NotPortrait => ApiError::Unprocessable { code: "photo_not_portrait", detail: e.to_string(), errors: vec![] },
        PhotoError::Unreadable => ApiError::Unprocessable { code: "photo_unreadable", detail: e.to_string(), errors: vec![] },
    }
}

/// Reads the body up to the limit; a larger body stops being read at once.
async fn read_limited(mut payload: web::Payload) -> Result<Vec<u8>, ApiError> {
    let mut buf = Vec::new();
    while let Some(chunk) = payload.next().await {
        let chunk = chunk.map_err(|_| ApiError::InvalidBody("the upload was interrupted".into()))?;
        if buf.len() + chunk.len() > photo::MAX_BYTES {
            return Err(ApiError::PhotoTooLarge);
        }
        buf.extend_from_slice(&chunk);
    }
    Ok(buf)
}

/// Upload or replace an order's portrait.
///
/// Company administrators of this company only. The body is the raw image (`Content-Type: image/jpeg`,
/// `image/png` or `application/octet-stream`; JPEG or PNG by content, at most 5 MB, at least 600×800, portrait);
/// it is re-encoded as JPEG and stored, and the order moves to `awaiting_photo_review` for the partner's check, even if an earlier photo was approved. Allowed until the worker
/// has accepted (409 `invalid_state` after that, and for rejected or cancelled orders); audited.
#[utoipa::path(tag = "company", security(("bearer" = [])), params(
    ("company_id" = Uuid, Path, description = "The company's id", example = "019cad8f-ac00-713d-8dab-e5c7ed2ef1c1"),
    ("id" = Uuid, Path, description = "The card order's id", example = "01a22242-4c60-719a-a092-42ce5320dff0"),
),
    request_body(description = "The portrait, raw bytes", content((PortraitBytes = "image/jpeg"), (PortraitBytes = "image/png"), (PortraitBytes = "application/octet-stream"))),
    responses(
        (status = 200, description = "Stored; status `awaiting_photo_review`", body = CompanyOrder),
        (status = 404, description = "No such order in this company", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`invalid_state`: the order is confirmed or in production", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "`photo_too_large`: over 5 MB or 8000 pixels a side", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "`unsupported_image`: not a JPEG or PNG (by content)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`photo_too_small`, `photo_not_portrait` or `photo_unreadable`", body = Problem, content_type = "application/problem+json"),
    ))]
#[put("/companies/{company_id}/card-orders/{id}/photo")]
pub async fn upload_photo(
    state: web::Data<AppState>,
    user: CurrentUser,
    req: HttpRequest,
    path: web::Path<(Uuid, Uuid)>,
    payload: web::Payload,
) -> Result<web::Json<CompanyOrder>, ApiError> {
    let (company_id, id) = path.into_inner();
    orders_flow::require_company_admin(&state, &user, company_id).await?;
    let declared = req
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    // Generated clients that only send binary bodies as octet-stream can upload too: the content decides.
    if !matches!(declared.as_str(), "image/jpeg" | "image/png" | "application/octet-stream") {
        return Err(ApiError::UnsupportedImage);
    }
    if req
        .headers()
        .get("content-length")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok())
        .is_some_and(|n| n > photo::MAX_BYTES)
    {
        return Err(ApiError::PhotoTooLarge);
    }
    let order = orders_flow::company_order(&state.db, company_id, id).await?;
    let from = OrderStatus::parse(&order.status).ok_or_else(|| ApiError::internal("bad status"))?;
    order_state::photo_uploaded(from).map_err(orders_flow::invalid_state)?;
    let bytes = read_limited(payload).await?;
    // Decodes wait their turn, so parallel uploads cannot add up to more memory than `MAX_DECODES_IN_FLIGHT` allow.
    let _turn = DECODES.acquire().await.map_err(ApiError::internal)?;
    let portrait = tokio::task::spawn_blocking(move || photo::process(&bytes)).await.map_err(ApiError::internal)?.map_err(photo_problem)?;
    drop(_turn);
    let key = PhotoStore::key_for(&portrait.sha256);
    state.photos.put(&key, portrait.jpeg).await?;

    let txn = sitecard_persistence::begin(&state.db).await?;
    let order = orders_flow::company_order(&txn, company_id, id).await?;
    let from = OrderStatus::parse(&order.status).ok_or_else(|| ApiError::internal("bad status"))?;
    let to = order_state::photo_uploaded(from).map_err(orders_flow::invalid_state)?;
    let mut ch = orders::changes();
    ch.photo_key = Set(Some(key));
    ch.photo_sha256 = Set(Some(portrait.sha256.clone()));
    if !orders::transition(&txn, id, order.version, to.as_str(), ch).await? {
        return Err(orders_flow::stale_version());
    }
    audit::append(
        &txn,
        audit::NewAuditEvent {
            kind: "photo_uploaded",
            actor_id: Some(user.account_id),
            actor_kind: "account",
            subject_type: Some("card_order"),
            subject_id: Some(id),
            data: serde_json::json!({ "sha256": portrait.sha256, "width": portrait.width, "height": portrait.height }),
        },
    )
    .await?;
    let order = orders::find(&txn, id).await?.ok_or(ApiError::NotFound)?;
    let view = orders_flow::company_view(&txn, order, true).await?;
    txn.commit().await?;
    Ok(web::Json(view))
}
