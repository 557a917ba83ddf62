//! Connections this crate keeps itself rather than borrows from sqlx's pool: every statement and transaction
//! of the server runs on one of them.
//!
//! sqlx pings every pooled connection as it goes back to the pool (in a task of its own, before the next
//! caller may have it): on SQLite a second round trip to the connection's thread for every statement and
//! every transaction, which the one writer connection makes every other writer wait for; on PostgreSQL a
//! second round trip to the server. These handles keep their connections instead. Each plain statement runs
//! on its own (autocommit: it sees the latest commit), as a prepared statement the connection keeps. What the
//! pool's checks were for is kept where it matters:
//! - a statement whose caller gave up mid-way (the client went away) leaves its connection pinged before the
//!   next statement, as the pool's release check would;
//! - a transaction dropped without commit (an error, a client that went away) is rolled back by a task of its
//!   own before anyone else gets the connection (sea-orm's and sqlx's transactions do the same); if that task
//!   never ran (a runtime shutting down), the next user closes the connection instead, which ends it;
//! - a PostgreSQL connection idle for a second is pinged before use and replaced if the ping fails (the pool's
//!   `test_before_acquire_if_idle_for`), and one that fails with a connection error is dropped, so a restarted
//!   server costs at most the one statement that found out (503, like the pool's) and the next reconnects;
//! - nobody waits longer than the pool's acquire timeout for a connection (503).
//!
//! Connections open on first use: a server starts without waiting for them, and tests with many servers do
//! not open what they never use.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use crate::{ACQUIRE_TIMEOUT, CONNECT_TIMEOUT, POSTGRES_IDLE_CHECK};
use sea_orm::sqlx::postgres::{PgConnectOptions, Postgres};
use sea_orm::sqlx::sqlite::{Sqlite, SqliteConnectOptions};
use sea_orm::sqlx::{self, ConnectOptions, Connection, Database, Executor, IntoArguments};
use sea_orm::{ConnAcquireErr, DbErr, ExecResult, QueryResult, RuntimeErr, Statement};
use sea_query_sqlx::SqlxValues;
use tokio::sync::{MappedMutexGuard, Mutex, MutexGuard, OwnedMutexGuard, OwnedSemaphorePermit, Semaphore};

/// What a transaction is for.
#[derive(Clone, Copy, Debug)]
pub(crate) enum TxMode {
    /// Changes. SQLite: `BEGIN IMMEDIATE`, the write lock taken up front.
    Write,
    /// Reads that see one snapshot throughout (PostgreSQL: `REPEATABLE READ`, read-only).
    Snapshot,
}

pub(crate) enum Kept {
    Sqlite(Slots<Sqlite>),
    Postgres(Slots<Postgres>),
}

/// A transaction on a kept connection, which it holds from `BEGIN` to `COMMIT`.
pub(crate) enum KeptTx {
    Sqlite(Tx<Sqlite>),
    Postgres(Tx<Postgres>),
}

impl std::fmt::Debug for Kept {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Sqlite(k) => f.debug_struct("Kept::Sqlite").field("connections", &k.slots.len()).finish(),
            Self::Postgres(k) => f.debug_struct("Kept::Postgres").field("connections", &k.slots.len()).finish(),
        }
    }
}

/// One body for each backend: `$k` is the backend's `Slots` (or `Tx`).
macro_rules! on_backend {
    ($self:expr, $ty:ident, $k:ident => $body:expr) => {
        match $self {
            $ty::Sqlite($k) => $body,
            $ty::Postgres($k) => $body,
        }
    };
}

impl Kept {
    pub(crate) fn sqlite(options: SqliteConnectOptions, count: u32) -> Self {
        // A SQLite connection is a file handle in this process: it cannot go away while idle.
        Self::Sqlite(Slots::new(options.disable_statement_logging(), count, None, false))
    }

    /// `in_turn`: hand the connections out in turn (see [`Slots::take`]).
    pub(crate) fn postgres(options: PgConnectOptions, count: u32, in_turn: bool) -> Self {
        Self::Postgres(Slots::new(options.disable_statement_logging(), count, Some(POSTGRES_IDLE_CHECK), in_turn))
    }

    pub(crate) async fn query_one(&self, stmt: Statement) -> Result<Option<QueryResult>, DbErr> {
        on_backend!(self, Self, k => k.take().await?.slot.fetch_optional(stmt).await)
    }

    pub(crate) async fn query_all(&self, stmt: Statement) -> Result<Vec<QueryResult>, DbErr> {
        on_backend!(self, Self, k => k.take().await?.slot.fetch_all(stmt).await)
    }

    pub(crate) async fn execute(&self, stmt: Statement) -> Result<ExecResult, DbErr> {
        on_backend!(self, Self, k => k.take().await?.slot.execute(stmt).await)
    }

    pub(crate) async fn execute_unprepared(&self, sql: &str) -> Result<ExecResult, DbErr> {
        on_backend!(self, Self, k => k.take().await?.slot.execute_unprepared(sql).await)
    }

    /// A round trip on a connection (`/readyz`).
    pub(crate) async fn ping(&self) -> Result<(), DbErr> {
        on_backend!(self, Self, k => k.take().await?.slot.ping().await)
    }

    pub(crate) async fn begin(&self, mode: TxMode) -> Result<KeptTx, DbErr> {
        Ok(match self {
            Self::Sqlite(k) => KeptTx::Sqlite(
                k.begin(match mode {
                    TxMode::Write => "BEGIN IMMEDIATE",
                    TxMode::Snapshot => "BEGIN",
                })
                .await?,
            ),
            Self::Postgres(k) => KeptTx::Postgres(
                k.begin(match mode {
                    TxMode::Write => "BEGIN",
                    TxMode::Snapshot => "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY",
                })
                .await?,
            ),
        })
    }
}

impl KeptTx {
    pub(crate) async fn query_one(&self, stmt: Statement) -> Result<Option<QueryResult>, DbErr> {
        on_backend!(self, Self, t => t.slot().await?.fetch_optional(stmt).await)
    }

    pub(crate) async fn query_all(&self, stmt: Statement) -> Result<Vec<QueryResult>, DbErr> {
        on_backend!(self, Self, t => t.slot().await?.fetch_all(stmt).await)
    }

    pub(crate) async fn execute(&self, stmt: Statement) -> Result<ExecResult, DbErr> {
        on_backend!(self, Self, t => t.slot().await?.execute(stmt).await)
    }

    pub(crate) async fn execute_unprepared(&self, sql: &str) -> Result<ExecResult, DbErr> {
        on_backend!(self, Self, t => t.slot().await?.execute_unprepared(sql).await)
    }

    /// Dropped afterwards, the transaction gives its connection back.
    pub(crate) async fn commit(self) -> Result<(), DbErr> {
        on_backend!(&self, Self, t => t.commit().await)
    }
}

pub(crate) struct Slots<DB: Database> {
    options: <DB::Connection as Connection>::Options,
    /// Ping a connection idle this long before using it (PostgreSQL); `None`: never.
    check_after_idle: Option<Duration>,
    slots: Vec<Arc<Mutex<Slot<DB>>>>,
    /// One permit per slot: whoever holds one finds a free slot, and callers wait their turn in order for
    /// whichever connection frees first (as in a pool), not behind one particular, perhaps slow, connection.
    free: Arc<Semaphore>,
    /// Where the next statement starts looking for a free connection, when they are handed out in turn.
    next: Option<AtomicUsize>,
}

/// A slot's lock, given up before the permit that led to it (fields drop in order).
struct Taken<DB: Database> {
    slot: OwnedMutexGuard<Slot<DB>>,
    _permit: OwnedSemaphorePermit,
}

struct Slot<DB: Database> {
    conn: Option<DB::Connection>,
    /// Set while a statement runs; still set at the next use when its caller was dropped mid-way.
    interrupted: bool,
    /// Between `BEGIN` and the end of the transaction; still set at the next use when the rollback of a
    /// dropped transaction never ran.
    in_transaction: bool,
    last_used: Instant,
}

impl<DB> Slots<DB>
where
    DB: Database,
    DB::Row: Into<QueryResult>,
    DB::QueryResult: Into<ExecResult>,
    SqlxValues: IntoArguments<DB>,
    for<'c> &'c mut DB::Connection: Executor<'c, Database = DB>,
{
    fn new(options: <DB::Connection as Connection>::Options, count: u32, check_after_idle: Option<Duration>, in_turn: bool) -> Self {
        let count = count.max(1) as usize;
        let slots = (0..count)
            .map(|_| Arc::new(Mutex::new(Slot { conn: None, interrupted: false, in_transaction: false, last_used: Instant::now() })))
            .collect();
        let next = in_turn.then(|| AtomicUsize::new(0));
        Self { options, check_after_idle, slots, free: Arc::new(Semaphore::new(count)), next }
    }

    /// A free connection, checked or opened as needed. By default the first free one, so that under light load
    /// the same one or two stay warm and the others are never opened: handing the ten PostgreSQL writer
    /// connections out in turn, as a pool does, opened all of them one statement after another (the PostgreSQL
    /// scenario tests took 157 s instead of 98). PostgreSQL's read connections are handed out in turn, so that
    /// all of them are open, prepared and within the idle check before a burst needs them: taken first-free,
    /// the login flood opened them in the middle of the flood (bench: read p99 12x the unloaded p99, not <= 3x).
    async fn take(&self) -> Result<Taken<DB>, DbErr> {
        let permit = match self.free.clone().try_acquire_owned() {
            Ok(permit) => permit,
            // Only a caller that has to wait pays for the timer.
            Err(_) => tokio::time::timeout(ACQUIRE_TIMEOUT, self.free.clone().acquire_owned())
                .await
                .map_err(|_| DbErr::ConnectionAcquire(ConnAcquireErr::Timeout))?
                .map_err(|_| not_open())?,
        };
        // A permit should always find a slot free; when none is (seen as a rare 503 under wrk bursts that drop
        // handlers mid-statement, cause not found), wait for the slot in turn rather than fail.
        let start = self.next.as_ref().map_or(0, |next| next.fetch_add(1, Ordering::Relaxed) % self.slots.len());
        let mut slot = match self.slots[start..].iter().chain(&self.slots[..start]).find_map(|s| s.clone().try_lock_owned().ok()) {
            Some(slot) => slot,
            None => self.slots[start].clone().lock_owned().await,
        };
        if slot.in_transaction {
            // A dropped transaction whose rollback never ran: closing its connection ends it.
            slot.conn = None;
            slot.in_transaction = false;
        }
        let check = slot.interrupted || self.check_after_idle.is_some_and(|idle| slot.last_used.elapsed() >= idle);
        let usable = match slot.conn.as_mut() {
            Some(conn) if check => conn.ping().await.is_ok(),
            Some(_) => true,
            None => false,
        };
        if !usable {
            slot.conn = None;
            let connect = tokio::time::timeout(CONNECT_TIMEOUT, DB::Connection::connect_with(&self.options));
            let conn = connect.await.map_err(|_| DbErr::Conn(RuntimeErr::Internal("kept connection: connect timed out".into())))?;
            slot.conn = Some(conn.map_err(|e| DbErr::Conn(RuntimeErr::SqlxError(e.into())))?);
        }
        slot.interrupted = false;
        Ok(Taken { slot, _permit: permit })
    }

    async fn begin(&self, begin: &'static str) -> Result<Tx<DB>, DbErr> {
        let mut taken = self.take().await?;
        // Marked before, in case this is dropped mid-way: its next user then closes the connection, which ends
        // whatever `BEGIN` did.
        taken.slot.in_transaction = true;
        if let Err(e) = taken.slot.run(begin).await {
            taken.slot.in_transaction = false;
            return Err(e);
        }
        Ok(Tx { taken: Mutex::new(Some(taken)) })
    }
}

/// A transaction's connection. Behind a `Mutex` only so that its statements can take `&self` (sea-orm's
/// `ConnectionTrait`); they run one after another, so it is never contended.
pub(crate) struct Tx<DB: Database> {
    taken: Mutex<Option<Taken<DB>>>,
}

impl<DB> Tx<DB>
where
    DB: Database,
    DB::Row: Into<QueryResult>,
    DB::QueryResult: Into<ExecResult>,
    SqlxValues: IntoArguments<DB>,
    for<'c> &'c mut DB::Connection: Executor<'c, Database = DB>,
{
    async fn slot(&self) -> Result<MappedMutexGuard<'_, Slot<DB>>, DbErr> {
        MutexGuard::try_map(self.taken.lock().await, |t| t.as_mut().map(|t| &mut *t.slot)).map_err(|_| not_open())
    }

    async fn commit(&self) -> Result<(), DbErr> {
        let mut slot = self.slot().await?;
        slot.run("COMMIT").await?;
        slot.in_transaction = false;
        Ok(())
    }

    /// Gives the connection back; still in its transaction (not committed, or the commit failed), it is rolled
    /// back first, by a task of its own that holds it until then.
    fn finish(&mut self) {
        let Some(mut taken) = self.taken.get_mut().take() else { return };
        if !taken.slot.in_transaction {
            return;
        }
        // Without a runtime (shutting down) it stays marked, and its next user closes it instead.
        if let Ok(runtime) = tokio::runtime::Handle::try_current() {
            runtime.spawn(async move { taken.slot.rollback().await });
        }
    }
}

impl Drop for KeptTx {
    fn drop(&mut self) {
        on_backend!(self, Self, t => t.finish())
    }
}

impl<DB> Slot<DB>
where
    DB: Database,
    DB::Row: Into<QueryResult>,
    DB::QueryResult: Into<ExecResult>,
    SqlxValues: IntoArguments<DB>,
    for<'c> &'c mut DB::Connection: Executor<'c, Database = DB>,
{
    async fn fetch_optional(&mut self, stmt: Statement) -> Result<Option<QueryResult>, DbErr> {
        let Statement { sql, values, .. } = stmt;
        let row = query(&sql, values).fetch_optional(self.start()?).await;
        Ok(self.finish(row, DbErr::Query)?.map(Into::into))
    }

    async fn fetch_all(&mut self, stmt: Statement) -> Result<Vec<QueryResult>, DbErr> {
        let Statement { sql, values, .. } = stmt;
        let rows = query(&sql, values).fetch_all(self.start()?).await;
        Ok(self.finish(rows, DbErr::Query)?.into_iter().map(Into::into).collect())
    }

    async fn execute(&mut self, stmt: Statement) -> Result<ExecResult, DbErr> {
        let Statement { sql, values, .. } = stmt;
        let done = query(&sql, values).execute(self.start()?).await;
        Ok(self.finish(done, DbErr::Exec)?.into())
    }

    /// Without parameters, not prepared: PostgreSQL's simple protocol (several statements allowed).
    async fn execute_unprepared(&mut self, sql: &str) -> Result<ExecResult, DbErr> {
        let done = self.start()?.execute(sqlx::AssertSqlSafe(sql.to_owned())).await;
        Ok(self.finish(done, DbErr::Exec)?.into())
    }

    /// `BEGIN` or `COMMIT`: fixed text, kept prepared where the driver can.
    async fn run(&mut self, sql: &'static str) -> Result<(), DbErr> {
        let done = self.start()?.execute(sql).await;
        self.finish(done, DbErr::Exec).map(drop)
    }

    async fn ping(&mut self) -> Result<(), DbErr> {
        let Some(conn) = self.conn.as_mut() else { return Err(not_open()) };
        let pong = conn.ping().await;
        self.checked(pong, DbErr::Conn)
    }

    /// Ends a dropped transaction; a connection that cannot is closed, which ends it too.
    async fn rollback(&mut self) {
        if let Some(conn) = self.conn.as_mut()
            && conn.execute("ROLLBACK").await.is_err()
        {
            self.conn = None;
        }
        self.in_transaction = false;
        self.finished();
    }

    /// The connection for a statement, marked as running one until [`Slot::finish`]: a caller dropped mid-way
    /// leaves the mark for the next user.
    fn start(&mut self) -> Result<&mut DB::Connection, DbErr> {
        self.interrupted = self.conn.is_some();
        self.conn.as_mut().ok_or_else(not_open)
    }

    /// A statement's end: the mark cleared, and its error as [`Slot::checked`] reports it.
    fn finish<T>(&mut self, result: Result<T, sqlx::Error>, kind: fn(RuntimeErr) -> DbErr) -> Result<T, DbErr> {
        self.finished();
        self.checked(result, kind)
    }

    fn finished(&mut self) {
        self.interrupted = false;
        self.last_used = Instant::now();
    }

    /// A statement's error; a connection that failed as a connection is dropped, and the next use opens another.
    fn checked<T>(&mut self, result: Result<T, sqlx::Error>, kind: fn(RuntimeErr) -> DbErr) -> Result<T, DbErr> {
        result.map_err(|e| {
            if is_connection_error(&e) {
                self.conn = None;
            }
            kind(RuntimeErr::SqlxError(e.into()))
        })
    }
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
    DbErr::Conn(RuntimeErr::Internal("kept connection not open".into()))
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
        let (dir, writer, reads) = crate::file_database("direct").await;
        assert!(reads.1.is_some() && writer.1.is_some(), "a file database's handles keep their own connections");

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

    /// The one writer connection of a SQLite database: a committed transaction is seen at once; one dropped
    /// without commit, or cut short mid-statement, is rolled back and leaves the connection to the next writer;
    /// a writer that would wait for ever (a plain write while the same task holds the transaction) gets the
    /// pool's answer, unavailable, after the acquire timeout.
    #[tokio::test]
    async fn the_kept_writer_commits_rolls_back_dropped_transactions_and_moves_on() {
        let (dir, writer, reads) = crate::file_database("kept-tx").await;
        writer.execute_unprepared("CREATE TABLE t (n INTEGER NOT NULL)").await.expect("create");

        let txn = crate::begin(&writer).await.expect("begin");
        txn.execute_unprepared("INSERT INTO t (n) VALUES (1)").await.expect("insert");
        assert_eq!(count(&reads).await, 0, "not visible before the commit");
        txn.commit().await.expect("commit");
        assert_eq!(count(&reads).await, 1);

        let txn = crate::begin(&writer).await.expect("begin");
        txn.execute_unprepared("INSERT INTO t (n) VALUES (2)").await.expect("insert");
        drop(txn);
        writer.execute_unprepared("INSERT INTO t (n) VALUES (3)").await.expect("the next writer gets the connection");
        assert_eq!(count(&reads).await, 2, "the dropped transaction's row is gone");

        let slow = "INSERT INTO t (n) WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 3000000) \
                    SELECT x FROM c WHERE x < 0";
        let cut_short = tokio::time::timeout(Duration::from_millis(5), async {
            let txn = crate::begin(&writer).await.expect("begin");
            txn.execute_unprepared("INSERT INTO t (n) VALUES (4)").await.expect("insert");
            txn.execute_unprepared(slow).await.expect("slow insert");
            txn.commit().await.expect("commit");
        })
        .await;
        assert!(cut_short.is_err(), "the transaction was meant to be cut short");
        let txn = crate::begin(&writer).await.expect("a new transaction after the abandoned one");
        txn.execute_unprepared("INSERT INTO t (n) VALUES (5)").await.expect("insert");
        txn.commit().await.expect("commit");
        assert_eq!(count(&reads).await, 3, "the abandoned transaction's row is gone, the next one's is there");

        let txn = crate::begin(&writer).await.expect("begin");
        let started = std::time::Instant::now();
        let waited = writer.execute_unprepared("INSERT INTO t (n) VALUES (6)").await.map_err(crate::DbError::from);
        assert!(matches!(waited, Err(crate::DbError::Unavailable(_))), "{waited:?}");
        assert!(started.elapsed() >= crate::ACQUIRE_TIMEOUT, "gave up after {:?}", started.elapsed());
        drop(txn);
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
