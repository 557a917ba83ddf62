//! `PATCH /companies/{company_id}/card-orders/{id}`: correct an order the worker has not accepted yet.

use actix_web::{patch, web};
use serde::Deserialize;
use sitecard_app::records::OrderUpdate;
use sitecard_domain::country::Nationality;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::auth::CurrentUser;
use crate::error::{ApiError, Fields};
use sitecard_app::order_input::{DeliveryInput, parse_birth_date, parse_delivery};
use sitecard_app::orders_flow::CompanyOrder;
use sitecard_app::state::AppState;
use sitecard_app::use_cases::correct_card_order::{CorrectCardOrder, correct_card_order};

#[derive(Deserialize, ToSchema)]
pub struct CorrectOrder {
    /// The version you loaded; 409 `stale_version` if the order changed since.
    #[serde(deserialize_with = "crate::json_number::integer")]
    #[schema(example = 3)]
    pub version: i32,
    #[schema(example = "Anna Maria")]
    pub given_names: Option<String>,
    #[schema(example = "Kowalska")]
    pub surname: Option<String>,
    /// `YYYY-MM-DD`.
    #[schema(value_type = Option<String>, format = Date, example = "1990-04-12")]
    pub date_of_birth: Option<String>,
    /// Empty string removes the nationality.
    #[schema(example = "POL")]
    pub nationality: Option<String>,
    /// The whole delivery address, when it changes.
    pub delivery: Option<DeliveryInput>,
}

/// The fields given, parsed into the order's changes; every field error at once.
impl TryFrom<&CorrectOrder> for OrderUpdate {
    type Error = ApiError;

    fn try_from(body: &CorrectOrder) -> Result<Self, ApiError> {
        let mut f = Fields::new();
        let mut ch = OrderUpdate::default();
        if let Some(v) = &body.given_names {
            ch.given_names = f.text("given_names", v, 200);
        }
        if let Some(v) = &body.surname {
            ch.surname = f.text("surname", v, 200);
        }
        if let Some(raw) = &body.date_of_birth {
            ch.date_of_birth = parse_birth_date(&mut f, raw);
        }
        if let Some(n) = &body.nationality {
            ch.nationality = Some(if n.trim().is_empty() {
                None
            } else {
                f.check("nationality", "invalid_country", Nationality::parse(n)).map(|n| n.as_str().to_owned())
            });
        }
        if let Some(d) = &body.delivery {
            ch.delivery = parse_delivery(&mut f, d);
        }
        f.finish()?;
        Ok(ch)
    }
}

/// Correct holder or delivery data before the worker has accepted.
///
/// Company administrators of this company only, with the `version` they loaded (409 `stale_version` otherwise). In
/// `awaiting_cardholder` or `needs_correction` the order returns to `awaiting_cardholder` and the worker is emailed to
/// check it again; during the photo step (`awaiting_photo`, `awaiting_photo_review`, `photo_rejected`) the status
/// stays and nobody is emailed. Earlier identity mismatches are cleared; audited.
#[utoipa::path(tag = "company", security(("bearer" = [])), params(
    ("company_id" = Uuid, Path, description = "The company's id", example = "019cad8f-ac00-713d-8dab-e5c7ed2ef1c1"),
    ("id" = Uuid, Path, description = "The card order's id", example = "01a22242-4c60-719a-a092-42ce5320dff0"),
), request_body = CorrectOrder, responses(
    (status = 200, description = "Corrected", body = CompanyOrder),
    (status = 404, description = "No such order in this company"),
    (status = 409, description = "`stale_version` or `invalid_state`"),
    (status = 422, description = "`validation_failed`"),
))]
#[patch("/companies/{company_id}/card-orders/{id}")]
pub async fn correct_order(
    state: web::Data<AppState>,
    user: CurrentUser,
    path: web::Path<(Uuid, Uuid)>,
    body: web::Json<CorrectOrder>,
) -> Result<web::Json<CompanyOrder>, ApiError> {
    let (company_id, id) = path.into_inner();
    crate::auth::require_company_admin(&state, &user, company_id).await?;
    let changes = OrderUpdate::try_from(&*body)?;
    let cmd =
        CorrectCardOrder { actor_id: user.account_id, company_id: company_id.into(), order_id: id.into(), version: body.version, changes };
    correct_card_order(&state, cmd).await.map(web::Json).map_err(ApiError::from)
}
