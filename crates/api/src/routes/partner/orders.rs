//! `GET /partner/production-orders`: orders ready to produce (or in production), oldest first.

use actix_web::{get, web};
use serde::Deserialize;
use sitecard_domain::order_state::OrderStatus;
use utoipa::IntoParams;

use crate::auth::CurrentPartner;
use crate::error::{ApiError, Fields};
use sitecard_app::orders_flow::OrderPage;
use sitecard_app::state::AppState;
use sitecard_app::use_cases::list_production_queue::list_production_queue;

#[derive(Deserialize, IntoParams)]
pub struct QueueQuery {
    /// `confirmed` (default), `in_production` or `shipped`.
    #[param(value_type = Option<sitecard_app::schema_enums::ProductionQueueStatus>)]
    pub status: Option<String>,
    /// 1 to 100; default 20.
    #[param(minimum = 1, maximum = 100, example = 50)]
    pub limit: Option<u64>,
    /// `next_cursor` of the previous page.
    #[param(example = "01a21c3b-a280-78ad-b204-aac1c15930b6")]
    pub cursor: Option<String>,
}

/// The production queue: orders ready to produce, oldest first.
///
/// Production partners (client-credentials token). Orders in `status` (`confirmed` by default, `in_production` or
/// `shipped`) across all companies, with holder, company and delivery data, paged with `limit` and `cursor`. Read-only.
#[utoipa::path(tag = "partner", security(("partner_oauth" = [])), params(QueueQuery), responses(
    (status = 200, description = "One page, oldest first", body = OrderPage),
    (status = 401, description = "No partner token"),
    (status = 403, description = "Not a partner token"),
    (status = 422, description = "`validation_failed`"),
))]
#[get("/partner/production-orders")]
pub async fn production_orders(
    state: web::Data<AppState>,
    _partner: CurrentPartner,
    q: web::Query<QueueQuery>,
) -> Result<web::Json<OrderPage>, ApiError> {
    let mut f = Fields::new();
    let queues = [OrderStatus::Confirmed, OrderStatus::InProduction, OrderStatus::Shipped];
    let asked = q.status.as_deref().map_or(Some(OrderStatus::Confirmed), OrderStatus::parse);
    let status = f.check("status", "invalid_status", asked.filter(|s| queues.contains(s)).ok_or("confirmed, in_production or shipped"));
    let page = crate::routes::company_orders::list::page_limit(q.limit, q.cursor.as_deref(), &mut f);
    let status = f.finish_with(status)?;
    Ok(web::Json(list_production_queue(&state, status, page).await?))
}
