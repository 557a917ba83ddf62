//! `GET /companies/{company_id}/card-orders/{id}`.

use actix_web::{HttpResponse, get, web};
use uuid::Uuid;

use crate::auth::CurrentUser;
use crate::error::ApiError;
use sitecard_app::orders_flow::{self, CompanyOrder};
use sitecard_app::state::AppState;

/// Read one of the company's card orders with its history.
///
/// Company administrators of this company only; an order of another company is a 404. `ETag` carries the order's
/// `version`, which a correction sends back in its body (`If-Match` is not read). Read-only.
#[utoipa::path(tag = "company", security(("bearer" = [])), params(
    ("company_id" = Uuid, Path, description = "The company's id", example = "019cad8f-ac00-713d-8dab-e5c7ed2ef1c1"),
    ("id" = Uuid, Path, description = "The card order's id", example = "01a22242-4c60-719a-a092-42ce5320dff0"),
), responses(
    (status = 200, description = "The order", body = CompanyOrder, headers(
        ("ETag" = String, description = "The order's `version` as a strong entity tag, e.g. `\"3\"`"),
    )),
    (status = 403, description = "Not an administrator of this company"),
    (status = 404, description = "No such order in this company"),
))]
#[get("/companies/{company_id}/card-orders/{id}")]
pub async fn show_order(state: web::Data<AppState>, user: CurrentUser, path: web::Path<(Uuid, Uuid)>) -> Result<HttpResponse, ApiError> {
    let (company_id, id) = path.into_inner();
    crate::auth::require_company_admin(&state, &user, company_id).await?;
    let order = orders_flow::company_order(&state.read, company_id.into(), id.into()).await?;
    let view = orders_flow::company_view(&state.read, order, true).await?;
    Ok(HttpResponse::Ok().insert_header(("etag", format!("\"{}\"", view.version))).json(view))
}
