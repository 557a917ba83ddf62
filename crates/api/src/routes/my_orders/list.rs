//! `GET /me/card-orders` and `GET /me/card-orders/{id}`.

use actix_web::{get, web};
use sitecard_app::AppError;
use sitecard_persistence::orders;
use uuid::Uuid;

use crate::auth::CurrentUser;
use crate::error::ApiError;
use sitecard_app::orders_flow::{self, HolderOrder};
use sitecard_app::state::AppState;

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
    let (account, person) = (&user.account, user.person.as_ref());
    let rows = orders::list_for_holder_with_history(&state.read, account.id, &account.email).await?;
    Ok(web::Json(
        rows.into_iter()
            .map(|(order, company, history)| orders_flow::to_holder_order(order, company.into(), account, person, history))
            .collect(),
    ))
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
    let account = &user.account;
    // The verified document came with the session: one statement per read.
    let found = orders::find_for_holder_with_history(&state.read, *id, account.id, &account.email).await?;
    let (order, company, history) = found.ok_or(AppError::NotFound)?;
    Ok(web::Json(orders_flow::to_holder_order(order, company.into(), account, user.person.as_ref(), history)))
}
