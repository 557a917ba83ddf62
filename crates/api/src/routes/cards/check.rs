//! `GET /card-check/{card_number}`: is this card valid? For site managers and gate systems; no login, no
//! personal data, rate-limited per client.

use actix_web::{HttpResponse, get, web};
use chrono::NaiveDate;
use serde::Serialize;
use sitecard_domain::card_number::CardNumber;
use sitecard_domain::card_state::{CardCheck, check_card as evaluate};
use sitecard_persistence::{cards, companies};
use utoipa::ToSchema;

use crate::auth::ClientInfo;
use crate::error::ApiError;
use sitecard_app::cards_flow::today;
use sitecard_app::state::AppState;
use sitecard_app::throttle::{self, Limit};

/// Checks per client IP per minute.
pub const CHECKS_PER_IP: Limit = Limit { max: 60, window_secs: 60 };

#[derive(Serialize, ToSchema)]
pub struct CardCheckResult {
    #[schema(value_type = sitecard_app::schema_enums::CardCheckStatus)]
    pub status: String,
    /// Why not: `blocked`, `terminated`, `expired`, `not_activated` or `unknown`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<sitecard_app::schema_enums::CardCheckReason>)]
    pub reason: Option<String>,
    /// The last day the card is valid (absent for unknown numbers).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(example = "2031-12-03")]
    pub valid_until: Option<NaiveDate>,
    /// The employer on the card.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(example = "Demo Bygg AB")]
    pub company_name: Option<String>,
}

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
    throttle::consume(&state.db, &format!("card-check:{}", client.ip), CHECKS_PER_IP, "too_many_attempts").await?;
    let card = match CardNumber::parse(&number) {
        Ok(n) => cards::find_by_number(&state.db, n.as_str()).await?,
        Err(_) => None,
    };
    let status = card.as_ref().map(|c| c.status);
    let answer = evaluate(status, card.as_ref().map(|c| c.valid_until), today());
    let company_name = match &card {
        Some(c) => companies::find(&state.db, c.company_id).await?.map(|co| co.name),
        None => None,
    };
    let body = match answer {
        CardCheck::Valid => {
            CardCheckResult { status: "valid".into(), reason: None, valid_until: card.as_ref().map(|c| c.valid_until), company_name }
        }
        CardCheck::NotValid(r) => CardCheckResult {
            status: "not_valid".into(),
            reason: Some(r.as_str().into()),
            valid_until: card.as_ref().map(|c| c.valid_until),
            company_name,
        },
    };
    Ok(HttpResponse::Ok().insert_header(("cache-control", "no-store")).json(body))
}
