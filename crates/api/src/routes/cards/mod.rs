//! Cards: the worker's (activate, PIN, report lost), the company's (block, unblock, terminate, renew), the
//! verifier's in-person activation, and the public validity check.

pub mod check;
pub mod company;
pub mod credential;
pub mod in_person;
pub mod mine;
pub mod renew;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(mine::list_my_cards)
        .service(mine::activate_card)
        .service(mine::show_pin)
        .service(mine::report_lost)
        .service(credential::card_credential)
        .service(company::list_company_cards)
        .service(company::show_company_card)
        .service(company::block_card)
        .service(company::unblock_card)
        .service(company::terminate_card)
        .service(renew::renew_card)
        .service(in_person::activate_in_person)
        .service(check::check_card);
}
