//! What every handler can reach: the database, configuration and shared services.

use sitecard_domain::ids::AccountId;
use std::path::PathBuf;
use std::sync::Arc;

use sitecard_persistence::Db;

use crate::crypto::{DataCipher, PasswordHasher};
use crate::keys::KeyStore;
use crate::metrics::Metrics;
use crate::photo_store::PhotoStore;
use crate::session_cache::SessionCache;

/// API-level configuration, built by the server from `SITECARD_*` variables.
#[derive(Clone, Debug)]
pub struct AppConfig {
    /// `SITECARD_DEV=1`: dev outbox route and demo secrets exist.
    pub dev_mode: bool,
    /// Public base URL of the SPA, used in emailed links.
    pub public_url: String,
    /// Directory of the built SPA (`frontend/dist`).
    pub static_dir: PathBuf,
    /// Origins allowed by CORS (besides same-origin).
    pub cors_origins: Vec<String>,
    /// The proxies whose `X-Forwarded-For` entries are believed (`SITECARD_TRUSTED_PROXIES`).
    pub trusted_proxies: sitecard_domain::client_ip::TrustedProxies,
    /// Send the refresh cookie with `Secure` (off only for plain-http development on other hosts).
    pub secure_cookies: bool,
    /// Webhook URLs may be http and point at private networks (dev mode, `SITECARD_WEBHOOK_ALLOW_PRIVATE=1`).
    pub webhook_allow_private: bool,
}

#[derive(Clone)]
pub struct AppState {
    /// Every write and every transaction (on SQLite its one writer connection).
    pub db: Db,
    /// Plain reads, on connections of their own (`sitecard_persistence::connect_reads`): on
    /// SQLite readers that WAL lets run beside the single writer connection; on PostgreSQL connections that
    /// writers cannot take (transactions queued on the audit chain's lock while a commit waits for its WAL
    /// flush would otherwise hold every pooled connection, and authenticated reads, which check the session,
    /// would wait behind them).
    pub read: Db,
    pub config: Arc<AppConfig>,
    pub metrics: Metrics,
    pub cipher: DataCipher,
    pub keys: KeyStore,
    pub hasher: PasswordHasher,
    pub photos: PhotoStore,
    /// Live sessions in memory (`session_cache`): who changes an account or a session calls
    /// `sessions.forget_account` after the commit.
    pub sessions: Arc<SessionCache>,
}

impl AppState {
    /// After a commit that changed the account or one of its sessions: this instance stops serving it from
    /// memory at once (other instances hear it from the database, `session_cache`).
    pub fn forget_account(&self, account_id: AccountId) {
        self.sessions.forget_account(account_id);
    }

    pub fn link(&self, path_and_query: &str) -> String {
        format!("{}{}", self.config.public_url.trim_end_matches('/'), path_and_query)
    }
}
