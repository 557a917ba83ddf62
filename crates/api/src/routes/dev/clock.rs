//! `POST /dev/clock`: development mode moves Sitecard's clock forward, so expiry and reminders can be walked
//! through (and tested) without waiting. 404 outside development mode.

use actix_web::{post, web};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sitecard_app::AppError;
use utoipa::ToSchema;

use crate::error::ApiError;
use sitecard_app::state::AppState;

#[derive(Deserialize, ToSchema)]
pub struct AdvanceClock {
    /// Days to move forward (0 to 3700).
    #[serde(deserialize_with = "crate::json_number::integer")]
    #[schema(minimum = 0, maximum = 3700, example = 30)]
    pub days: i32,
}

#[derive(Serialize, ToSchema)]
pub struct ClockNow {
    #[schema(example = "2031-11-06T09:30:00Z")]
    pub now: DateTime<Utc>,
}

/// Move the clock forward (development mode only).
///
/// Development mode only; 404 otherwise. The expiry job sees the new time at its next pass (within a second
/// in development). The clock never goes back.
#[utoipa::path(tag = "dev", request_body = AdvanceClock, responses(
    (status = 200, description = "The new now", body = ClockNow),
    (status = 404, description = "Not in development mode"),
    (status = 422, description = "`validation_failed`: days out of range"),
))]
#[post("/dev/clock")]
pub async fn advance_clock(state: web::Data<AppState>, body: web::Json<AdvanceClock>) -> Result<web::Json<ClockNow>, ApiError> {
    if !state.config.dev_mode {
        return Err(AppError::NotFound.into());
    }
    if !(0..=3700).contains(&body.days) {
        return Err(AppError::Validation(vec![crate::error::FieldError::new("days", "out_of_range", "0 to 3700")]).into());
    }
    Ok(web::Json(ClockNow { now: sitecard_domain::clock::advance(i64::from(body.days) * 86_400) }))
}
