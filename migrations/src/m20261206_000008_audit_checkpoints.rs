//! The audit log is sealed in signed checkpoints instead of a row-by-row hash chain, so appends take no
//! global lock: on PostgreSQL `seq` comes from a sequence; each event records the checkpoint that sealed it.
//! Events written before this migration are sealed by the first checkpoint like any other.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;
use sea_orm_migration::sea_orm::DbBackend;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(AuditCheckpoints::Table)
                .col(big_integer(AuditCheckpoints::Number).primary_key())
                .col(string_len(AuditCheckpoints::PrevHash, 64))
                .col(string_len(AuditCheckpoints::MerkleRoot, 64))
                .col(big_integer(AuditCheckpoints::Events))
                .col(big_integer(AuditCheckpoints::TotalEvents))
                .col(timestamp_with_time_zone(AuditCheckpoints::SealedAt))
                .col(string_len(AuditCheckpoints::Hash, 64))
                .col(string_len(AuditCheckpoints::Kid, 64))
                .col(string_len(AuditCheckpoints::Signature, 128))
                .to_owned(),
        )
        .await?;
        m.alter_table(Table::alter().table(AuditEvents::Table).add_column(big_integer_null(AuditEvents::Checkpoint)).to_owned()).await?;
        m.create_index(
            Index::create().name("idx_audit_events_checkpoint").table(AuditEvents::Table).col(AuditEvents::Checkpoint).to_owned(),
        )
        .await?;
        let conn = m.get_connection();
        if conn.get_database_backend() == DbBackend::Postgres {
            conn.execute_unprepared("CREATE SEQUENCE audit_events_seq").await?;
            conn.execute_unprepared("SELECT setval('audit_events_seq', COALESCE((SELECT max(seq) FROM audit_events), 0) + 1, false)")
                .await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let conn = m.get_connection();
        if conn.get_database_backend() == DbBackend::Postgres {
            conn.execute_unprepared("DROP SEQUENCE audit_events_seq").await?;
        }
        m.drop_index(Index::drop().name("idx_audit_events_checkpoint").table(AuditEvents::Table).to_owned()).await?;
        m.alter_table(Table::alter().table(AuditEvents::Table).drop_column(AuditEvents::Checkpoint).to_owned()).await?;
        m.drop_table(Table::drop().table(AuditCheckpoints::Table).to_owned()).await
    }
}

#[derive(DeriveIden)]
enum AuditCheckpoints {
    Table,
    Number,
    PrevHash,
    MerkleRoot,
    Events,
    TotalEvents,
    SealedAt,
    Hash,
    Kid,
    Signature,
}

#[derive(DeriveIden)]
enum AuditEvents {
    Table,
    Checkpoint,
}
