//! Storage: sea-orm entities and plain repository functions over a connection or transaction.
//! SQLite (embedded, the default) and PostgreSQL are both first-class.

pub mod accounts;
pub mod audit;
pub mod auth_changes;
pub mod card_feed;
pub mod cards;
pub mod challenges;
pub mod companies;
mod connection;
pub mod entities;
pub mod error;
pub mod idempotency;
mod kept;
pub mod orders;
pub mod outbox;
mod paging;
pub mod partners;
pub mod persons;
pub mod rate_limit;
pub mod right_to_work;
pub mod search;
pub mod sessions;
pub mod signing_keys;
pub mod tokens;

pub use connection::{Conn, Db, UnitOfWork};
pub use error::DbError;

use std::time::Duration;

use migration::MigratorTrait;
use sea_orm::{ConnectOptions, ConnectionTrait, Database, DbBackend};

/// How long opening a connection may take before the database counts as unavailable (503).
pub(crate) const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
/// How long a statement may wait for a free connection before the database counts as unavailable (503).
pub(crate) const ACQUIRE_TIMEOUT: Duration = Duration::from_secs(5);
/// A PostgreSQL connection idle this long is tested before use: the server may have restarted meanwhile.
pub(crate) const POSTGRES_IDLE_CHECK: Duration = Duration::from_secs(1);

/// Opens a handle with up to `connections` connections of its own (`kept`: no pool round trip per statement
/// or transaction), opened on first use. For SQLite the database file and its directory are created when
/// missing; an in-memory SQLite database, which exists only on its one connection, uses sea-orm's pool.
pub async fn connect(url: &str, connections: u32) -> Result<Db, DbError> {
    connect_with(url, connections, false).await
}

/// [`connect`] for the plain reads: on PostgreSQL their connections are handed out in turn, so that all are open
/// and warm before a burst of reads needs them.
pub async fn connect_reads(url: &str, connections: u32) -> Result<Db, DbError> {
    connect_with(url, connections, true).await
}

async fn connect_with(url: &str, connections: u32, reads: bool) -> Result<Db, DbError> {
    let url = prepare_sqlite(url)?;
    let is_sqlite = url.starts_with("sqlite:");
    let in_memory = is_sqlite && url.contains(":memory:");
    let mut opts = ConnectOptions::new(url.clone());
    // The pool runs the migrations (SQLite: one writer); an in-memory database keeps its one connection for good.
    opts.max_connections(if is_sqlite { 1 } else { 2 })
        .min_connections(u32::from(in_memory))
        .connect_timeout(CONNECT_TIMEOUT)
        .acquire_timeout(ACQUIRE_TIMEOUT)
        .sqlx_logging(false);
    if is_sqlite {
        // Per connection, so a pooled connection opened later (after idle or lifetime expiry) gets them too.
        opts.map_sqlx_sqlite_opts(sqlite_options).test_before_acquire(false);
    }
    let pool = Database::connect(opts).await?;
    let kept = if in_memory {
        None
    } else if is_sqlite {
        let options: sea_orm::sqlx::sqlite::SqliteConnectOptions =
            url.parse().map_err(|e| DbError::Unavailable(format!("SQLite options: {e}")))?;
        Some(std::sync::Arc::new(kept::Kept::sqlite(sqlite_options(options), connections)))
    } else {
        let options: sea_orm::sqlx::postgres::PgConnectOptions =
            url.parse().map_err(|e| DbError::Unavailable(format!("PostgreSQL options: {e}")))?;
        Some(std::sync::Arc::new(kept::Kept::postgres(options, connections, reads)))
    };
    Ok(Db(pool, kept))
}

/// WAL lets readers proceed while one writer commits; the busy timeout queues writers instead of failing.
/// The writer copies the WAL back into the database itself only when the WAL has grown past
/// [`WAL_AUTOCHECKPOINT_PAGES`]; before that, [`checkpoint_wal`] does it off the writer's path.
fn sqlite_options(o: sea_orm::sqlx::sqlite::SqliteConnectOptions) -> sea_orm::sqlx::sqlite::SqliteConnectOptions {
    use sea_orm::sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous};
    o.journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Normal)
        .foreign_keys(true)
        .busy_timeout(Duration::from_secs(10))
        .pragma("wal_autocheckpoint", WAL_AUTOCHECKPOINT_PAGES.to_string())
}

/// SQLite's default is 1,000 pages (4 MiB): the commit that crosses it checkpoints before its statement returns,
/// and every writer queued behind it waits that long. The writer's own checkpoint is the fallback when
/// [`checkpoint_wal`] falls behind (40 MiB of WAL at most, then).
const WAL_AUTOCHECKPOINT_PAGES: u32 = 10_000;

/// Copies what the WAL holds back into the SQLite database file without waiting for, or holding up, the writer
/// (`PASSIVE`), on a connection of `db` (the read handle's, so that the writer's connection stays free). SQLite
/// only: the server calls it every second on a SQLite database.
pub async fn checkpoint_wal(db: &Db) -> Result<(), DbError> {
    db.execute_unprepared("PRAGMA wal_checkpoint(PASSIVE)").await?;
    Ok(())
}

fn prepare_sqlite(url: &str) -> Result<String, DbError> {
    let Some(rest) = url.strip_prefix("sqlite://").or_else(|| url.strip_prefix("sqlite:")) else {
        return Ok(url.to_owned());
    };
    let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
    if path == ":memory:" {
        return Ok(url.to_owned());
    }
    if let Some(dir) = std::path::Path::new(path).parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| DbError::Unavailable(format!("cannot create {}: {e}", dir.display())))?;
    }
    let query = if query.is_empty() {
        "mode=rwc".to_owned()
    } else if query.contains("mode=") {
        query.to_owned()
    } else {
        format!("{query}&mode=rwc")
    };
    Ok(format!("sqlite://{path}?{query}"))
}

/// Starts a write transaction. On SQLite it is `BEGIN IMMEDIATE`: the write lock is taken up front (waiting
/// on the busy timeout) instead of failing with SQLITE_BUSY_SNAPSHOT when another connection or process
/// committed between the transaction's first read and its first write.
pub async fn begin(db: &Db) -> Result<UnitOfWork, DbError> {
    db.begin_with(kept::TxMode::Write).await
}

/// Starts a read-only transaction that sees one snapshot throughout: `REPEATABLE READ` on PostgreSQL, a
/// deferred transaction on SQLite (WAL keeps its snapshot from the first read). For reports that read several
/// tables while background jobs write them.
pub async fn begin_snapshot(db: &Db) -> Result<UnitOfWork, DbError> {
    db.begin_with(kept::TxMode::Snapshot).await
}

/// Applies every pending migration.
pub async fn migrate(db: &Db) -> Result<(), DbError> {
    migration::Migrator::up(&db.0, None).await.map_err(DbError::from)
}

/// A round trip to the database, for `/readyz`.
pub async fn ping(db: &Db) -> Result<(), DbError> {
    db.ping().await.map_err(|e| DbError::Unavailable(e.to_string()))
}

/// The database engine's version (the embedded SQLite library's, or the PostgreSQL server's), for the
/// startup log: what an operator and a benchmark report need to know about the database actually in use.
pub async fn engine_version(db: &Db) -> Result<String, DbError> {
    let backend = db.get_database_backend();
    let sql = match backend {
        DbBackend::Postgres => "SELECT current_setting('server_version')",
        _ => "SELECT sqlite_version()",
    };
    let row = db.query_one_raw(sea_orm::Statement::from_string(backend, sql)).await?;
    row.and_then(|r| r.try_get_by_index::<String>(0).ok()).ok_or_else(|| DbError::Other("the database reported no version".into()))
}

pub fn backend_name(db: &Db) -> &'static str {
    match db.get_database_backend() {
        DbBackend::Postgres => "postgres",
        DbBackend::Sqlite => "sqlite",
        _ => "other",
    }
}

/// A SQLite database file in a directory of its own under the temp dir, with the server's two handles on it: the
/// writer (one connection) and the reads (two). The test removes the directory when done.
#[cfg(test)]
pub(crate) async fn file_database(name: &str) -> (std::path::PathBuf, Db, Db) {
    let dir = std::env::temp_dir().join(format!("sitecard-{name}-{}", uuid::Uuid::new_v4().simple()));
    let url = format!("sqlite://{}/db.sqlite", dir.display());
    let writer = connect(&url, 1).await.expect("writer");
    let reads = connect_reads(&url, 2).await.expect("reads");
    (dir, writer, reads)
}

#[cfg(test)]
mod tests {
    use sea_orm::{ConnectionTrait, Statement};

    /// `.cargo/config.toml` passes these to libsqlite3-sys's SQLite build; losing them (a changed build, an
    /// environment that overrides LIBSQLITE3_FLAGS) would silently bring back a re-parse of every `LIMIT ?`
    /// statement on every execution and a global mutex around SQLite's allocations.
    #[tokio::test]
    async fn embedded_sqlite_is_built_with_stable_plans_and_without_memory_statistics() {
        let db = super::connect("sqlite::memory:", 1).await.expect("connect");
        let rows = db
            .query_all_raw(Statement::from_string(db.get_database_backend(), "PRAGMA compile_options"))
            .await
            .expect("PRAGMA compile_options");
        let options: Vec<String> = rows.iter().filter_map(|r| r.try_get_by_index::<String>(0).ok()).collect();
        for wanted in ["ENABLE_QPSG", "DEFAULT_MEMSTATUS=0"] {
            assert!(options.iter().any(|o| o == wanted), "{wanted} missing from SQLite's compile options: {options:?}");
        }
    }

    #[tokio::test]
    async fn engine_version_is_the_embedded_sqlite_library() {
        let db = super::connect("sqlite::memory:", 1).await.expect("connect");
        let version = super::engine_version(&db).await.expect("version");
        // The bundled library, not the system's (Debian 12 ships 3.40, without the planner fixes relied on).
        let parts: Vec<u32> = version.split('.').map(|p| p.parse().expect("numeric")).collect();
        assert!(parts.len() == 3 && parts[0] == 3 && parts[1] >= 45, "{version}");
    }

    /// Writers leave the WAL to the background checkpoint up to 10,000 pages, and `checkpoint_wal` on the read
    /// handle copies everything the writer committed back into the database file.
    #[tokio::test]
    async fn the_wal_is_checkpointed_off_the_writers_path() {
        let (dir, db, read) = super::file_database("wal").await;
        let one = |sql: &str| Statement::from_string(db.get_database_backend(), sql.to_owned());
        let autocheckpoint = db.query_one_raw(one("PRAGMA wal_autocheckpoint")).await.expect("pragma").expect("row");
        assert_eq!(autocheckpoint.try_get_by_index::<i64>(0).expect("pages"), 10_000);
        db.execute_unprepared("CREATE TABLE t (x INTEGER)").await.expect("create");
        for i in 0..50 {
            db.execute_unprepared(&format!("INSERT INTO t VALUES ({i})")).await.expect("insert");
        }
        let wal = dir.join("db.sqlite-wal");
        assert!(std::fs::metadata(&wal).expect("wal").len() > 0, "the writes are in the WAL");

        super::checkpoint_wal(&read).await.expect("checkpoint");
        // (busy, frames in the WAL, frames checkpointed): a second passive checkpoint finds nothing left to copy.
        let row = read.query_one_raw(one("PRAGMA wal_checkpoint(PASSIVE)")).await.expect("pragma").expect("row");
        let (busy, frames, copied): (i64, i64, i64) =
            (row.try_get_by_index(0).unwrap(), row.try_get_by_index(1).unwrap(), row.try_get_by_index(2).unwrap());
        assert_eq!((busy, copied), (0, frames), "{frames} frames, {copied} in the database file");
        assert!(frames >= 50, "the writes were not checkpointed by the writer itself: {frames} frames");
        let count = read.query_one_raw(one("SELECT count(*) FROM t")).await.expect("count").expect("row");
        assert_eq!(count.try_get_by_index::<i64>(0).unwrap(), 50);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
