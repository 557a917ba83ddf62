//! Builds the running application from configuration: pool, migrations, listener, HTTP server.

use std::net::TcpListener;
use std::sync::Arc;

use actix_web::HttpServer;
use actix_web::dev::Server;
use sitecard_api::{ApiConfig, AppState};

use crate::config::Config;

pub struct Application {
    port: u16,
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
}

pub async fn open_database(config: &Config) -> Result<sitecard_persistence::Db, StartupError> {
    let pool = if config.database_url.starts_with("sqlite:") { config.db_pool_size.min(4) } else { config.db_pool_size };
    Ok(sitecard_persistence::connect(&config.database_url, pool).await?)
}

impl Application {
    /// Connects, migrates and binds; the server starts serving in `run_until_stopped`.
    pub async fn build(config: Config) -> Result<Self, StartupError> {
        let db = open_database(&config).await?;
        sitecard_persistence::migrate(&db).await?;
        let listener = TcpListener::bind((config.host.as_str(), config.port))?;
        let port = listener.local_addr()?.port();
        let state = AppState {
            db,
            config: Arc::new(ApiConfig {
                dev_mode: config.dev,
                public_url: config.public_url.clone(),
                static_dir: config.static_dir.clone(),
                cors_origins: config.cors_origins.clone(),
            }),
            metrics: sitecard_api::metrics::Metrics::new()?,
        };
        let doc = sitecard_api::openapi_document();
        let mut server = HttpServer::new(move || sitecard_api::app(state.clone(), doc.clone()))
            .listen(listener)?
            // Slow clients must not hold connections open for ever.
            .client_request_timeout(std::time::Duration::from_secs(10))
            .client_disconnect_timeout(std::time::Duration::from_secs(5))
            .keep_alive(std::time::Duration::from_secs(30))
            .shutdown_timeout(15);
        if let Some(workers) = config.workers {
            server = server.workers(workers);
        }
        Ok(Self { port, server: server.run() })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// Serves until SIGINT or SIGTERM, then finishes in-flight requests (graceful shutdown).
    pub async fn run_until_stopped(self) -> Result<(), std::io::Error> {
        self.server.await
    }
}
