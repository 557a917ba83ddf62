//! Company administrators' card orders: order (one, or a crew from CSV), list and search, read, correct, cancel.

pub mod batch;
pub mod cancel;
pub mod correct;
pub mod create;
pub mod list;
pub mod show;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(batch::create_orders_from_csv)
        .service(create::create_order)
        .service(list::list_orders)
        .service(show::show_order)
        .service(correct::correct_order)
        .service(cancel::cancel_order);
}
