//! Development mode only (`SITECARD_DEV=1`): the outbox, so a person can walk the flow without a phone, and the
//! clock, so card expiry can be walked through without waiting.

pub mod clock;
pub mod outbox;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(outbox::dev_outbox).service(clock::advance_clock);
}
