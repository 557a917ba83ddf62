//! Builds the running application from configuration: pool, migrations, keys, listener, HTTP server and
//! the background workers (outbox dispatcher, signing-key reload).

use std::net::TcpListener;
use std::sync::Arc;
use std::time::Duration;

use actix_web::HttpServer;
use actix_web::dev::Server;
use sitecard_api::{AppConfig, AppState};
use sitecard_app::crypto::{DataCipher, PasswordHasher};
use sitecard_app::keys::KeyStore;
use sitecard_app::session_cache::SessionCache;
use sitecard_notify::adapters::{HttpSmsSender, SmtpSender, WebhookSender};
use sitecard_notify::{Dispatcher, Transports};

use crate::config::{self, Config};

pub struct Application {
    port: u16,
    metrics_port: Option<u16>,
    server: Server,
}

#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error("database: {0}")]
    Db(#[from] sitecard_persistence::DbError),
    #[error("network: {0}")]
    Io(#[from] std::io::Error),
    #[error("metrics: {0}")]
    Metrics(#[from] prometheus::Error),
    #[error("configuration: {0}")]
    Config(String),
    #[error("{0}")]
    App(#[from] sitecard_app::AppError),
    #[error("delivery adapter: {0}")]
    Adapter(#[from] sitecard_notify::adapters::DeliveryError),
}

pub async fn open_database(config: &Config) -> Result<sitecard_persistence::Db, StartupError> {
    // SQLite has one writer; a single connection serialises transactions instead of failing them with
    // SQLITE_BUSY. Scale out on PostgreSQL.
    let pool = if config.database_url.starts_with("sqlite:") { 1 } else { config.db_pool_size };
    Ok(sitecard_persistence::connect(&config.database_url, pool).await?)
}

/// Everything handlers need, for the server and for CLI commands alike.
pub async fn build_state(config: &Config) -> Result<AppState, StartupError> {
    let db = open_database(config).await?;
    sitecard_persistence::migrate(&db).await?;
    // Reads get connections of their own on both backends (see `AppState::read`).
    let read = sitecard_persistence::connect_reads(&config.database_url, config.db_pool_size.clamp(1, 8)).await?;
    let cipher = DataCipher::new(config::data_key(config).map_err(StartupError::Config)?);
    let keys = KeyStore::load(&db, &cipher).await?;
    let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2);
    let hasher = PasswordHasher::new(config.argon2_concurrency.unwrap_or(cores))?;
    Ok(AppState {
        db,
        read,
        config: Arc::new(AppConfig {
            dev_mode: config.dev,
            public_url: config.public_url.clone(),
            static_dir: config.static_dir.clone(),
            cors_origins: config.cors_origins.clone(),
            trusted_proxies: config::trusted_proxies(config).map_err(StartupError::Config)?,
            secure_cookies: !config.insecure_cookies,
            webhook_allow_private: config.dev || config.webhook_allow_private,
        }),
        metrics: sitecard_app::metrics::Metrics::new()?,
        cipher,
        keys,
        hasher,
        photos: sitecard_app::photo_store::PhotoStore::from_url(&config.object_store).map_err(StartupError::Config)?,
        // On PostgreSQL other instances change sessions too: the cache starts suspended and is switched on by
        // the change listener once it is connected (`session_changes`).
        sessions: Arc::new(match config.session_cache.as_str() {
            "off" => SessionCache::disabled(),
            _ => SessionCache::new(config.database_url.starts_with("sqlite:")),
        }),
    })
}

pub fn transports(config: &Config, cipher: &sitecard_app::crypto::DataCipher) -> Result<Transports, StartupError> {
    // A variable set to nothing (compose's `${VAR:-}`) is as good as unset.
    let email =
        config.smtp_url.as_deref().filter(|u| !u.trim().is_empty()).map(|url| SmtpSender::new(url, &config.email_from)).transpose()?;
    let sms = config
        .sms_url
        .as_deref()
        .filter(|u| !u.trim().is_empty())
        .map(|url| HttpSmsSender::new(url, config.sms_token.as_deref().unwrap_or_default(), &config.sms_from))
        .transpose()?;
    if !config.dev && (email.is_none() || sms.is_none()) {
        tracing::warn!("SITECARD_SMTP_URL or SITECARD_SMS_URL is not set: those messages stay queued in the outbox");
    }
    let cipher = cipher.clone();
    let webhook = WebhookSender::new(config.dev || config.webhook_allow_private)?.with_secrets(std::sync::Arc::new(
        move |client_id: &str, stored: Option<&str>| cipher.partner_webhook_secret(client_id, stored).ok(),
    ));
    Ok(Transports { email, sms, webhook: Some(webhook), dev_sink: config.dev })
}

impl Application {
    /// Connects, migrates and binds; the server starts serving in `run_until_stopped`.
    pub async fn build(config: Config) -> Result<Self, StartupError> {
        let state = build_state(&config).await?;
        match sitecard_persistence::engine_version(&state.db).await {
            Ok(version) => tracing::info!(backend = sitecard_persistence::backend_name(&state.db), version, "database"),
            Err(e) => tracing::warn!(error = %e, "database version unknown"),
        }
        let listener = TcpListener::bind((config.host.as_str(), config.port))?;
        let port = listener.local_addr()?.port();

        let dispatcher = Dispatcher::new(state.db.clone(), transports(&config, &state.cipher)?);
        tokio::spawn(dispatcher.run(Duration::from_millis(config.dispatch_interval_ms.max(50))));
        let (keys, db, cipher) = (state.keys.clone(), state.db.clone(), state.cipher.clone());
        tokio::spawn(async move {
            // Rotations made by another instance or the CLI reach this one within a minute.
            loop {
                tokio::time::sleep(Duration::from_secs(60)).await;
                if let Err(e) = keys.reload(&db, &cipher).await {
                    tracing::warn!(error = %e, "signing keys reload failed");
                }
            }
        });

        if config.database_url.starts_with("sqlite:") {
            let read = state.read.clone();
            tokio::spawn(async move {
                // The WAL goes back into the database file here, not in the commit of whichever write crosses the
                // autocheckpoint size (see `sitecard_persistence::checkpoint_wal`).
                loop {
                    tokio::time::sleep(Duration::from_secs(1)).await;
                    if let Err(e) = sitecard_persistence::checkpoint_wal(&read).await {
                        tracing::warn!(error = %e, "WAL checkpoint failed");
                    }
                }
            });
        }

        let db = state.db.clone();
        tokio::spawn(async move {
            // Stored Idempotency-Key answers are kept 24 hours (API.md); older ones are deleted here. Safe on any
            // number of instances: each delete is one statement and deleting twice changes nothing.
            loop {
                let cutoff = chrono::Utc::now() - sitecard_persistence::idempotency::RETENTION;
                match sitecard_persistence::idempotency::purge_before(&db, cutoff).await {
                    Ok(n) if n > 0 => tracing::info!(purged = n, "idempotency keys older than 24 h deleted"),
                    Ok(_) => {}
                    Err(e) => tracing::warn!(error = %e, "idempotency key purge failed"),
                }
                tokio::time::sleep(Duration::from_secs(600)).await;
            }
        });

        let (db, keys) = (state.db.clone(), state.keys.clone());
        let seal_every = Duration::from_millis(config.audit_seal_interval_ms.max(100));
        tokio::spawn(async move {
            // Off the request path: appends only insert; this seals what they wrote into signed checkpoints.
            loop {
                tokio::time::sleep(seal_every).await;
                loop {
                    match sitecard_app::audit_seal::seal_pending(&db, &keys).await {
                        Ok(Some(checkpoint)) => tracing::debug!(%checkpoint, "audit events sealed"),
                        Ok(None) => break,
                        Err(e) => {
                            tracing::warn!(error = %e, "audit sealing failed");
                            break;
                        }
                    }
                }
            }
        });

        let expiry_state = state.clone();
        let expiry_every = Duration::from_millis(config.expiry_interval_ms.max(100));
        tokio::spawn(async move {
            // Cards expire within one interval of their last valid day; any number of instances may run this.
            loop {
                tokio::time::sleep(expiry_every).await;
                match sitecard_app::card_expiry::expire_due_cards(&expiry_state).await {
                    Ok(n) if n > 0 => tracing::info!(expired = n, "cards expired"),
                    Ok(_) => {}
                    Err(e) => tracing::warn!(error = %e, "card expiry pass failed"),
                }
                if let Err(e) = sitecard_app::card_expiry::send_expiry_reminders(&expiry_state).await {
                    tracing::warn!(error = %e, "expiry reminders failed");
                }
            }
        });

        if config.session_cache != "off" {
            crate::session_changes::spawn_listener(&config.database_url, state.sessions.clone());
        }

        let metrics_port = match &config.metrics_listen {
            Some(addr) => Some(spawn_metrics_listener(addr, state.metrics.clone())?),
            None => None,
        };

        let doc = sitecard_api::openapi_document().served().map_err(|e| StartupError::Config(format!("OpenAPI document: {e}")))?;
        let mut server = HttpServer::new(move || sitecard_api::app(state.clone(), doc.clone()))
            .listen(listener)?
            // Slow clients must not hold connections open for ever.
            .client_request_timeout(Duration::from_secs(10))
            .client_disconnect_timeout(Duration::from_secs(5))
            .keep_alive(Duration::from_secs(30))
            .shutdown_timeout(15);
        if let Some(workers) = config.workers {
            server = server.workers(workers);
        }
        Ok(Self { port, metrics_port, server: server.run() })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// The port of `SITECARD_METRICS_LISTEN`, when set.
    pub fn metrics_port(&self) -> Option<u16> {
        self.metrics_port
    }

    /// Serves until SIGINT or SIGTERM, then finishes in-flight requests (graceful shutdown).
    pub async fn run_until_stopped(self) -> Result<(), std::io::Error> {
        self.server.await
    }
}

/// `/metrics` alone, without sign-in, on its own (private) address; stops with the process.
fn spawn_metrics_listener(addr: &str, metrics: sitecard_app::metrics::Metrics) -> Result<u16, StartupError> {
    let listener = TcpListener::bind(addr)?;
    let port = listener.local_addr()?.port();
    let metrics = actix_web::web::Data::new(metrics);
    let server = HttpServer::new(move || {
        actix_web::App::new()
            .app_data(metrics.clone())
            .route("/metrics", actix_web::web::get().to(sitecard_api::routes::health::render_metrics))
    })
    .listen(listener)?
    .workers(1)
    .run();
    tokio::spawn(server);
    Ok(port)
}
