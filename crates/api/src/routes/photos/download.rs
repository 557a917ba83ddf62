//! `GET /card-orders/{id}/photo`: only the order's company admins, its cardholder, verifiers and the
//! production partner; never public, never cached by shared caches.

use actix_web::{HttpRequest, HttpResponse, get, web};
use sitecard_domain::Role;
use uuid::Uuid;

use crate::auth::extract::{user_from_claims, verified_bearer};
use crate::error::ApiError;
use sitecard_app::state::AppState;
use sitecard_app::use_cases::download_portrait::{PortraitViewer, download_portrait};

/// Download an order's portrait as JPEG.
///
/// Only the order's company administrators, its worker, verifiers and production partners; for anyone else the order
/// does not exist (404), as for an order without a photo. Sent with `Cache-Control: private, max-age=300`. Read-only.
#[utoipa::path(tag = "cardholder", security(("bearer" = []), ("partner_oauth" = [])), params(("id" = Uuid, Path, description = "The card order's id", example = "01a22242-4c60-719a-a092-42ce5320dff0")), responses(
    (status = 200, description = "The portrait", content_type = "image/jpeg", body = crate::routes::photos::upload::PortraitBytes),
    (status = 401, description = "Not signed in"),
    (status = 404, description = "No such order, no photo, or not yours to see"),
))]
#[get("/card-orders/{id}/photo")]
pub async fn download_photo(state: web::Data<AppState>, req: HttpRequest, id: web::Path<Uuid>) -> Result<HttpResponse, ApiError> {
    let (_, claims) = verified_bearer(&req)?;
    let viewer = match claims.typ.as_str() {
        "partner" => PortraitViewer::Partner { client_id: &claims.sub },
        _ => {
            let user = user_from_claims(&state, &claims).await?;
            PortraitViewer::Person { account_id: user.account_id, verifier: user.has(Role::Verifier) }
        }
    };
    let bytes = download_portrait(&state, viewer, (*id).into()).await?;
    Ok(HttpResponse::Ok()
        .content_type("image/jpeg")
        .insert_header(("cache-control", "private, max-age=300"))
        .insert_header(("x-content-type-options", "nosniff"))
        .body(bytes))
}
