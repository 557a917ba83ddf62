//! Plain reads on SQLite over connections this handle holds itself rather than borrows from sqlx's pool.
//!
//! A pooled connection returned after each statement is pinged through its worker thread before the pool
//! takes it back (sqlx tests every returned connection, in a task of its own): on SQLite that is a second
//! round trip to the connection's thread, two more thread wake-ups, for every read. A SQLite connection is a
//! file handle in this process and cannot die between statements, so these connections are simply kept.
//! Each statement still runs outside any transaction (autocommit: it sees the latest commit) and as a prepared
//! statement that the connection keeps.

use sea_orm::sqlx::sqlite::{SqliteConnectOptions, SqliteConnection};
use sea_orm::sqlx::{self, Connection};
use sea_orm::{DbErr, QueryResult, RuntimeErr, Statement};
use sea_query_sqlx::SqlxValues;
use tokio::sync::{Mutex, MutexGuard};

pub(crate) struct DirectReads {
    conns: Vec<Mutex<Held>>,
}

struct Held {
    conn: SqliteConnection,
    /// A statement's future was dropped before it finished (the client went away): check the connection
    /// before the next statement, as the pool would.
    interrupted: bool,
}

impl std::fmt::Debug for DirectReads {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DirectReads").field("connections", &self.conns.len()).finish()
    }
}

impl DirectReads {
    pub(crate) async fn open(options: SqliteConnectOptions, count: u32) -> Result<Self, DbErr> {
        let mut conns = Vec::with_capacity(count as usize);
        for _ in 0..count.max(1) {
            let conn = SqliteConnection::connect_with(&options).await.map_err(|e| DbErr::Conn(RuntimeErr::SqlxError(e.into())))?;
            conns.push(Mutex::new(Held { conn, interrupted: false }));
        }
        Ok(Self { conns })
    }

    /// The first free connection, so that under light load the same one or two stay warm; the first one when
    /// all are busy.
    async fn take(&self) -> Result<MutexGuard<'_, Held>, DbErr> {
        let mut held = match self.conns.iter().find_map(|c| c.try_lock().ok()) {
            Some(held) => held,
            None => self.conns[0].lock().await,
        };
        if held.interrupted {
            held.conn.ping().await.map_err(query_err)?;
            held.interrupted = false;
        }
        Ok(held)
    }

    pub(crate) async fn query_one(&self, stmt: &Statement) -> Result<Option<QueryResult>, DbErr> {
        let mut held = self.take().await?;
        let Held { conn, interrupted } = &mut *held;
        let guard = Interrupted::arm(interrupted);
        let row = query(stmt).fetch_optional(conn).await;
        guard.disarm();
        Ok(row.map_err(query_err)?.map(QueryResult::from))
    }

    pub(crate) async fn query_all(&self, stmt: &Statement) -> Result<Vec<QueryResult>, DbErr> {
        let mut held = self.take().await?;
        let Held { conn, interrupted } = &mut *held;
        let guard = Interrupted::arm(interrupted);
        let rows = query(stmt).fetch_all(conn).await;
        guard.disarm();
        Ok(rows.map_err(query_err)?.into_iter().map(QueryResult::from).collect())
    }
}

/// Marks the connection interrupted unless disarmed (a statement that returned, with rows or an error).
struct Interrupted<'a>(Option<&'a mut bool>);

impl<'a> Interrupted<'a> {
    fn arm(flag: &'a mut bool) -> Self {
        Self(Some(flag))
    }

    fn disarm(mut self) {
        self.0 = None;
    }
}

impl Drop for Interrupted<'_> {
    fn drop(&mut self) {
        if let Some(flag) = self.0.take() {
            *flag = true;
        }
    }
}

fn query(stmt: &Statement) -> sqlx::query::Query<'_, sqlx::Sqlite, SqlxValues> {
    let values = stmt.values.clone().unwrap_or_else(|| sea_orm::sea_query::Values(Vec::new()));
    sqlx::query_with(sqlx::AssertSqlSafe(stmt.sql.as_str()), SqlxValues(values))
}

fn query_err(e: sqlx::Error) -> DbErr {
    DbErr::Query(RuntimeErr::SqlxError(e.into()))
}

#[cfg(test)]
mod tests {
    use sea_orm::{ConnectionTrait, Statement};
    use std::time::Duration;

    fn sql(db: &crate::Db, sql: &str) -> Statement {
        Statement::from_string(db.get_database_backend(), sql)
    }

    async fn count(reads: &crate::Db) -> i64 {
        let row = reads.query_one_raw(sql(reads, "SELECT count(*) FROM t")).await.expect("read").expect("a row");
        row.try_get_by_index::<i64>(0).expect("count")
    }

    #[tokio::test]
    async fn reads_see_every_commit_at_once_and_survive_an_abandoned_statement() {
        let dir = std::env::temp_dir().join(format!("sitecard-direct-{}", uuid::Uuid::new_v4().simple()));
        let url = format!("sqlite://{}/db.sqlite", dir.display());
        let writer = crate::connect(&url, 1).await.expect("writer");
        let reads = crate::connect_reads(&url, 2).await.expect("reads");
        assert!(reads.1.is_some() && writer.1.is_none(), "only the read handle keeps its own connections");

        writer.execute_unprepared("CREATE TABLE t (n INTEGER NOT NULL)").await.expect("create");
        for expected in 1..=3 {
            writer.execute_unprepared("INSERT INTO t (n) VALUES (1)").await.expect("insert");
            // Autocommit reads on kept connections: no snapshot outlives a statement.
            assert_eq!(count(&reads).await, expected);
        }

        // A slow statement whose caller gives up (a client that went away) leaves its connection usable.
        let slow = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 3000000) SELECT sum(x) FROM c";
        for _ in 0..2 {
            let abandoned = tokio::time::timeout(Duration::from_millis(5), reads.query_all_raw(sql(&reads, slow))).await;
            assert!(abandoned.is_err(), "the slow statement was meant to be cut short");
        }
        assert_eq!(count(&reads).await, 3);

        // More readers at once than connections: they queue, none fails, each sees the committed rows.
        let all = futures_util::future::join_all((0..32).map(|_| count(&reads))).await;
        assert!(all.iter().all(|&n| n == 3), "{all:?}");
        let _ = std::fs::remove_dir_all(dir);
    }
}
