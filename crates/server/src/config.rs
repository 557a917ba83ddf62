//! Configuration from `SITECARD_*` environment variables and `DATABASE_URL`, with local defaults.

use std::path::PathBuf;

use clap::Args;

#[derive(Args, Debug, Clone)]
pub struct Config {
    /// Database URL: `sqlite://./data/sitecard.db` (embedded, default) or `postgres://user@host/db`.
    #[arg(long, env = "DATABASE_URL", default_value = "sqlite://./data/sitecard.db", global = true)]
    pub database_url: String,
    /// Database connections for writes; plain reads keep at most this many (and 8) connections of their own.
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
    /// 32-byte key (64 hex characters) protecting document numbers, TOTP secrets and signing keys at rest.
    /// Required outside development mode.
    #[arg(long, env = "SITECARD_DATA_KEY", hide_env_values = true, global = true)]
    pub data_key: Option<String>,
    /// The reverse proxies in front of the server, whose `X-Forwarded-For` entries are believed: a number of
    /// hops (`1` for one load balancer) or their networks (`10.0.0.0/8,fd00::/8`). The client IP is the
    /// rightmost address not added by one of them. Unset: `X-Forwarded-For` is ignored.
    #[arg(long, env = "SITECARD_TRUSTED_PROXIES", global = true)]
    pub trusted_proxies: Option<String>,
    /// Let partner webhooks go to http URLs and private, loopback or link-local addresses (a partner on the
    /// same private network). Development mode allows it too.
    #[arg(long, env = "SITECARD_WEBHOOK_ALLOW_PRIVATE", default_value_t = false, value_parser = clap::builder::BoolishValueParser::new(), global = true)]
    pub webhook_allow_private: bool,
    /// A second address (`127.0.0.1:9464`) serving only `/metrics`, without sign-in, for a Prometheus scraper
    /// on a private network. On the main address `/metrics` needs an operator's token.
    #[arg(long, env = "SITECARD_METRICS_LISTEN", global = true)]
    pub metrics_listen: Option<String>,
    /// Older switch, the same as `SITECARD_TRUSTED_PROXIES=1` (one proxy) when that is unset.
    #[arg(long, env = "SITECARD_TRUST_PROXY", default_value_t = false, value_parser = clap::builder::BoolishValueParser::new(), global = true)]
    pub trust_proxy: bool,
    /// Send the refresh cookie without `Secure` (plain-http development on a non-localhost name only).
    #[arg(long, env = "SITECARD_INSECURE_COOKIES", default_value_t = false, value_parser = clap::builder::BoolishValueParser::new(), global = true)]
    pub insecure_cookies: bool,
    /// SMTP server for email, e.g. `smtp://mail.example:587?tls=required` or `smtps://user:pass@host`.
    #[arg(long, env = "SITECARD_SMTP_URL", hide_env_values = true, global = true)]
    pub smtp_url: Option<String>,
    /// Sender of emails.
    #[arg(long, env = "SITECARD_EMAIL_FROM", default_value = "Sitecard <no-reply@sitecard.local>", global = true)]
    pub email_from: String,
    /// HTTP SMS provider endpoint (JSON `{from, to, message}` with a bearer token).
    #[arg(long, env = "SITECARD_SMS_URL", global = true)]
    pub sms_url: Option<String>,
    /// Bearer token for the SMS provider.
    #[arg(long, env = "SITECARD_SMS_TOKEN", hide_env_values = true, global = true)]
    pub sms_token: Option<String>,
    /// Sender name or number of SMS.
    #[arg(long, env = "SITECARD_SMS_FROM", default_value = "Sitecard", global = true)]
    pub sms_from: String,
    /// How often the outbox dispatcher looks for due messages, in milliseconds.
    #[arg(long, env = "SITECARD_DISPATCH_INTERVAL_MS", default_value_t = 1000, global = true)]
    pub dispatch_interval_ms: u64,
    /// How often the expiry job expires cards past their last valid day and sends reminders, in milliseconds.
    #[arg(long, env = "SITECARD_EXPIRY_INTERVAL_MS", default_value_t = 30_000, global = true)]
    pub expiry_interval_ms: u64,
    /// How often new audit events are sealed into a signed checkpoint, in milliseconds.
    #[arg(long, env = "SITECARD_AUDIT_SEAL_INTERVAL_MS", default_value_t = 10_000, global = true)]
    pub audit_seal_interval_ms: u64,
    /// Password hashes computed at once (argon2id, 19 MiB each); default: one per core.
    #[arg(long, env = "SITECARD_ARGON2_CONCURRENCY", global = true)]
    pub argon2_concurrency: Option<usize>,
    /// Where card photos are stored: a directory (`file://…` or a path).
    #[arg(long, env = "SITECARD_OBJECT_STORE", default_value = "./data/objects", global = true)]
    pub object_store: String,
    /// Keep live sessions in memory (`on`, the default) or read each request's session from the database
    /// (`off`: for comparison in benchmarks and for diagnosis).
    #[arg(long, env = "SITECARD_SESSION_CACHE", default_value = "on", value_parser = ["on", "off"], global = true)]
    pub session_cache: String,
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
            ("SITECARD_DATA_KEY", mask_opt(&self.data_key)),
            ("SITECARD_OBJECT_STORE", self.object_store.clone()),
            ("SITECARD_WEBHOOK_ALLOW_PRIVATE", self.webhook_allow_private.to_string()),
            ("SITECARD_METRICS_LISTEN", self.metrics_listen.clone().unwrap_or_else(|| "(unset)".into())),
            ("SITECARD_TRUSTED_PROXIES", self.trusted_proxies.clone().unwrap_or_else(|| "(unset)".into())),
            ("SITECARD_TRUST_PROXY", self.trust_proxy.to_string()),
            ("SITECARD_INSECURE_COOKIES", self.insecure_cookies.to_string()),
            ("SITECARD_SMTP_URL", self.smtp_url.as_deref().map(mask_url).unwrap_or_else(|| "(unset)".into())),
            ("SITECARD_EMAIL_FROM", self.email_from.clone()),
            ("SITECARD_SMS_URL", self.sms_url.clone().unwrap_or_else(|| "(unset)".into())),
            ("SITECARD_SMS_TOKEN", mask_opt(&self.sms_token)),
            ("SITECARD_SMS_FROM", self.sms_from.clone()),
            ("SITECARD_DISPATCH_INTERVAL_MS", self.dispatch_interval_ms.to_string()),
            ("SITECARD_AUDIT_SEAL_INTERVAL_MS", self.audit_seal_interval_ms.to_string()),
            ("SITECARD_EXPIRY_INTERVAL_MS", self.expiry_interval_ms.to_string()),
            ("SITECARD_SESSION_CACHE", self.session_cache.clone()),
        ]
    }
}

fn mask_opt(v: &Option<String>) -> String {
    if v.as_deref().is_some_and(|s| !s.is_empty()) { "****".into() } else { "(unset)".into() }
}

/// The data key: from config, or in development mode a fixed, public key (never for real data).
pub fn data_key(config: &Config) -> Result<[u8; 32], String> {
    match &config.data_key {
        Some(hex_key) => {
            let bytes = hex::decode(hex_key.trim()).map_err(|_| "SITECARD_DATA_KEY must be 64 hex characters".to_owned())?;
            bytes.try_into().map_err(|_| "SITECARD_DATA_KEY must be 32 bytes (64 hex characters)".to_owned())
        }
        None if config.dev => Ok(*b"sitecard-dev-key-not-for-real-da"),
        None => Err("SITECARD_DATA_KEY is required outside development mode (generate one: openssl rand -hex 32)".into()),
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

/// `SITECARD_TRUSTED_PROXIES`, or one hop for the older `SITECARD_TRUST_PROXY=1`; a malformed value stops the
/// start rather than silently trusting nothing (or everything).
pub fn trusted_proxies(config: &Config) -> Result<sitecard_domain::client_ip::TrustedProxies, String> {
    use sitecard_domain::client_ip::TrustedProxies;
    match &config.trusted_proxies {
        Some(v) => v.parse::<TrustedProxies>().map_err(|e| e.to_string()),
        None if config.trust_proxy => Ok(TrustedProxies::Hops(1)),
        None => Ok(TrustedProxies::None),
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
