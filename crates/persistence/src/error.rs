use sea_orm::{DbErr, RuntimeErr, SqlErr};

/// Storage failures, as the layers above need to tell them apart.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    /// The database cannot be reached (down, restarting, pool exhausted).
    #[error("database unavailable: {0}")]
    Unavailable(String),
    /// A unique constraint was violated.
    #[error("conflict: {0}")]
    Conflict(String),
    #[error("record not found")]
    NotFound,
    #[error("database error: {0}")]
    Other(String),
}

impl From<DbErr> for DbError {
    fn from(e: DbErr) -> Self {
        if let Some(SqlErr::UniqueConstraintViolation(msg)) = e.sql_err() {
            return Self::Conflict(msg);
        }
        match &e {
            DbErr::ConnectionAcquire(_) | DbErr::Conn(_) => Self::Unavailable(e.to_string()),
            DbErr::Exec(RuntimeErr::SqlxError(s)) | DbErr::Query(RuntimeErr::SqlxError(s)) if is_io(s) => Self::Unavailable(e.to_string()),
            DbErr::RecordNotFound(_) => Self::NotFound,
            _ => Self::Other(e.to_string()),
        }
    }
}

fn is_io(e: &impl std::fmt::Display) -> bool {
    let s = e.to_string();
    s.contains("pool timed out")
        || s.contains("error communicating with database")
        || s.contains("Connection refused")
        || s.contains("connection closed")
        || s.contains("terminating connection")
}
