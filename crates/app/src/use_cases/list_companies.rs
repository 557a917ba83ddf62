//! Companies as the caller may see them: every company for an operator, the ones they administer for a company
//! administrator, none for anyone else (403). Newest first, filtered by name or organisation number.

use sitecard_domain::Role;
use sitecard_domain::ids::AccountId;
use sitecard_persistence::companies::{self, Company};
use uuid::Uuid;

use crate::error::AppError;
use crate::paging::{Page, PageRequest};
use crate::state::AppState;

pub struct ListCompanies<'a> {
    pub viewer: AccountId,
    pub viewer_roles: &'a [Role],
    /// Part of the name or organisation number, already trimmed.
    pub text: Option<&'a str>,
    pub page: PageRequest,
}

pub async fn list_companies(state: &AppState, q: ListCompanies<'_>) -> Result<Page<Company>, AppError> {
    let only: Option<Vec<Uuid>> = if q.viewer_roles.contains(&Role::Operator) {
        None
    } else if q.viewer_roles.contains(&Role::CompanyAdmin) {
        Some(companies::administered_by(&state.read, q.viewer).await?.into_iter().map(|c| c.id.as_uuid()).collect())
    } else {
        return Err(AppError::Forbidden);
    };
    let rows = companies::page(&state.read, q.text, only.as_deref(), q.page.after, q.page.limit + 1).await?;
    Ok(Page::of(rows, q.page.limit, |c| c.id.to_string()))
}
