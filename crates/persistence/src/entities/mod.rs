//! sea-orm entities, one per table. They never leave this crate's public functions' callers untyped: the
//! API maps them to its own DTOs.

pub mod accounts;
pub mod audit_events;
pub mod identity_verifications;
pub mod login_challenges;
pub mod one_time_tokens;
pub mod outbox_messages;
pub mod persons;
pub mod rate_limits;
pub mod refresh_tokens;
pub mod sessions;
pub mod signing_keys;
