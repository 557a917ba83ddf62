//! HTTP handlers, one action per file, grouped by resource.

pub mod health;

use utoipa_actix_web::service_config::ServiceConfig;

/// Every documented route. Registered through utoipa-actix-web so a handler cannot be left out of the
/// OpenAPI document.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(health::healthz).service(health::readyz).service(health::metrics);
}
