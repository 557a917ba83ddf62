//! Fixed-window counters in the database, so every instance behind the load balancer sees the same counts.

use chrono::Utc;
use sea_orm::{ConnectionTrait, DbBackend, EntityTrait, Statement};

use crate::DbError;
use crate::entities::rate_limits::Entity as RateLimits;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub hits: i64,
    /// Seconds until the window resets.
    pub resets_in: i64,
}

fn sql(backend: DbBackend, pg: &str) -> Statement {
    let text = if backend == DbBackend::Postgres { pg.to_owned() } else { pg.replace('$', "?") };
    Statement::from_string(backend, text)
}

/// Counts one hit on `key` and returns the window after it.
pub async fn hit<C: ConnectionTrait>(conn: &C, key: &str, window_secs: i64) -> Result<Window, DbError> {
    let now = Utc::now().timestamp();
    let backend = conn.get_database_backend();
    let stmt = sql(
        backend,
        "INSERT INTO rate_limits (key, window_start, hits) VALUES ($1, $2, 1) \
         ON CONFLICT (key) DO UPDATE SET \
           hits = CASE WHEN rate_limits.window_start <= $3 THEN 1 ELSE rate_limits.hits + 1 END, \
           window_start = CASE WHEN rate_limits.window_start <= $3 THEN $2 ELSE rate_limits.window_start END \
         RETURNING hits, window_start",
    );
    let stmt = Statement::from_sql_and_values(backend, stmt.sql, [key.into(), now.into(), (now - window_secs).into()]);
    let row = conn.query_one_raw(stmt).await?.ok_or(DbError::NotFound)?;
    let hits: i32 = row.try_get("", "hits")?;
    let start: i64 = row.try_get("", "window_start")?;
    Ok(Window { hits: i64::from(hits), resets_in: (start + window_secs - now).max(1) })
}

/// The current window without counting.
pub async fn peek<C: ConnectionTrait>(conn: &C, key: &str, window_secs: i64) -> Result<Window, DbError> {
    let now = Utc::now().timestamp();
    match RateLimits::find_by_id(key.to_owned()).one(conn).await? {
        Some(r) if r.window_start > now - window_secs => {
            Ok(Window { hits: i64::from(r.hits), resets_in: (r.window_start + window_secs - now).max(1) })
        }
        _ => Ok(Window { hits: 0, resets_in: 0 }),
    }
}

pub async fn clear<C: ConnectionTrait>(conn: &C, key: &str) -> Result<(), DbError> {
    RateLimits::delete_by_id(key.to_owned()).exec(conn).await?;
    Ok(())
}
