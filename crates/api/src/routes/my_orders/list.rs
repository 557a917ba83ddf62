//! `GET /me/card-orders` and `GET /me/card-orders/{id}`.

use actix_web::{get, web};
use uuid::Uuid;

use crate::auth::CurrentUser;
use crate::error::ApiError;
use sitecard_app::orders_flow::HolderOrder;
use sitecard_app::state::AppState;
use sitecard_app::use_cases::list_my_orders as use_case;

/// List the caller's card orders, newest first.
///
/// Any signed-in account: the orders linked to its account or placed for its email address, each with its history,
/// the contact fields still missing and the identity check. Read-only.
#[utoipa::path(tag = "cardholder", security(("bearer" = [])), responses(
    (status = 200, description = "Orders", body = Vec<HolderOrder>),
    (status = 401, description = "Not signed in"),
))]
#[get("/me/card-orders")]
pub async fn list_my_orders(state: web::Data<AppState>, user: CurrentUser) -> Result<web::Json<Vec<HolderOrder>>, ApiError> {
    Ok(web::Json(use_case::list_my_orders(&state, &user.account, user.person.as_deref()).await?))
}

/// Read one of the caller's card orders.
///
/// The worker the order is for (by account or email address; anyone else gets 404). Includes the contact fields still
/// missing, the identity check against the verified document and the status history. Read-only.
#[utoipa::path(tag = "cardholder", security(("bearer" = [])), params(("id" = Uuid, Path, description = "The card order's id", example = "01a22242-4c60-719a-a092-42ce5320dff0")), responses(
    (status = 200, description = "The order", body = HolderOrder),
    (status = 404, description = "Not one of your orders"),
))]
#[get("/me/card-orders/{id}")]
pub async fn show_my_order(state: web::Data<AppState>, user: CurrentUser, id: web::Path<Uuid>) -> Result<web::Json<HolderOrder>, ApiError> {
    Ok(web::Json(use_case::show_my_order(&state, &user.account, user.person.as_deref(), (*id).into()).await?))
}
