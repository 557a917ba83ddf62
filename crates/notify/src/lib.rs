//! Outgoing email and SMS: message texts in the account's language, the transactional outbox they are
//! written to, the dispatcher that delivers them with retries, and the delivery adapters.

pub mod adapters;
pub mod dispatcher;
pub mod messages;

pub use dispatcher::{Dispatcher, Transports};
pub use messages::{Message, SignInChange, problem_detail, queue};
