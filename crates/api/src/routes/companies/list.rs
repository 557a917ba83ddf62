//! `GET /companies`: operators find any company; a company admin sees theirs.

use actix_web::{get, web};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::CompanyView;
use crate::auth::CurrentUser;
use crate::error::{ApiError, Fields};
use crate::routes::company_orders::list::{PageQuery, page_params};
use sitecard_app::state::AppState;
use sitecard_app::use_cases::list_companies::{self as use_case, ListCompanies};

#[derive(Deserialize, IntoParams)]
pub struct CompanySearch {
    /// Part of the name (any case) or of the organisation number.
    #[param(example = "bygg")]
    pub q: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct CompanyPage {
    pub items: Vec<CompanyView>,
    /// Pass as `cursor` for the next page; absent on the last page.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(nullable = false, example = "019cad8f-ac00-713d-8dab-e5c7ed2ef1c1")]
    pub next_cursor: Option<String>,
}

/// List or search companies.
///
/// Operators see every company; a company administrator sees the companies they administer; anyone else gets
/// 403. Newest first, filtered by `q` (name or organisation number), paged with `limit` and `cursor`.
#[utoipa::path(tag = "operator", security(("bearer" = [])), params(CompanySearch, PageQuery), responses(
    (status = 200, description = "One page, newest first", body = CompanyPage),
    (status = 422, description = "`validation_failed` (q, limit or cursor)"),
))]
#[get("/companies")]
pub async fn list_companies(
    state: web::Data<AppState>,
    user: CurrentUser,
    search: web::Query<CompanySearch>,
    q: web::Query<PageQuery>,
) -> Result<web::Json<CompanyPage>, ApiError> {
    let mut f = Fields::new();
    let text = search.q.as_deref().map(str::trim).filter(|s| !s.is_empty());
    if text.is_some_and(|t| t.chars().count() > 100) {
        f.push("q", "invalid_format", "at most 100 characters");
    }
    let page = page_params(&q, &mut f);
    f.finish()?;
    let query = ListCompanies { viewer: user.account_id, viewer_roles: &user.roles, text, page };
    let page = use_case::list_companies(&state, query).await?.map(CompanyView::from);
    Ok(web::Json(CompanyPage { items: page.items, next_cursor: page.next_cursor }))
}
