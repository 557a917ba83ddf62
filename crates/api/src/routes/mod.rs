//! HTTP handlers, one action per file, grouped by resource.

pub mod accounts;
pub mod audit;
pub mod auth;
pub mod cards;
pub mod companies;
pub mod company_orders;
pub mod dev;
pub mod health;
pub mod identity;
pub mod me;
pub mod my_orders;
pub mod outbox;
pub mod partner;
pub mod partner_clients;
pub mod photos;
pub mod staff;

use utoipa_actix_web::scope;
use utoipa_actix_web::service_config::ServiceConfig;

/// Every documented route. Registered through utoipa-actix-web so a handler cannot be left out of the
/// OpenAPI document.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(health::healthz).service(health::readyz).service(health::metrics).service(auth::jwks::jwks);
    cfg.service(
        scope::scope("/api/v1")
            .configure(auth::configure)
            .configure(accounts::configure)
            .configure(identity::configure)
            .configure(me::configure)
            .configure(my_orders::configure)
            .configure(company_orders::configure)
            .configure(cards::configure)
            .configure(partner::configure)
            .configure(photos::configure)
            .configure(audit::configure)
            .configure(companies::configure)
            .configure(staff::configure)
            .configure(partner_clients::configure)
            .configure(outbox::configure)
            .configure(dev::configure),
    );
}
