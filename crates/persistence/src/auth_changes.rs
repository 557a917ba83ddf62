//! Notices of changed accounts and sessions from the database (PostgreSQL `LISTEN sitecard_auth`; migration
//! 10 sends them), for instances that keep sessions in memory.

use sea_orm::sqlx::postgres::PgListener;
use uuid::Uuid;

use crate::DbError;

const CHANNEL: &str = "sitecard_auth";

pub enum AuthChange {
    /// This account, or one of its sessions, changed.
    Account(Uuid),
    /// The connection was lost: notices sent meanwhile are gone.
    Lost,
}

/// A connection listening for change notices; its own, outside the pools.
pub struct AuthChangeListener {
    listener: PgListener,
}

impl AuthChangeListener {
    /// Listening from the moment this returns; `None` for SQLite, which has no notices (one instance).
    pub async fn connect(database_url: &str) -> Result<Option<Self>, DbError> {
        if !database_url.starts_with("postgres") {
            return Ok(None);
        }
        let mut listener = PgListener::connect(database_url).await.map_err(|e| DbError::Unavailable(e.to_string()))?;
        listener.listen(CHANNEL).await.map_err(|e| DbError::Unavailable(e.to_string()))?;
        Ok(Some(Self { listener }))
    }

    pub async fn next(&mut self) -> Result<AuthChange, DbError> {
        match self.listener.try_recv().await.map_err(|e| DbError::Unavailable(e.to_string()))? {
            // A notice that does not name an account cannot be applied to one: treat it as a gap.
            Some(notice) => Ok(notice.payload().parse().map(AuthChange::Account).unwrap_or(AuthChange::Lost)),
            None => Ok(AuthChange::Lost),
        }
    }
}
