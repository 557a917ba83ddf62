//! `GET /card-status-changes`: the gate feed. Every card status and validity change in order, so a site
//! system that keeps its cursor holds a current block list (like a certificate revocation list's deltas).

use actix_web::{get, web};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::auth::CurrentPartner;
use crate::error::{ApiError, Fields};
use sitecard_app::state::AppState;
use sitecard_app::use_cases::list_card_status_changes::list_card_status_changes;

#[derive(Deserialize, IntoParams)]
pub struct FeedQuery {
    /// The `next_cursor` of the previous answer; absent or `0` for the beginning.
    #[param(example = "1042")]
    pub cursor: Option<String>,
    /// 1 to 1000; default 500.
    #[param(minimum = 1, maximum = 1000, example = 500)]
    pub limit: Option<u64>,
}

#[derive(Serialize, ToSchema)]
pub struct CardStatusChangeView {
    #[schema(pattern = "^[A-Z]{2}[0-9]{10}$", example = "AB1234567890")]
    pub card_number: String,
    /// The card's status from now on: only `active` opens a gate (and only until `valid_until`).
    #[schema(value_type = sitecard_app::schema_enums::CardStatusValue)]
    pub status: String,
    #[schema(example = "2031-12-06")]
    pub valid_until: NaiveDate,
    #[schema(example = "2026-12-06T09:30:00Z")]
    pub changed_at: DateTime<Utc>,
}

#[derive(Serialize, ToSchema)]
pub struct CardStatusFeed {
    pub items: Vec<CardStatusChangeView>,
    /// Always present: poll with it next time (the same cursor when nothing changed).
    #[schema(example = "1042")]
    pub next_cursor: String,
}

/// Follow every card status and validity change (gates).
///
/// Partner clients (client-credentials token). Oldest first after `cursor`: production (`inactive`),
/// activation, block, unblock, termination and expiry of every card. Apply the items in order to a table keyed
/// by card number and keep `next_cursor`: the table is the current block list. A change appears here two
/// seconds after it is made. Offline gates verify a digital card's signature with the JWKS and check its
/// number against this table (see the `gates` tag). A new permit that moves a card's `valid_until` appears as an
/// item with the card's unchanged status and the new date.
#[utoipa::path(tag = "gates", security(("partner_oauth" = [])), params(FeedQuery), responses(
    (status = 200, description = "The changes after the cursor, oldest first", body = CardStatusFeed),
    (status = 422, description = "`validation_failed`: cursor or limit"),
))]
#[get("/card-status-changes")]
pub async fn card_status_changes(
    state: web::Data<AppState>,
    _partner: CurrentPartner,
    q: web::Query<FeedQuery>,
) -> Result<web::Json<CardStatusFeed>, ApiError> {
    let mut f = Fields::new();
    let cursor = match q.cursor.as_deref().filter(|c| !c.is_empty()) {
        Some(c) => f.check("cursor", "invalid_cursor", c.parse::<i32>().map_err(|_| "a next_cursor from this feed")).unwrap_or(0),
        None => 0,
    };
    let limit = q.limit.unwrap_or(500);
    if !(1..=1000).contains(&limit) {
        f.push("limit", "out_of_range", "between 1 and 1000");
    }
    f.finish()?;
    let changes = list_card_status_changes(&state, cursor, limit).await?;
    let items = changes
        .items
        .into_iter()
        .map(|r| CardStatusChangeView {
            card_number: r.card_number,
            status: r.status,
            valid_until: r.valid_until,
            changed_at: r.changed_at,
        })
        .collect();
    Ok(web::Json(CardStatusFeed { items, next_cursor: changes.next_cursor.to_string() }))
}
