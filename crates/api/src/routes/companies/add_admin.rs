//! `POST /companies/{company_id}/admins`: invite another administrator.

use actix_web::{HttpResponse, post, web};
use sitecard_app::AppError;
use uuid::Uuid;

use super::{CompanyAdminView, InviteByEmail, invitation_language, require_operator_or_admin};
use crate::auth::CurrentUser;
use crate::error::ApiError;
use sitecard_app::provisioning;
use sitecard_app::state::AppState;

/// Add a company administrator.
///
/// Operators and the company's administrators. Someone without an account is invited by email (a link to set a
/// password and a phone); an existing account gets the role at once. Audited.
#[utoipa::path(tag = "operator", security(("bearer" = [])),
    params(("company_id" = Uuid, Path, description = "The company's id", example = "019cad8f-ac00-713d-8dab-e5c7ed2ef1c1")),
    request_body = InviteByEmail, responses(
    (status = 201, description = "An administrator (invited or active)", body = CompanyAdminView),
    (status = 404, description = "No such company"),
    (status = 422, description = "`validation_failed`: not an e-mail address"),
))]
#[post("/companies/{company_id}/admins")]
pub async fn add_company_admin(
    state: web::Data<AppState>,
    user: CurrentUser,
    company_id: web::Path<Uuid>,
    body: web::Json<InviteByEmail>,
) -> Result<HttpResponse, ApiError> {
    let company_id = company_id.into_inner();
    require_operator_or_admin(&state, &user, company_id).await?;
    let language = invitation_language(body.language.as_deref(), &user);
    let txn = sitecard_persistence::begin(&state.db).await?;
    let invited = provisioning::add_company_admin(&txn, &state, user.account_id, company_id, &body.email, language).await?;
    let admin = sitecard_persistence::companies::admins(&txn, company_id)
        .await?
        .into_iter()
        .find(|a| a.account_id == invited.account_id)
        .ok_or_else(|| AppError::internal("the new administrator is not listed"))?;
    txn.commit().await?;
    state.forget_account(invited.account_id);
    Ok(HttpResponse::Created().json(CompanyAdminView::from(admin)))
}
