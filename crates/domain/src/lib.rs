//! Sitecard's rules as plain types and functions: no I/O, no framework types.

pub mod account_status;
pub mod address;
pub mod audit_chain;
pub mod audit_event;
pub mod birth_date;
pub mod card_credential;
pub mod card_number;
pub mod card_state;
pub mod challenge;
pub mod client_ip;
pub mod clock;
pub mod contact;
pub mod country;
pub mod destination;
pub mod document;
pub mod email;
pub mod identity_match;
pub mod ids;
pub mod language;
pub mod order_state;
pub mod org_number;
pub mod partner_client;
pub mod password;
pub mod phone;
pub mod right_to_work;
pub mod role;
pub mod search;
pub mod webhook_event;

pub use document::{DocumentNumber, DocumentType};
pub use email::Email;
pub use language::Language;
pub use phone::PhoneE164;
pub use role::Role;
