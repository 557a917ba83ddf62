//! The production partner: client-credentials tokens, the production queue and production events.

pub mod events;
pub mod orders;
pub mod token;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(token::token).service(orders::production_orders).service(events::production_event);
}
