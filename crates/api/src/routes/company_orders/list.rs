//! `GET /companies/{company_id}/card-orders`: paged, filterable by status.

use actix_web::{get, web};
use serde::Deserialize;
use sitecard_domain::order_state::OrderStatus;
use utoipa::IntoParams;
use uuid::Uuid;

use crate::auth::CurrentUser;
use crate::error::{ApiError, Fields};
use sitecard_app::orders_flow::OrderPage;
use sitecard_app::paging::PageRequest;
use sitecard_app::state::AppState;
use sitecard_app::use_cases::list_company_orders::{ListCompanyOrders, list_company_orders};

/// `limit` and `cursor`, shared by every paged list.
#[derive(Deserialize, IntoParams)]
pub struct PageQuery {
    /// 1 to 100; default 20.
    #[param(minimum = 1, maximum = 100, example = 50)]
    pub limit: Option<u64>,
    /// `next_cursor` of the previous page.
    #[param(example = "01a21c3b-a280-78ad-b204-aac1c15930b6")]
    pub cursor: Option<String>,
}

/// `?status=` on the company's orders.
#[derive(Deserialize, IntoParams)]
pub struct OrderStatusFilter {
    /// Only orders in this status.
    #[param(value_type = Option<sitecard_app::schema_enums::OrderStatusValue>)]
    pub status: Option<String>,
}

/// `?q=` on the company's orders and cards.
#[derive(Deserialize, IntoParams)]
pub struct SearchQuery {
    /// Words of the worker's names (any spelling: `muller` finds `Müller`), the email address, or the card
    /// number or its last four or more digits; every word must match. At most 100 characters.
    #[param(example = "kowal")]
    pub q: Option<String>,
}

/// The words of a search, or a field error for an overlong query.
pub fn search_words(q: &SearchQuery, f: &mut Fields) -> Option<Vec<Vec<String>>> {
    let text = q.q.as_deref().map(str::trim).filter(|s| !s.is_empty())?;
    if text.chars().count() > 100 {
        f.push("q", "invalid_format", "at most 100 characters");
        return None;
    }
    sitecard_domain::search::query_words(text)
}

/// Parses `limit` and `cursor`, with field errors for nonsense.
pub fn page_params(q: &PageQuery, f: &mut Fields) -> PageRequest {
    page_limit(q.limit, q.cursor.as_deref(), f)
}

/// `limit` (1 to 100, default 20) and `cursor` (an id from a previous page), with field errors for nonsense.
pub fn page_limit(limit: Option<u64>, cursor: Option<&str>, f: &mut Fields) -> PageRequest {
    let limit = limit.unwrap_or(20);
    if !(1..=100).contains(&limit) {
        f.push("limit", "out_of_range", "between 1 and 100");
    }
    let cursor = match cursor.filter(|c| !c.is_empty()) {
        Some(c) => f.check("cursor", "invalid_cursor", c.parse::<Uuid>()),
        None => None,
    };
    PageRequest { limit: limit.clamp(1, 100), after: cursor }
}

/// List the company's card orders, newest first.
///
/// Company administrators of this company only (403 otherwise). Paged with `limit` and `cursor` and optionally
/// filtered by order `status`; list items carry no `history` (read one order for it). Read-only.
#[utoipa::path(tag = "company", security(("bearer" = [])), params(("company_id" = Uuid, Path, description = "The company's id", example = "019cad8f-ac00-713d-8dab-e5c7ed2ef1c1"), OrderStatusFilter, SearchQuery, PageQuery), responses(
    (status = 200, description = "One page", body = OrderPage),
    (status = 403, description = "Not an administrator of this company"),
    (status = 422, description = "`validation_failed` (status, limit or cursor)"),
))]
#[get("/companies/{company_id}/card-orders")]
pub async fn list_orders(
    state: web::Data<AppState>,
    user: CurrentUser,
    company_id: web::Path<Uuid>,
    filter: web::Query<OrderStatusFilter>,
    search: web::Query<SearchQuery>,
    q: web::Query<PageQuery>,
) -> Result<web::Json<OrderPage>, ApiError> {
    let company_id = company_id.into_inner();
    crate::auth::require_company_admin(&state, &user, company_id).await?;
    let mut f = Fields::new();
    let status = match filter.status.as_deref().filter(|s| !s.is_empty()) {
        Some(s) => f.check("status", "invalid_status", OrderStatus::parse(s).ok_or("not an order status")),
        None => None,
    };
    let words = search_words(&search, &mut f);
    let page = page_params(&q, &mut f);
    f.finish()?;
    let query = ListCompanyOrders { company_id: company_id.into(), status, search: words.as_deref(), page };
    Ok(web::Json(list_company_orders(&state, query).await?))
}
