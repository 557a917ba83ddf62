//! Creating an account from an emailed registration (or invitation) link.

pub mod create;
pub mod registration_token;
pub mod verify_phone;

use utoipa_actix_web::service_config::ServiceConfig;

use crate::error::ApiError;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(registration_token::check_registration_token).service(create::create_account).service(verify_phone::verify_phone);
}

/// NIST SP 800-63B policy; `inputs` are things an attacker knows about the user.
pub fn check_password_policy(field: &str, password: &str, inputs: &[&str]) -> Result<(), ApiError> {
    sitecard_domain::password::check_password(password, inputs).map_err(|p| crate::routes::auth::password_reset::weak_password(field, p))
}
