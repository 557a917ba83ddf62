//! Stored records that use cases hand to the API as they are (the API maps them to its own responses) or take
//! as change sets. Persistence defines them; the API reaches them only through here, never persistence itself.

pub use sitecard_persistence::accounts::{Account, AccountUpdate};
pub use sitecard_persistence::audit::{AuditFilter, StoredAuditEvent};
pub use sitecard_persistence::companies::{Company, CompanyAdmin};
pub use sitecard_persistence::orders::OrderUpdate;
pub use sitecard_persistence::outbox::OutboxMessage;
pub use sitecard_persistence::partners::PartnerClient;
pub use sitecard_persistence::persons::Person;
