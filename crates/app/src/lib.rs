//! Sitecard's use cases (`use_cases`, one action per module) and what they share: the application state,
//! the error every use case fails with, and the flows several of them follow (orders, cards, sign-in
//! challenges, sessions, webhooks, right to work). No HTTP types: `sitecard-api` parses a request,
//! authorises the caller, calls one use case and maps its outcome or [`AppError`] to a response.

pub mod audit_seal;
pub mod card_expiry;
pub mod cards_flow;
pub mod challenge_flow;
pub mod companies;
pub mod crypto;
pub mod error;
pub mod health;
pub mod idempotent_replay;
pub mod invite;
pub mod keys;
pub mod language_choice;
pub mod metrics;
pub mod order_input;
pub mod orders_flow;
pub mod paging;
pub mod partner_clients;
pub mod password_policy;
pub mod photo;
pub mod photo_store;
pub mod provisioning;
pub mod records;
pub mod right_to_work;
#[cfg(feature = "openapi")]
pub mod schema_enums;
pub mod session_cache;
pub mod session_flow;
pub mod state;
pub mod step_up;
pub mod throttle;
pub mod totp;
pub mod use_cases;
pub mod webhooks;

pub use error::{AppError, FieldError, Fields};
pub use state::{AppConfig, AppState};
