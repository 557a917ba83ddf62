//! sea-orm entities, one per table. They never leave this crate's public functions' callers untyped: the
//! API maps them to its own DTOs.

pub mod accounts;
pub mod audit_checkpoints;
pub mod audit_events;
pub mod card_orders;
pub mod card_status_changes;
pub mod cards;
pub mod companies;
pub mod company_admins;
pub mod idempotency_keys;
pub mod identity_verifications;
pub mod login_challenges;
pub mod one_time_tokens;
pub mod order_events;
pub mod outbox_messages;
pub mod partner_clients;
pub mod persons;
pub mod rate_limits;
pub mod refresh_tokens;
pub mod right_to_work_permits;
pub mod search_terms;
pub mod sessions;
pub mod signing_keys;
