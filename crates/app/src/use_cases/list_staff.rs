//! Sitecard's own staff for operators: every verifier and operator once, by email.

use sitecard_domain::Role;
use sitecard_persistence::accounts::{self, Account};

use crate::error::AppError;
use crate::state::AppState;

pub async fn list_staff(state: &AppState) -> Result<Vec<Account>, AppError> {
    let mut staff = accounts::with_role(&state.read, Role::Verifier.as_str()).await?;
    for a in accounts::with_role(&state.read, Role::Operator.as_str()).await? {
        if !staff.iter().any(|s| s.id == a.id) {
            staff.push(a);
        }
    }
    staff.sort_by(|a, b| a.email.cmp(&b.email));
    Ok(staff)
}
