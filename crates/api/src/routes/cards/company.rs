//! A company's cards: list, block (reversible), unblock, terminate (permanent).

use actix_web::{get, post, web};
use serde::Deserialize;
use sitecard_domain::card_state::{CardAction, CardStatus};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::auth::CurrentUser;
use crate::error::{ApiError, Fields};
use crate::routes::company_orders::list::{PageQuery, SearchQuery, page_params, search_words};
use sitecard_app::cards_flow::{self, CardPage, CardView};
use sitecard_app::state::AppState;
use sitecard_app::use_cases::change_card_status::{ChangeCardStatus, change_card_status};
use sitecard_app::use_cases::list_company_cards::{self as use_case, ListCompanyCards};

#[derive(Deserialize, ToSchema)]
pub struct Reason {
    /// Why (kept in the audit log; shown to the worker for block and terminate). Must not be blank.
    #[schema(min_length = 1, max_length = 500, example = "Card reported stolen at the site office")]
    pub reason: String,
}

/// `?status=` on the company's cards.
#[derive(serde::Deserialize, utoipa::IntoParams)]
pub struct CardStatusFilter {
    /// Only cards in this status.
    #[param(value_type = Option<sitecard_app::schema_enums::CardStatusValue>)]
    pub status: Option<String>,
}

/// List the company's cards, newest first.
///
/// Company administrators of this company only (403 otherwise). Paged with `limit` and `cursor` and optionally
/// filtered by card `status`; each card carries its full number and the holder's name. Read-only.
#[utoipa::path(tag = "company", security(("bearer" = [])), params(("company_id" = Uuid, Path, description = "The company's id", example = "019cad8f-ac00-713d-8dab-e5c7ed2ef1c1"), CardStatusFilter, SearchQuery, PageQuery), responses(
    (status = 200, description = "One page", body = CardPage),
    (status = 403, description = "Not an administrator of this company"),
    (status = 422, description = "`validation_failed`"),
))]
#[get("/companies/{company_id}/cards")]
pub async fn list_company_cards(
    state: web::Data<AppState>,
    user: CurrentUser,
    company_id: web::Path<Uuid>,
    filter: web::Query<CardStatusFilter>,
    search: web::Query<SearchQuery>,
    q: web::Query<PageQuery>,
) -> Result<web::Json<CardPage>, ApiError> {
    let company_id = company_id.into_inner();
    crate::auth::require_company_admin(&state, &user, company_id).await?;
    let mut f = Fields::new();
    let status = match filter.status.as_deref().filter(|s| !s.is_empty()) {
        Some(s) => f.check("status", "invalid_status", CardStatus::parse(s).ok_or("not a card status")),
        None => None,
    };
    let words = search_words(&search, &mut f);
    let page = page_params(&q, &mut f);
    f.finish()?;
    let query = ListCompanyCards { company_id: company_id.into(), status, search: words.as_deref(), page };
    Ok(web::Json(use_case::list_company_cards(&state, query).await?))
}

/// Read one of the company's cards.
///
/// Company administrators of this company only; a card of another company is a 404. Includes the full card number,
/// the holder's name and, for a blocked or terminated card, the reason. Read-only.
#[utoipa::path(tag = "company", security(("bearer" = [])), params(
    ("company_id" = Uuid, Path, description = "The company's id", example = "019cad8f-ac00-713d-8dab-e5c7ed2ef1c1"),
    ("id" = Uuid, Path, description = "The card's id", example = "01a23add-2060-7549-83a6-e95bd7d3a0ae"),
), responses(
    (status = 200, description = "The card", body = CardView),
    (status = 403, description = "Not an administrator of this company"),
    (status = 404, description = "No such card in this company"),
))]
#[get("/companies/{company_id}/cards/{id}")]
pub async fn show_company_card(
    state: web::Data<AppState>,
    user: CurrentUser,
    path: web::Path<(Uuid, Uuid)>,
) -> Result<web::Json<CardView>, ApiError> {
    let (company_id, id) = path.into_inner();
    crate::auth::require_company_admin(&state, &user, company_id).await?;
    let card = cards_flow::company_card(&state.read, company_id.into(), id.into()).await?;
    Ok(web::Json(cards_flow::view(&state.read, card).await?))
}

fn reason_of(body: &Reason) -> Result<String, ApiError> {
    let mut f = Fields::new();
    let r = f.text("reason", &body.reason, 500);
    f.finish_with(r).map_err(ApiError::from)
}

async fn change(
    state: &AppState,
    user: &CurrentUser,
    company_id: Uuid,
    id: Uuid,
    action: CardAction,
    body: &Reason,
) -> Result<CardView, ApiError> {
    // Who may act comes before what they sent: a worker gets 403, not a validation error.
    crate::auth::require_company_admin(state, user, company_id).await?;
    let reason = reason_of(body)?;
    change_card_status(
        state,
        ChangeCardStatus { actor_id: user.account_id, company_id: company_id.into(), card_id: id.into(), action, reason },
    )
    .await
    .map_err(ApiError::from)
}

/// Block a card at once (reversible).
///
/// Company administrators of this company only. The card is `blocked` immediately (a card check answers `not_valid`
/// from now on), the `reason` is kept on the card and in the audit log, and the worker is emailed. Honours
/// `Idempotency-Key`.
#[utoipa::path(tag = "company", security(("bearer" = [])), params(
    ("company_id" = Uuid, Path, description = "The company's id", example = "019cad8f-ac00-713d-8dab-e5c7ed2ef1c1"),
    ("id" = Uuid, Path, description = "The card's id", example = "01a23add-2060-7549-83a6-e95bd7d3a0ae"),
), request_body = Reason, responses(
    (status = 200, description = "Blocked", body = CardView),
    (status = 404, description = "No such card in this company"),
    (status = 409, description = "`invalid_state`"),
    (status = 422, description = "`validation_failed`: blank or too long `reason`"),
))]
#[post("/companies/{company_id}/cards/{id}/block")]
pub async fn block_card(
    state: web::Data<AppState>,
    user: CurrentUser,
    path: web::Path<(Uuid, Uuid)>,
    body: web::Json<Reason>,
) -> Result<web::Json<CardView>, ApiError> {
    let (company_id, id) = path.into_inner();
    Ok(web::Json(change(&state, &user, company_id, id, CardAction::Block, &body).await?))
}

/// Lift a block.
///
/// Company administrators of this company only. A blocked card becomes `active` again, or `inactive` if it was never
/// activated (409 `invalid_state` when it is not blocked); the reason goes to the audit log only, and the worker is
/// emailed. Honours `Idempotency-Key`.
#[utoipa::path(tag = "company", security(("bearer" = [])), params(
    ("company_id" = Uuid, Path, description = "The company's id", example = "019cad8f-ac00-713d-8dab-e5c7ed2ef1c1"),
    ("id" = Uuid, Path, description = "The card's id", example = "01a23add-2060-7549-83a6-e95bd7d3a0ae"),
), request_body = Reason, responses(
    (status = 200, description = "Active again (or inactive, if never activated)", body = CardView),
    (status = 404, description = "No such card in this company"),
    (status = 409, description = "`invalid_state`"),
    (status = 422, description = "`validation_failed`: blank or too long `reason`"),
))]
#[post("/companies/{company_id}/cards/{id}/unblock")]
pub async fn unblock_card(
    state: web::Data<AppState>,
    user: CurrentUser,
    path: web::Path<(Uuid, Uuid)>,
    body: web::Json<Reason>,
) -> Result<web::Json<CardView>, ApiError> {
    let (company_id, id) = path.into_inner();
    Ok(web::Json(change(&state, &user, company_id, id, CardAction::Unblock, &body).await?))
}

/// Terminate a card for good (the worker left the company).
///
/// Company administrators of this company only. The card becomes `terminated`, which cannot be undone; the `reason` is
/// kept on the card and in the audit log, and the worker is emailed. Honours `Idempotency-Key`.
#[utoipa::path(tag = "company", security(("bearer" = [])), params(
    ("company_id" = Uuid, Path, description = "The company's id", example = "019cad8f-ac00-713d-8dab-e5c7ed2ef1c1"),
    ("id" = Uuid, Path, description = "The card's id", example = "01a23add-2060-7549-83a6-e95bd7d3a0ae"),
), request_body = Reason, responses(
    (status = 200, description = "Terminated", body = CardView),
    (status = 404, description = "No such card in this company"),
    (status = 409, description = "`invalid_state`"),
    (status = 422, description = "`validation_failed`: blank or too long `reason`"),
))]
#[post("/companies/{company_id}/cards/{id}/terminate")]
pub async fn terminate_card(
    state: web::Data<AppState>,
    user: CurrentUser,
    path: web::Path<(Uuid, Uuid)>,
    body: web::Json<Reason>,
) -> Result<web::Json<CardView>, ApiError> {
    let (company_id, id) = path.into_inner();
    Ok(web::Json(change(&state, &user, company_id, id, CardAction::Terminate, &body).await?))
}
