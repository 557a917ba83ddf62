//! `GET /card-orders/{id}/photo`: only the order's company admins, its cardholder, verifiers and the
//! production partner; never public, never cached by shared caches.

use actix_web::{HttpRequest, HttpResponse, get, web};
use sitecard_app::AppError;
use sitecard_domain::Role;
use sitecard_persistence::{accounts, companies, orders, partners};
use uuid::Uuid;

use crate::auth::extract::{bearer_token, user_from_claims};
use crate::error::ApiError;
use sitecard_app::state::AppState;

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
    let token = bearer_token(&req).ok_or(AppError::Unauthorized("unauthenticated"))?;
    let claims = state.keys.verify(&token).ok_or(AppError::Unauthorized("invalid_token"))?;
    let order = orders::find(&state.db, *id).await?;
    let allowed = match claims.typ.as_str() {
        "partner" => partners::find_by_client_id(&state.db, &claims.sub).await?.is_some(),
        _ => {
            let user = user_from_claims(&state, &claims).await?;
            match &order {
                Some(o) if user.has(Role::Verifier) => o.photo_key.is_some(),
                Some(o) if companies::is_admin(&state.db, o.company_id, user.account_id).await? => true,
                Some(o) if o.account_id == Some(user.account_id) => true,
                Some(o) => accounts::find(&state.db, user.account_id).await?.is_some_and(|a| a.email == o.email),
                None => false,
            }
        }
    };
    let key = order.and_then(|o| o.photo_key).filter(|_| allowed).ok_or(AppError::NotFound)?;
    let bytes = state.photos.get(&key).await?;
    Ok(HttpResponse::Ok()
        .content_type("image/jpeg")
        .insert_header(("cache-control", "private, max-age=300"))
        .insert_header(("x-content-type-options", "nosniff"))
        .body(bytes))
}
