//! The two handles queries run on, as the layers above see them: [`Db`], a pool, and [`UnitOfWork`], one
//! transaction. Both wrap sea-orm's types so that nothing outside this crate names an ORM type; the functions
//! of the table modules take either (`&impl Conn`).

use sea_orm::{
    ConnectionTrait, DatabaseConnection, DatabaseTransaction, DbBackend, DbErr, ExecResult, QueryResult, Statement, TransactionTrait,
};

use std::sync::Arc;

use crate::DbError;
use crate::direct_reads::DirectReads;

/// Where a query runs: the pool or a unit of work. Only this crate's functions run queries on it (the layers
/// above do not depend on sea-orm, so they cannot).
pub trait Conn: ConnectionTrait {}

impl<T: ConnectionTrait> Conn for T {}

/// A connection pool; the read handle also keeps connections of its own for plain reads ([`DirectReads`]).
#[derive(Clone, Debug)]
pub struct Db(pub(crate) DatabaseConnection, pub(crate) Option<Arc<DirectReads>>);

/// One unit of work: a transaction. Every change a use case makes, its audit event and the messages and
/// webhooks it queues (outbox rows) commit together or not at all; dropped without [`UnitOfWork::commit`], it
/// rolls back.
pub struct UnitOfWork(DatabaseTransaction);

impl Db {
    pub(crate) async fn begin_with(&self, options: sea_orm::TransactionOptions) -> Result<UnitOfWork, DbError> {
        Ok(UnitOfWork(self.0.begin_with_options(options).await?))
    }

    pub(crate) fn backend(&self) -> DbBackend {
        self.0.get_database_backend()
    }

    fn direct(&self) -> Option<&DirectReads> {
        self.1.as_deref()
    }
}

impl UnitOfWork {
    /// A transaction's statements all run on its own connection.
    fn direct(&self) -> Option<&DirectReads> {
        None
    }

    pub async fn commit(self) -> Result<(), DbError> {
        Ok(self.0.commit().await?)
    }
}

// Delegation, so the table modules' functions (generic over sea-orm's `ConnectionTrait`, which their query
// builders need) take both handles.
macro_rules! delegate_connection {
    ($handle:ty) => {
        #[async_trait::async_trait]
        impl ConnectionTrait for $handle {
            fn get_database_backend(&self) -> DbBackend {
                self.0.get_database_backend()
            }

            async fn execute_raw(&self, stmt: Statement) -> Result<ExecResult, DbErr> {
                self.0.execute_raw(stmt).await
            }

            async fn execute_unprepared(&self, sql: &str) -> Result<ExecResult, DbErr> {
                self.0.execute_unprepared(sql).await
            }

            async fn query_one_raw(&self, stmt: Statement) -> Result<Option<QueryResult>, DbErr> {
                match self.direct() {
                    Some(direct) => direct.query_one(stmt).await,
                    None => self.0.query_one_raw(stmt).await,
                }
            }

            async fn query_all_raw(&self, stmt: Statement) -> Result<Vec<QueryResult>, DbErr> {
                match self.direct() {
                    Some(direct) => direct.query_all(stmt).await,
                    None => self.0.query_all_raw(stmt).await,
                }
            }

            fn support_returning(&self) -> bool {
                self.0.support_returning()
            }
        }
    };
}

delegate_connection!(Db);
delegate_connection!(UnitOfWork);
