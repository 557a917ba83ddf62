//! Fixed-window counters in the database, so every instance behind the load balancer sees the same counts.

use chrono::Utc;
use sea_orm::{ColumnTrait, ConnectionTrait, DbBackend, EntityTrait, QueryFilter, Statement};

use crate::DbError;
use crate::entities::rate_limits::{self, Entity as RateLimits};

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
    counted(conn, key, window_secs, None).await?.ok_or(DbError::NotFound)
}

/// Takes one attempt on `key` if its window has room, in one conditional upsert: `Ok` with the window after
/// it, or `Err` with the full window (nothing counted). Counted before the attempt is judged, so N parallel
/// attempts never get more than `max` judged, on one instance or several (the row is the lock).
pub async fn take<C: ConnectionTrait>(conn: &C, key: &str, window_secs: i64, max: i64) -> Result<Result<Window, Window>, DbError> {
    match counted(conn, key, window_secs, Some(max)).await? {
        Some(w) => Ok(Ok(w)),
        None => Ok(Err(peek_many(conn, &[(key, window_secs)]).await?.pop().unwrap_or(Window { hits: max, resets_in: 1 }))),
    }
}

/// The one counting statement: a new window starts at one hit, a running one adds a hit, unless `max` is given
/// and already reached (then the upsert's `WHERE` leaves the row alone and nothing is returned).
async fn counted<C: ConnectionTrait>(conn: &C, key: &str, window_secs: i64, max: Option<i64>) -> Result<Option<Window>, DbError> {
    let now = Utc::now().timestamp();
    let backend = conn.get_database_backend();
    let stmt = sql(
        backend,
        "INSERT INTO rate_limits (key, window_start, hits) VALUES ($1, $2, 1) \
         ON CONFLICT (key) DO UPDATE SET \
           hits = CASE WHEN rate_limits.window_start <= $3 THEN 1 ELSE rate_limits.hits + 1 END, \
           window_start = CASE WHEN rate_limits.window_start <= $3 THEN $2 ELSE rate_limits.window_start END \
         WHERE rate_limits.window_start <= $3 OR rate_limits.hits < $4 \
         RETURNING hits, window_start",
    );
    let ceiling = max.unwrap_or(i64::MAX);
    let stmt = Statement::from_sql_and_values(backend, stmt.sql, [key.into(), now.into(), (now - window_secs).into(), ceiling.into()]);
    let Some(row) = conn.query_one_raw(stmt).await? else { return Ok(None) };
    let hits: i32 = row.try_get("", "hits")?;
    let start: i64 = row.try_get("", "window_start")?;
    Ok(Some(Window { hits: i64::from(hits), resets_in: (start + window_secs - now).max(1) }))
}

/// Returns an attempt taken with `take` that turned out to be allowed (a right password, a right code), so
/// only failures use up the window.
pub async fn give_back<C: ConnectionTrait>(conn: &C, key: &str) -> Result<(), DbError> {
    let backend = conn.get_database_backend();
    let stmt = sql(backend, "UPDATE rate_limits SET hits = hits - 1 WHERE key = $1 AND hits > 0");
    conn.execute_raw(Statement::from_sql_and_values(backend, stmt.sql, [key.into()])).await?;
    Ok(())
}

/// The current windows of keys (`(key, window_secs)`, answered in that order) without counting, in one
/// statement: a sign-in checks its IP and its account before the password hash is even looked at.
pub async fn peek_many<C: ConnectionTrait>(conn: &C, keys: &[(&str, i64)]) -> Result<Vec<Window>, DbError> {
    let now = Utc::now().timestamp();
    let rows = RateLimits::find().filter(rate_limits::Column::Key.is_in(keys.iter().map(|(k, _)| (*k).to_owned()))).all(conn).await?;
    Ok(keys.iter().map(|(key, window_secs)| window_of(rows.iter().find(|r| r.key == *key), *window_secs, now)).collect())
}

fn window_of(row: Option<&rate_limits::Model>, window_secs: i64, now: i64) -> Window {
    match row {
        Some(r) if r.window_start > now - window_secs => {
            Window { hits: i64::from(r.hits), resets_in: (r.window_start + window_secs - now).max(1) }
        }
        _ => Window { hits: 0, resets_in: 0 },
    }
}

pub async fn clear<C: ConnectionTrait>(conn: &C, key: &str) -> Result<(), DbError> {
    RateLimits::delete_by_id(key.to_owned()).exec(conn).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn peek_many_answers_each_key_in_the_order_asked_and_counts_nothing() {
        let db = crate::connect("sqlite::memory:", 1).await.expect("connect");
        crate::migrate(&db).await.expect("migrate");
        for _ in 0..3 {
            hit(&db, "a", 60).await.unwrap();
        }
        hit(&db, "b", 60).await.unwrap();
        let keys = [("b", 60), ("never-hit", 60), ("a", 60), ("a", 0)];
        let windows = peek_many(&db, &keys).await.unwrap();
        let hits: Vec<i64> = windows.iter().map(|w| w.hits).collect();
        // A window of 0 s has always run out: what was counted in it no longer counts.
        assert_eq!(hits, [1, 0, 3, 0]);
        assert!(windows[0].resets_in >= 1 && windows[0].resets_in <= 60, "{:?}", windows[0]);
        assert_eq!(
            windows.iter().map(|w| w.hits).collect::<Vec<_>>(),
            peek_many(&db, &keys).await.unwrap().iter().map(|w| w.hits).collect::<Vec<_>>()
        );
        // Asked alone, each key answers as it did in the batch.
        for ((key, window), in_batch) in keys.into_iter().zip(&windows) {
            assert_eq!(peek_many(&db, &[(key, window)]).await.unwrap()[0].hits, in_batch.hits, "{key}");
        }
        assert!(peek_many(&db, &[]).await.unwrap().is_empty());
    }

    #[tokio::test]
    async fn take_counts_up_to_the_limit_and_no_further_and_give_back_returns_one() {
        let db = crate::connect("sqlite::memory:", 1).await.expect("connect");
        crate::migrate(&db).await.expect("migrate");
        let taken: Vec<bool> = {
            let mut v = vec![];
            for _ in 0..5 {
                v.push(take(&db, "k", 60, 3).await.unwrap().is_ok());
            }
            v
        };
        assert_eq!(taken, [true, true, true, false, false]);
        let full = take(&db, "k", 60, 3).await.unwrap().unwrap_err();
        assert_eq!(full.hits, 3);
        assert!(full.resets_in >= 1 && full.resets_in <= 60);
        give_back(&db, "k").await.unwrap();
        assert_eq!(take(&db, "k", 60, 3).await.unwrap().unwrap().hits, 3);
        // A window that has run out starts again at one.
        assert_eq!(take(&db, "k", 0, 3).await.unwrap().unwrap().hits, 1);
        give_back(&db, "never-taken").await.unwrap();
        assert_eq!(peek_many(&db, &[("never-taken", 60)]).await.unwrap()[0].hits, 0);
    }
}
