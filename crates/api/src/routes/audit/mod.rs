//! The audit log, for operators.

pub mod chain;
pub mod events;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(chain::verify_chain).service(events::list_audit_events);
}
