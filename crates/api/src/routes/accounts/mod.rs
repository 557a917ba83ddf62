//! Creating an account from an emailed registration (or invitation) link.

pub mod create;
pub mod registration_token;
pub mod verify_phone;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(registration_token::check_registration_token).service(create::create_account).service(verify_phone::verify_phone);
}
