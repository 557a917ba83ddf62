//! What every handler can reach: the database, configuration and shared services.

use std::path::PathBuf;
use std::sync::Arc;

use sitecard_persistence::Db;

use crate::metrics::Metrics;

/// API-level configuration, built by the server from `SITECARD_*` variables.
#[derive(Clone, Debug)]
pub struct ApiConfig {
    /// `SITECARD_DEV=1`: dev outbox route and test fixtures exist.
    pub dev_mode: bool,
    /// Public base URL of the SPA, used in emailed links.
    pub public_url: String,
    /// Directory of the built SPA (`frontend/dist`).
    pub static_dir: PathBuf,
    /// Origins allowed by CORS (besides same-origin).
    pub cors_origins: Vec<String>,
}

#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub config: Arc<ApiConfig>,
    pub metrics: Metrics,
}
