//! Partner clients: client-credentials tokens, the production queue and events, and the gate feed.

pub mod events;
pub mod orders;
pub mod status_changes;
pub mod token;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(token::token)
        .service(orders::production_orders)
        .service(events::production_event)
        .service(status_changes::card_status_changes);
}
