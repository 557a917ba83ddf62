//! `POST /companies/{company_id}/card-orders`.

use actix_web::{HttpResponse, post, web};
use uuid::Uuid;

use crate::auth::CurrentUser;
use crate::error::ApiError;
use sitecard_app::order_input::CreateOrder;
use sitecard_app::orders_flow::CompanyOrder;
use sitecard_app::state::AppState;
use sitecard_app::use_cases::place_card_order::{ParsedOrder, place_card_order};

/// Order a card for a worker.
///
/// Company administrators of this company only. The order starts in `awaiting_photo`, is linked to the worker's
/// account when one exists for `email`, and the worker is emailed a link to it; audited, and `Idempotency-Key` is
/// honoured. Next: upload the portrait (`PUT …/photo`); after the partner approves it the worker checks and accepts.
#[utoipa::path(tag = "company", security(("bearer" = [])), params(("company_id" = Uuid, Path, description = "The company's id", example = "019cad8f-ac00-713d-8dab-e5c7ed2ef1c1")), request_body = CreateOrder, responses(
    (status = 201, description = "Ordered; status `awaiting_photo` until a portrait is uploaded with `PUT …/photo`", body = CompanyOrder),
    (status = 403, description = "Not an administrator of this company"),
    (status = 422, description = "`validation_failed`"),
))]
#[post("/companies/{company_id}/card-orders")]
pub async fn create_order(
    state: web::Data<AppState>,
    user: CurrentUser,
    company_id: web::Path<Uuid>,
    body: web::Json<CreateOrder>,
) -> Result<HttpResponse, ApiError> {
    let company_id = company_id.into_inner();
    crate::auth::require_company_admin(&state, &user, company_id).await?;
    let parsed = ParsedOrder::try_from(&*body)?;
    let view = place_card_order(&state, user.account_id, company_id.into(), parsed).await?;
    Ok(HttpResponse::Created().insert_header(("location", format!("/api/v1/companies/{company_id}/card-orders/{}", view.id))).json(view))
}
