//! A company's cards for its administrators: newest first, optionally in one status and matching search words.

use sitecard_domain::card_state::CardStatus;
use sitecard_domain::ids::CompanyId;
use sitecard_persistence::cards;

use crate::cards_flow::{self, CardPage};
use crate::error::AppError;
use crate::paging::{Page, PageRequest};
use crate::state::AppState;

pub struct ListCompanyCards<'a> {
    pub company_id: CompanyId,
    pub status: Option<CardStatus>,
    pub search: Option<&'a [Vec<String>]>,
    pub page: PageRequest,
}

pub async fn list_company_cards(state: &AppState, q: ListCompanyCards<'_>) -> Result<CardPage, AppError> {
    let status = q.status.map(|s| s.as_str());
    let rows = cards::page_for_company(&state.read, q.company_id, status, q.search, q.page.after, q.page.limit + 1).await?;
    let page = Page::of(rows, q.page.limit, |c| c.id.to_string());
    let mut items = Vec::with_capacity(page.items.len());
    for c in page.items {
        items.push(cards_flow::view(&state.read, c).await?);
    }
    Ok(CardPage { items, next_cursor: page.next_cursor })
}
