//! Plain reads over connections this handle holds itself rather than borrows from sqlx's pool.
//!
//! sqlx pings every pooled connection as it goes back to the pool (in a task of its own, before the next
//! caller may have it): on SQLite a second round trip to the connection's thread for every statement, on
//! PostgreSQL a second round trip to the server. The read handle keeps its connections instead. Each statement
//! still runs on its own, outside any transaction (autocommit: it sees the latest commit), as a prepared
//! statement the connection keeps. What the pool's checks were for is kept where it matters:
//! - a statement whose caller gave up mid-way (the client went away) leaves its connection pinged before the
//!   next statement, as the pool's release check would;
//! - a PostgreSQL connection idle for a second is pinged before use and replaced if the ping fails (the pool's
//!   `test_before_acquire_if_idle_for`), and one that fails with a connection error is dropped, so a restarted
//!   server costs at most the one statement that found out (503, like the pool's) and the next reconnects.
//!
//! Connections open on first use: a server starts without waiting for them, and tests with many servers do
//! not open what they never use.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use crate::{CONNECT_TIMEOUT, POSTGRES_IDLE_CHECK};
use sea_orm::sqlx::postgres::{PgConnectOptions, Postgres};
use sea_orm::sqlx::sqlite::{Sqlite, SqliteConnectOptions};
use sea_orm::sqlx::{self, ConnectOptions, Connection, Database, Executor, IntoArguments};
use sea_orm::{DbErr, QueryResult, RuntimeErr, Statement};
use sea_query_sqlx::SqlxValues;
use tokio::sync::{Mutex, MutexGuard, Semaphore, SemaphorePermit};

pub(crate) enum DirectReads {
    Sqlite(Kept<Sqlite>),
    Postgres(Kept<Postgres>),
}

impl std::fmt::Debug for DirectReads {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Sqlite(k) => f.debug_struct("DirectReads::Sqlite").field("connections", &k.slots.len()).finish(),
            Self::Postgres(k) => f.debug_struct("DirectReads::Postgres").field("connections", &k.slots.len()).finish(),
        }
    }
}

impl DirectReads {
    pub(crate) fn sqlite(options: SqliteConnectOptions, count: u32) -> Self {
        // A SQLite connection is a file handle in this process: it cannot go away while idle.
        Self::Sqlite(Kept::new(options.disable_statement_logging(), count, None))
    }

    pub(crate) fn postgres(options: PgConnectOptions, count: u32) -> Self {
        Self::Postgres(Kept::new(options.disable_statement_logging(), count, Some(POSTGRES_IDLE_CHECK)))
    }

    pub(crate) async fn query_one(&self, stmt: Statement) -> Result<Option<QueryResult>, DbErr> {
        match self {
            Self::Sqlite(k) => k.query_one(stmt).await,
            Self::Postgres(k) => k.query_one(stmt).await,
        }
    }

    pub(crate) async fn query_all(&self, stmt: Statement) -> Result<Vec<QueryResult>, DbErr> {
        match self {
            Self::Sqlite(k) => k.query_all(stmt).await,
            Self::Postgres(k) => k.query_all(stmt).await,
        }
    }
}

pub(crate) struct Kept<DB: Database> {
    options: <DB::Connection as Connection>::Options,
    /// Ping a connection idle this long before using it (PostgreSQL); `None`: never.
    check_after_idle: Option<Duration>,
    slots: Vec<Mutex<Slot<DB>>>,
    /// One permit per slot: whoever holds one finds a free slot, and callers wait their turn in order for
    /// whichever connection frees first (as in a pool), not behind one particular, perhaps slow, connection.
    free: Semaphore,
    /// Where the next PostgreSQL read starts looking for a free connection.
    next: AtomicUsize,
}

/// A slot's lock, given up before the permit that led to it (fields drop in order).
struct Taken<'a, DB: Database> {
    slot: MutexGuard<'a, Slot<DB>>,
    _permit: SemaphorePermit<'a>,
}

struct Slot<DB: Database> {
    conn: Option<DB::Connection>,
    /// Set while a statement runs; still set at the next use when its caller was dropped mid-way.
    interrupted: bool,
    last_used: Instant,
}

impl<DB> Kept<DB>
where
    DB: Database,
    DB::Row: Into<QueryResult>,
    SqlxValues: IntoArguments<DB>,
    for<'c> &'c mut DB::Connection: Executor<'c, Database = DB>,
{
    fn new(options: <DB::Connection as Connection>::Options, count: u32, check_after_idle: Option<Duration>) -> Self {
        let count = count.max(1) as usize;
        let slots = (0..count).map(|_| Mutex::new(Slot { conn: None, interrupted: false, last_used: Instant::now() })).collect();
        Self { options, check_after_idle, slots, free: Semaphore::new(count), next: AtomicUsize::new(0) }
    }

    /// A free connection, checked or opened as needed. SQLite: the first free one, so that under light load
    /// the same one or two threads stay warm. PostgreSQL: the next free one in turn, as a pool hands them out,
    /// so that none sits idle past the idle check and then pays a ping in the middle of a busy moment.
    async fn take(&self) -> Result<Taken<'_, DB>, DbErr> {
        let permit = self.free.acquire().await.map_err(|_| not_open())?;
        let start = if self.check_after_idle.is_some() { self.next.fetch_add(1, Ordering::Relaxed) % self.slots.len() } else { 0 };
        let in_turn = self.slots[start..].iter().chain(&self.slots[..start]);
        // A permit should always find a slot free; when none is (seen as a rare 503 under wrk bursts that drop
        // handlers mid-statement, cause not found), wait for the slot in turn rather than fail the read, as
        // before the semaphore.
        let mut slot = match in_turn.into_iter().find_map(|s| s.try_lock().ok()) {
            Some(slot) => slot,
            None => self.slots[start].lock().await,
        };
        let check = slot.interrupted || self.check_after_idle.is_some_and(|idle| slot.last_used.elapsed() >= idle);
        let usable = match slot.conn.as_mut() {
            Some(conn) if check => conn.ping().await.is_ok(),
            Some(_) => true,
            None => false,
        };
        if !usable {
            slot.conn = None;
            let connect = tokio::time::timeout(CONNECT_TIMEOUT, DB::Connection::connect_with(&self.options));
            let conn = connect.await.map_err(|_| DbErr::Conn(RuntimeErr::Internal("read connection: connect timed out".into())))?;
            slot.conn = Some(conn.map_err(|e| DbErr::Conn(RuntimeErr::SqlxError(e.into())))?);
        }
        slot.interrupted = false;
        Ok(Taken { slot, _permit: permit })
    }

    async fn query_one(&self, stmt: Statement) -> Result<Option<QueryResult>, DbErr> {
        let Statement { sql, values, .. } = stmt;
        let mut taken = self.take().await?;
        let slot = &mut *taken.slot;
        let Some(conn) = slot.conn.as_mut() else { return Err(not_open()) };
        slot.interrupted = true;
        let row = query(&sql, values).fetch_optional(conn).await;
        slot.interrupted = false;
        slot.last_used = Instant::now();
        Ok(checked(slot, row)?.map(Into::into))
    }

    async fn query_all(&self, stmt: Statement) -> Result<Vec<QueryResult>, DbErr> {
        let Statement { sql, values, .. } = stmt;
        let mut taken = self.take().await?;
        let slot = &mut *taken.slot;
        let Some(conn) = slot.conn.as_mut() else { return Err(not_open()) };
        slot.interrupted = true;
        let rows = query(&sql, values).fetch_all(conn).await;
        slot.interrupted = false;
        slot.last_used = Instant::now();
        Ok(checked(slot, rows)?.into_iter().map(Into::into).collect())
    }
}

/// A statement's error; a connection that failed as a connection is dropped, and the next use opens another.
fn checked<DB: Database, T>(slot: &mut Slot<DB>, result: Result<T, sqlx::Error>) -> Result<T, DbErr> {
    result.map_err(|e| {
        if is_connection_error(&e) {
            slot.conn = None;
        }
        DbErr::Query(RuntimeErr::SqlxError(e.into()))
    })
}

/// The connection, not the statement, failed: the socket or thread is gone, or PostgreSQL is shutting the
/// session down (SQLSTATE class 57, operator intervention: it sends that before closing).
fn is_connection_error(e: &sqlx::Error) -> bool {
    match e {
        sqlx::Error::Io(_) | sqlx::Error::Tls(_) | sqlx::Error::Protocol(_) | sqlx::Error::WorkerCrashed => true,
        sqlx::Error::Database(d) => d.code().is_some_and(|c| c.starts_with("57")),
        _ => false,
    }
}

fn not_open() -> DbErr {
    DbErr::Conn(RuntimeErr::Internal("read connection not open".into()))
}

/// The statement's values move into the query; its text is borrowed.
fn query<DB: Database>(sql: &str, values: Option<sea_orm::sea_query::Values>) -> sqlx::query::Query<'_, DB, SqlxValues>
where
    SqlxValues: IntoArguments<DB>,
{
    let values = values.unwrap_or_else(|| sea_orm::sea_query::Values(Vec::new()));
    sqlx::query_with(sqlx::AssertSqlSafe(sql), SqlxValues(values))
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

    /// A PostgreSQL server that ends a kept connection (here by `pg_terminate_backend`, as a restart or failover
    /// would) costs at most the statements that find out, answered as "unavailable"; a connection idle past the
    /// check is replaced before its statement. Skipped, loudly, where no PostgreSQL is reachable.
    #[tokio::test]
    async fn a_postgres_read_connection_that_died_is_replaced() {
        let server = std::env::var("SITECARD_TEST_PG_URL").unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432".into());
        let Ok(admin) = sea_orm::Database::connect(format!("{server}/postgres")).await else {
            eprintln!("!!! PostgreSQL not reachable at {server}: kept PostgreSQL read connections NOT tested");
            return;
        };
        let name = format!("sitecard_t_{}", uuid::Uuid::new_v4().simple());
        admin.execute_unprepared(&format!("CREATE DATABASE {name}")).await.expect("create database");
        let reads = crate::connect_reads(&format!("{server}/{name}"), 1).await.expect("reads");
        let terminate =
            format!("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}' AND pid <> pg_backend_pid()");
        let one = || reads.query_one_raw(Statement::from_string(sea_orm::DbBackend::Postgres, "SELECT 1"));
        one().await.expect("first read");

        admin.execute_unprepared(&terminate).await.expect("terminate");
        let mut attempts = Vec::new();
        for _ in 0..3 {
            let result = one().await;
            let ok = result.is_ok();
            attempts.push(result.map(|_| ()).map_err(crate::DbError::from));
            if ok {
                break;
            }
        }
        assert!(attempts.last().is_some_and(Result::is_ok), "no read succeeded after the connection died: {attempts:?}");
        for failed in attempts.iter().filter_map(|a| a.as_ref().err()) {
            assert!(matches!(failed, crate::DbError::Unavailable(_)), "a dead connection must read as unavailable (503): {failed:?}");
        }

        admin.execute_unprepared(&terminate).await.expect("terminate again");
        tokio::time::sleep(Duration::from_millis(1100)).await;
        one().await.expect("an idle connection that died is replaced before its statement");

        drop(reads);
        let _ = admin.execute_unprepared(&terminate).await;
        let _ = admin.execute_unprepared(&format!("DROP DATABASE IF EXISTS {name}")).await;
    }
}
