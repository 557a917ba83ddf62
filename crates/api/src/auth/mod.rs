//! Who is calling: access tokens, the extractors that check them, and role checks.

pub mod extract;
pub mod keys;
pub mod partner;
pub mod session_cache;
pub mod step_up;

pub use extract::{ClientInfo, CurrentUser};
pub use partner::CurrentPartner;
