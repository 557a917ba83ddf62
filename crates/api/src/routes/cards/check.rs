//! `GET /card-check/{card_number}`: is this card valid? For site managers and gate systems; no login, no
//! personal data, rate-limited per client.

use actix_web::{HttpResponse, get, web};

use crate::auth::ClientInfo;
use crate::error::ApiError;
use sitecard_app::state::AppState;
use sitecard_app::use_cases::check_card::{CardCheckResult, check_card as use_case};

/// Whether a card is valid now (public card check).
///
/// No sign-in: for site managers and gate systems. The answer holds only the status, the reason when not valid,
/// `valid_until` and the employer's name, never personal data; unknown and malformed numbers are simply `not_valid`
/// with reason `unknown`. Limited to 60 checks a minute per client IP (429 `too_many_attempts`).
#[utoipa::path(tag = "public", params(("card_number" = String, Path, description = "The number as printed, e.g. `AB1234567890` (letter case and spaces are ignored)", example = "AB1234567890")), responses(
    (status = 200, description = "The answer", body = CardCheckResult),
    (status = 429, description = "`too_many_attempts`"),
))]
#[get("/card-check/{card_number}")]
pub async fn check_card(state: web::Data<AppState>, client: ClientInfo, number: web::Path<String>) -> Result<HttpResponse, ApiError> {
    let body = use_case(&state, &number, &client.ip).await?;
    Ok(HttpResponse::Ok().insert_header(("cache-control", "no-store")).json(body))
}
