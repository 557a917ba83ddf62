//! The outbox for operators: what is waiting, sent or dead (never a code, link or message text), and sending
//! a dead message again.

pub mod list;
pub mod retry;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list::list_outbox).service(retry::retry_outbox_message);
}
