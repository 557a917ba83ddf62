//! Keeps the session cache honest on PostgreSQL: every instance listens for the database's change notices
//! and drops the accounts they name. Without a listener the cache is off (see `sitecard_app::session_cache`).

use std::sync::Arc;
use std::time::Duration;

use sitecard_app::session_cache::SessionCache;
use sitecard_persistence::auth_changes::{AuthChange, AuthChangeListener};

/// On PostgreSQL, a task that listens for as long as the process runs, reconnecting after a second when the
/// connection is lost; the cache serves only while it listens. Nothing to do on SQLite.
pub fn spawn_listener(database_url: &str, cache: Arc<SessionCache>) {
    if !database_url.starts_with("postgres") {
        return;
    }
    let url = database_url.to_owned();
    tokio::spawn(async move {
        loop {
            match AuthChangeListener::connect(&url).await {
                Ok(Some(mut listener)) => {
                    cache.resume();
                    tracing::debug!("session cache on: listening for account and session changes");
                    loop {
                        match listener.next().await {
                            Ok(AuthChange::Account(id)) => cache.forget_account(id.into()),
                            Ok(AuthChange::Lost) => {
                                tracing::warn!("change listener lost its connection: session cache off until it is back");
                                break;
                            }
                            Err(e) => {
                                tracing::warn!(error = %e, "change listener failed: session cache off until it is back");
                                break;
                            }
                        }
                    }
                    cache.suspend();
                }
                Ok(None) => return,
                Err(e) => tracing::warn!(error = %e, "change listener cannot connect: sessions are read from the database"),
            }
            tokio::time::sleep(Duration::from_secs(1)).await;
        }
    });
}
