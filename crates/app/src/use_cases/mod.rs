//! Use cases: one action per module, plain async functions over the application state that handlers call after
//! parsing and authorising. They own the transaction, the rules' order, the notifications and the audit trail.

pub mod accept_card_order;
pub mod activate_card_in_person;
pub mod activate_own_card;
pub mod add_company_admin;
pub mod apply_production_event;
pub mod cancel_card_order;
pub mod change_card_status;
pub mod change_own_password;
pub mod confirm_password_reset;
pub mod confirm_phone_change;
pub mod correct_card_order;
pub mod create_company;
pub mod create_partner_client;
pub mod disable_totp;
pub mod enrol_totp;
pub mod invite_staff;
pub mod place_card_order;
pub mod record_identity;
pub mod record_right_to_work;
pub mod reject_card_order;
pub mod remove_company_admin;
pub mod remove_staff_role;
pub mod report_card_lost;
pub mod request_password_reset;
pub mod reset_password;
pub mod reset_second_factor;
pub mod retry_outbox_message;
pub mod review_portrait;
pub mod rotate_partner_secret;
pub mod rotate_refresh_token;
pub mod start_login;
pub mod start_phone_change;
pub mod update_partner_client;
pub mod upload_portrait;
