//! The password policy as API errors: NIST SP 800-63B via `sitecard_domain::password`, answered 400
//! `weak_password` with the field that failed.

use crate::error::{AppError, FieldError};

/// `inputs` are things an attacker knows about the user (email, names).
pub fn check_password_policy(field: &str, password: &str, inputs: &[&str]) -> Result<(), AppError> {
    sitecard_domain::password::check_password(password, inputs)
        .map_err(|p| AppError::WeakPassword(vec![FieldError::new(field, p.code(), p.to_string())]))
}
