//! Who is calling: access tokens, the extractors that check them, and role checks.

pub mod extract;
pub mod partner;
pub mod step_up;

pub use extract::{ClientInfo, CurrentUser};
pub use partner::CurrentPartner;

/// 403 unless the caller administers this company.
pub async fn require_company_admin(
    state: &sitecard_app::AppState,
    user: &CurrentUser,
    company_id: uuid::Uuid,
) -> Result<(), crate::ApiError> {
    let admin = sitecard_app::companies::is_admin(state, company_id.into(), user.account_id).await?;
    if admin { Ok(()) } else { Err(sitecard_app::AppError::Forbidden.into()) }
}
