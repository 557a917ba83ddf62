//! Authentication: login with a second factor, tokens, sessions, authenticator apps, password reset.

pub mod jwks;
pub mod login;
pub mod password_reset;
pub mod refresh;
pub mod sessions;
pub mod totp;
pub mod verify;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(login::login)
        .service(verify::verify)
        .service(verify::resend)
        .service(refresh::refresh)
        .service(sessions::logout)
        .service(sessions::list_sessions)
        .service(sessions::revoke_session)
        .service(sessions::revoke_other_sessions)
        .service(totp::start_totp)
        .service(totp::confirm_totp)
        .service(totp::remove_totp)
        .service(password_reset::request_reset)
        .service(password_reset::confirm_reset)
        .service(password_reset::verify_reset);
}
