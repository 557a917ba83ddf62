//! Configuration from `SITECARD_*` environment variables and `DATABASE_URL`, with local defaults.

use std::path::PathBuf;

use clap::Args;

#[derive(Args, Debug, Clone)]
pub struct Config {
    /// Database URL: `sqlite://./data/sitecard.db` (embedded, default) or `postgres://user@host/db`.
    #[arg(long, env = "DATABASE_URL", default_value = "sqlite://./data/sitecard.db", global = true)]
    pub database_url: String,
    /// Maximum database connections in the pool.
    #[arg(long, env = "SITECARD_DB_POOL_SIZE", default_value_t = 10, global = true)]
    pub db_pool_size: u32,
    /// Address to listen on.
    #[arg(long, env = "SITECARD_HOST", default_value = "127.0.0.1", global = true)]
    pub host: String,
    /// Port to listen on (0 picks a free one).
    #[arg(long, env = "SITECARD_PORT", default_value_t = 8080, global = true)]
    pub port: u16,
    /// HTTP worker threads (default: one per core).
    #[arg(long, env = "SITECARD_WORKERS", global = true)]
    pub workers: Option<usize>,
    /// Public base URL of the web app, used in emailed links.
    #[arg(long, env = "SITECARD_PUBLIC_URL", default_value = "http://127.0.0.1:8080", global = true)]
    pub public_url: String,
    /// Directory holding the built SPA.
    #[arg(long, env = "SITECARD_STATIC_DIR", default_value = "frontend/dist", global = true)]
    pub static_dir: PathBuf,
    /// Extra origins allowed by CORS, comma-separated (the public URL is always allowed).
    #[arg(long, env = "SITECARD_CORS_ORIGINS", value_delimiter = ',', global = true)]
    pub cors_origins: Vec<String>,
    /// Development mode: messages stay in the dev outbox (readable at /api/v1/dev/outbox).
    #[arg(long, env = "SITECARD_DEV", default_value_t = false, value_parser = clap::builder::BoolishValueParser::new(), global = true)]
    pub dev: bool,
    /// Log format: `json` or `pretty`.
    #[arg(long, env = "SITECARD_LOG_FORMAT", default_value = "json", global = true)]
    pub log_format: String,
}

impl Config {
    /// The configuration as printed at start-up: secrets masked.
    pub fn describe(&self) -> Vec<(&'static str, String)> {
        vec![
            ("DATABASE_URL", mask_url(&self.database_url)),
            ("SITECARD_DB_POOL_SIZE", self.db_pool_size.to_string()),
            ("SITECARD_HOST", self.host.clone()),
            ("SITECARD_PORT", self.port.to_string()),
            ("SITECARD_WORKERS", self.workers.map(|w| w.to_string()).unwrap_or_else(|| "auto".into())),
            ("SITECARD_PUBLIC_URL", self.public_url.clone()),
            ("SITECARD_STATIC_DIR", self.static_dir.display().to_string()),
            ("SITECARD_CORS_ORIGINS", self.cors_origins.join(",")),
            ("SITECARD_DEV", self.dev.to_string()),
            ("SITECARD_LOG_FORMAT", self.log_format.clone()),
        ]
    }
}

/// Hides the password in `scheme://user:password@host/db`.
pub fn mask_url(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else { return url.to_owned() };
    let Some((creds, host)) = rest.split_once('@') else { return url.to_owned() };
    match creds.split_once(':') {
        Some((user, _)) => format!("{scheme}://{user}:****@{host}"),
        None => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn database_passwords_are_masked() {
        assert_eq!(mask_url("postgres://u:secret@h/db"), "postgres://u:****@h/db");
        assert_eq!(mask_url("postgres://u@h/db"), "postgres://u@h/db");
        assert_eq!(mask_url("sqlite://./data/x.db"), "sqlite://./data/x.db");
    }
}
