//! In-person identity checks by verifiers.

pub mod cards;
pub mod find;
pub mod record;
pub mod reset_second_factor;
pub mod right_to_work;
pub mod show;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(find::find_verifications)
        .service(cards::cards_at_desk)
        .service(record::record_verification)
        .service(show::show_verification)
        .service(right_to_work::record_right_to_work)
        .service(reset_second_factor::reset_second_factor);
}
