//! The production partner's queues across all companies, oldest first: orders to make (`confirmed`), being made
//! (`in_production`), sent (`shipped`), and portraits waiting for their review (`awaiting_photo_review`).

use sitecard_domain::order_state::OrderStatus;
use sitecard_persistence::orders;

use crate::error::AppError;
use crate::orders_flow::{self, OrderPage};
use crate::paging::PageRequest;
use crate::state::AppState;

pub async fn list_production_queue(state: &AppState, status: OrderStatus, page: PageRequest) -> Result<OrderPage, AppError> {
    let rows = orders::page_by_status(&state.read, status.as_str(), page.after, page.limit + 1).await?;
    orders_flow::order_page(&state.read, rows, page.limit).await
}
