//! A company's card orders for its administrators: newest first, optionally in one status and matching search
//! words; list items carry no history (read one order for it).

use sitecard_domain::ids::CompanyId;
use sitecard_domain::order_state::OrderStatus;
use sitecard_persistence::orders;

use crate::error::AppError;
use crate::orders_flow::{self, OrderPage};
use crate::paging::PageRequest;
use crate::state::AppState;

pub struct ListCompanyOrders<'a> {
    pub company_id: CompanyId,
    pub status: Option<OrderStatus>,
    /// Search words, each matched as a prefix of a word of the worker's name, email or reference.
    pub search: Option<&'a [Vec<String>]>,
    pub page: PageRequest,
}

pub async fn list_company_orders(state: &AppState, q: ListCompanyOrders<'_>) -> Result<OrderPage, AppError> {
    let status = q.status.map(|s| s.as_str());
    let rows = orders::page_for_company(&state.read, q.company_id, status, q.search, q.page.after, q.page.limit + 1).await?;
    orders_flow::order_page(&state.read, rows, q.page.limit).await
}
