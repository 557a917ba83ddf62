//! The two handles queries run on, as the layers above see them: [`Db`], the database, and [`UnitOfWork`], one
//! transaction. Both wrap sea-orm's types so that nothing outside this crate names an ORM type; the functions
//! of the table modules take either (`&impl Conn`).

use sea_orm::{
    ConnectionTrait, DatabaseConnection, DatabaseTransaction, DbBackend, DbErr, ExecResult, QueryResult, Statement, TransactionTrait,
};

use std::sync::Arc;

use crate::DbError;
use crate::kept::{Kept, KeptTx, TxMode};

/// Where a query runs: the pool or a unit of work. Only this crate's functions run queries on it (the layers
/// above do not depend on sea-orm, so they cannot).
pub trait Conn: ConnectionTrait {}

impl<T: ConnectionTrait> Conn for T {}

/// A database handle: connections of its own ([`Kept`]) for every statement and transaction, and sea-orm's
/// pool for the migrations (and, for an in-memory SQLite database, which exists only on its one connection,
/// for everything).
#[derive(Clone, Debug)]
pub struct Db(pub(crate) DatabaseConnection, pub(crate) Option<Arc<Kept>>);

/// One unit of work: a transaction. Every change a use case makes, its audit event and the messages and
/// webhooks it queues (outbox rows) commit together or not at all; dropped without [`UnitOfWork::commit`], it
/// rolls back.
pub struct UnitOfWork(Tx);

enum Tx {
    Kept { tx: KeptTx, backend: DbBackend, returning: bool },
    Pooled(DatabaseTransaction),
}

impl Db {
    pub(crate) async fn begin_with(&self, mode: TxMode) -> Result<UnitOfWork, DbError> {
        let tx = match self.kept() {
            Some(kept) => Tx::Kept { tx: kept.begin(mode).await?, backend: self.backend(), returning: self.0.support_returning() },
            None => Tx::Pooled(self.0.begin_with_options(pooled_options(mode, self.backend())).await?),
        };
        Ok(UnitOfWork(tx))
    }

    pub(crate) fn backend(&self) -> DbBackend {
        self.0.get_database_backend()
    }

    pub(crate) async fn ping(&self) -> Result<(), DbErr> {
        match self.kept() {
            Some(kept) => kept.ping().await,
            None => self.0.ping().await,
        }
    }

    fn kept(&self) -> Option<&Kept> {
        self.1.as_deref()
    }
}

/// sea-orm's spelling of a [`TxMode`].
fn pooled_options(mode: TxMode, backend: DbBackend) -> sea_orm::TransactionOptions {
    let snapshot = matches!(mode, TxMode::Snapshot) && backend == DbBackend::Postgres;
    sea_orm::TransactionOptions {
        isolation_level: snapshot.then_some(sea_orm::IsolationLevel::RepeatableRead),
        access_mode: snapshot.then_some(sea_orm::AccessMode::ReadOnly),
        sqlite_transaction_mode: matches!(mode, TxMode::Write).then_some(sea_orm::SqliteTransactionMode::Immediate),
    }
}

impl UnitOfWork {
    pub async fn commit(self) -> Result<(), DbError> {
        match self.0 {
            Tx::Kept { tx, .. } => Ok(tx.commit().await?),
            Tx::Pooled(tx) => Ok(tx.commit().await?),
        }
    }
}

#[async_trait::async_trait]
impl ConnectionTrait for Db {
    fn get_database_backend(&self) -> DbBackend {
        self.0.get_database_backend()
    }

    async fn execute_raw(&self, stmt: Statement) -> Result<ExecResult, DbErr> {
        match self.kept() {
            Some(kept) => kept.execute(stmt).await,
            None => self.0.execute_raw(stmt).await,
        }
    }

    async fn execute_unprepared(&self, sql: &str) -> Result<ExecResult, DbErr> {
        match self.kept() {
            Some(kept) => kept.execute_unprepared(sql).await,
            None => self.0.execute_unprepared(sql).await,
        }
    }

    async fn query_one_raw(&self, stmt: Statement) -> Result<Option<QueryResult>, DbErr> {
        match self.kept() {
            Some(kept) => kept.query_one(stmt).await,
            None => self.0.query_one_raw(stmt).await,
        }
    }

    async fn query_all_raw(&self, stmt: Statement) -> Result<Vec<QueryResult>, DbErr> {
        match self.kept() {
            Some(kept) => kept.query_all(stmt).await,
            None => self.0.query_all_raw(stmt).await,
        }
    }

    fn support_returning(&self) -> bool {
        self.0.support_returning()
    }
}

#[async_trait::async_trait]
impl ConnectionTrait for UnitOfWork {
    fn get_database_backend(&self) -> DbBackend {
        match &self.0 {
            Tx::Kept { backend, .. } => *backend,
            Tx::Pooled(tx) => tx.get_database_backend(),
        }
    }

    async fn execute_raw(&self, stmt: Statement) -> Result<ExecResult, DbErr> {
        match &self.0 {
            Tx::Kept { tx, .. } => tx.execute(stmt).await,
            Tx::Pooled(tx) => tx.execute_raw(stmt).await,
        }
    }

    async fn execute_unprepared(&self, sql: &str) -> Result<ExecResult, DbErr> {
        match &self.0 {
            Tx::Kept { tx, .. } => tx.execute_unprepared(sql).await,
            Tx::Pooled(tx) => tx.execute_unprepared(sql).await,
        }
    }

    async fn query_one_raw(&self, stmt: Statement) -> Result<Option<QueryResult>, DbErr> {
        match &self.0 {
            Tx::Kept { tx, .. } => tx.query_one(stmt).await,
            Tx::Pooled(tx) => tx.query_one_raw(stmt).await,
        }
    }

    async fn query_all_raw(&self, stmt: Statement) -> Result<Vec<QueryResult>, DbErr> {
        match &self.0 {
            Tx::Kept { tx, .. } => tx.query_all(stmt).await,
            Tx::Pooled(tx) => tx.query_all_raw(stmt).await,
        }
    }

    fn support_returning(&self) -> bool {
        match &self.0 {
            Tx::Kept { returning, .. } => *returning,
            Tx::Pooled(tx) => tx.support_returning(),
        }
    }
}
