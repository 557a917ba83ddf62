//! Is this card valid? For site managers and gate systems: no login, no personal data, throttled per client.

use chrono::NaiveDate;
use serde::Serialize;
use sitecard_domain::card_number::CardNumber;
use sitecard_domain::card_state::{CardCheck, check_card as evaluate};
use sitecard_persistence::{cards, companies};

use crate::cards_flow::today;
use crate::error::AppError;
use crate::state::AppState;
use crate::throttle::{self, Limit};

/// Per client IP: a gate checks a card per person passing, not thousands a minute.
pub const CHECKS_PER_IP: Limit = Limit { max: 60, window_secs: 60 };

#[derive(Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CardCheckResult {
    #[cfg_attr(feature = "openapi", schema(value_type = crate::schema_enums::CardCheckStatus))]
    pub status: String,
    /// Why not: `blocked`, `terminated`, `expired`, `not_activated` or `unknown`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<crate::schema_enums::CardCheckReason>))]
    pub reason: Option<String>,
    /// The last day the card is valid (absent for unknown numbers).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(example = "2031-12-03"))]
    pub valid_until: Option<NaiveDate>,
    /// The employer on the card.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(example = "Demo Bygg AB"))]
    pub company_name: Option<String>,
}

/// `number` as typed or scanned; one that is not a card number is simply not valid.
pub async fn check_card(state: &AppState, number: &str, ip: &str) -> Result<CardCheckResult, AppError> {
    throttle::consume(&state.db, &format!("card-check:{ip}"), CHECKS_PER_IP, "too_many_attempts").await?;
    let card = match CardNumber::parse(number) {
        Ok(n) => cards::find_by_number(&state.db, n.as_str()).await?,
        Err(_) => None,
    };
    let status = card.as_ref().map(|c| c.status);
    let answer = evaluate(status, card.as_ref().map(|c| c.valid_until), today());
    let company_name = match &card {
        Some(c) => companies::find(&state.db, c.company_id).await?.map(|co| co.name),
        None => None,
    };
    Ok(match answer {
        CardCheck::Valid => {
            CardCheckResult { status: "valid".into(), reason: None, valid_until: card.as_ref().map(|c| c.valid_until), company_name }
        }
        CardCheck::NotValid(r) => CardCheckResult {
            status: "not_valid".into(),
            reason: Some(r.as_str().into()),
            valid_until: card.as_ref().map(|c| c.valid_until),
            company_name,
        },
    })
}
