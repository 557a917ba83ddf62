//! The signed-in person: profile, language, contact details, phone.

pub mod authenticator_offer;
pub mod contact;
pub mod password;
pub mod phone;
pub mod profile;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(profile::get_me)
        .service(profile::update_me)
        .service(contact::update_contact)
        .service(phone::change_phone)
        .service(phone::verify_phone_change)
        .service(password::change_password)
        .service(authenticator_offer::decline_authenticator_offer);
}
