//! The worker's card orders: read, accept (with the identity match), reject.

pub mod accept;
pub mod list;
pub mod reject;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list::list_my_orders).service(list::show_my_order).service(accept::accept_order).service(reject::reject_order);
}
