//! `GET /companies/{company_id}/card-orders/{id}`.

use actix_web::{HttpResponse, get, web};
use uuid::Uuid;

use crate::auth::CurrentUser;
use crate::error::{ApiError, Problem};
use crate::orders_flow::{self, CompanyOrder};
use crate::state::AppState;

/// One order with its history. `ETag` carries the version for `If-Match`-style clients.
#[utoipa::path(tag = "company", security(("bearer" = [])), params(("company_id" = Uuid, Path), ("id" = Uuid, Path)), responses(
    (status = 200, description = "The order", body = CompanyOrder),
    (status = 403, description = "Not an administrator of this company", body = Problem, content_type = "application/problem+json"),
    (status = 404, description = "No such order in this company", body = Problem, content_type = "application/problem+json"),
))]
#[get("/companies/{company_id}/card-orders/{id}")]
pub async fn show_order(state: web::Data<AppState>, user: CurrentUser, path: web::Path<(Uuid, Uuid)>) -> Result<HttpResponse, ApiError> {
    let (company_id, id) = path.into_inner();
    orders_flow::require_company_admin(&state, &user, company_id).await?;
    let order = orders_flow::company_order(&state.read, company_id, id).await?;
    let view = orders_flow::company_view(&state.read, order, true).await?;
    Ok(HttpResponse::Ok().insert_header(("etag", format!("\"{}\"", view.version))).json(view))
}
