//! `POST /companies/{company_id}/cards/{id}/renew`: a new order from the card's details.

use actix_web::{HttpResponse, post, web};
use uuid::Uuid;

use crate::auth::CurrentUser;
use crate::error::ApiError;
use sitecard_app::orders_flow::CompanyOrder;
use sitecard_app::state::AppState;
use sitecard_app::use_cases::renew_card::{self as use_case, RenewCard};

/// Renew a card.
///
/// Company administrators of this company only. Orders a new card for the same worker from the card's order
/// (names, date of birth, nationality, email, phone, delivery): the new order starts in `awaiting_photo` and the
/// worker is emailed as for any order. The current card keeps working until the new one is activated, which
/// terminates it. Not for a terminated card (409 `invalid_state`). Audited.
#[utoipa::path(tag = "company", security(("bearer" = [])), params(
    ("company_id" = Uuid, Path, description = "The company's id", example = "019cad8f-ac00-713d-8dab-e5c7ed2ef1c1"),
    ("id" = Uuid, Path, description = "The card's id", example = "01a24aac-1111-7c2a-9d3e-4f5a6b7c8d9e"),
), responses(
    (status = 201, description = "The new order, `awaiting_photo`", body = CompanyOrder),
    (status = 404, description = "No such card in this company"),
    (status = 409, description = "`invalid_state`: the card is terminated"),
    (status = 422, description = "`validation_failed`: the old order's details no longer pass today's rules (correct them in a new order)"),
))]
#[post("/companies/{company_id}/cards/{id}/renew")]
pub async fn renew_card(state: web::Data<AppState>, user: CurrentUser, path: web::Path<(Uuid, Uuid)>) -> Result<HttpResponse, ApiError> {
    let (company_id, id) = path.into_inner();
    crate::auth::require_company_admin(&state, &user, company_id).await?;
    let view =
        use_case::renew_card(&state, RenewCard { actor_id: user.account_id, company_id: company_id.into(), card_id: id.into() }).await?;
    let location = format!("/api/v1/companies/{company_id}/card-orders/{}", view.id);
    Ok(HttpResponse::Created().insert_header(("location", location)).json(view))
}
