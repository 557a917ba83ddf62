//! Company administrators' card orders: order, list, read, correct, cancel.

pub mod cancel;
pub mod correct;
pub mod create;
pub mod list;
pub mod show;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(create::create_order)
        .service(list::list_orders)
        .service(show::show_order)
        .service(correct::correct_order)
        .service(cancel::cancel_order);
}
