//! `PUT /companies/{company_id}/card-orders/{id}/photo`: the portrait, raw JPEG or PNG.

use actix_web::{HttpRequest, put, web};
use futures_util::StreamExt;
use sitecard_app::AppError;
use uuid::Uuid;

use crate::auth::CurrentUser;
use crate::error::ApiError;
use sitecard_app::orders_flow::CompanyOrder;
use sitecard_app::photo;
use sitecard_app::state::AppState;
use sitecard_app::use_cases::upload_portrait::{UploadPortrait, may_upload_portrait, upload_portrait};

/// Raw image bytes.
#[derive(utoipa::ToSchema)]
#[schema(value_type = String, format = Binary)]
#[allow(dead_code)]
pub struct PortraitBytes(Vec<u8>);

/// Reads the body up to the limit; a larger body stops being read at once.
async fn read_limited(mut payload: web::Payload) -> Result<Vec<u8>, ApiError> {
    let mut buf = Vec::new();
    while let Some(chunk) = payload.next().await {
        let chunk = chunk.map_err(|_| ApiError::InvalidBody("the upload was interrupted".into()))?;
        if buf.len() + chunk.len() > photo::MAX_BYTES {
            return Err(AppError::PhotoTooLarge.into());
        }
        buf.extend_from_slice(&chunk);
    }
    Ok(buf)
}

/// The declared type and length, before any byte is read.
fn check_declared_upload(req: &HttpRequest) -> Result<(), ApiError> {
    let header = |name: &str| req.headers().get(name).and_then(|v| v.to_str().ok()).unwrap_or_default();
    let declared = header("content-type").split(';').next().unwrap_or_default().trim().to_ascii_lowercase();
    // Generated clients that only send binary bodies as octet-stream can upload too: the content decides.
    if !matches!(declared.as_str(), "image/jpeg" | "image/png" | "application/octet-stream") {
        return Err(AppError::UnsupportedImage.into());
    }
    if header("content-length").parse::<usize>().is_ok_and(|n| n > photo::MAX_BYTES) {
        return Err(AppError::PhotoTooLarge.into());
    }
    Ok(())
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
        (status = 404, description = "No such order in this company"),
        (status = 409, description = "`invalid_state`: the order is confirmed or in production"),
        (status = 413, description = "`photo_too_large`: over 5 MB or 8000 pixels a side"),
        (status = 415, description = "`unsupported_image`: not a JPEG or PNG (by content)"),
        (status = 422, description = "`photo_too_small`, `photo_not_portrait` or `photo_unreadable`"),
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
    crate::auth::require_company_admin(&state, &user, company_id).await?;
    check_declared_upload(&req)?;
    // Refused before the body is read: no upload for an order past the photo step.
    may_upload_portrait(&state, company_id.into(), id.into()).await?;
    let bytes = read_limited(payload).await?;
    let cmd = UploadPortrait { actor_id: user.account_id, company_id: company_id.into(), order_id: id.into(), bytes };
    upload_portrait(&state, cmd).await.map(web::Json).map_err(ApiError::from)
}
