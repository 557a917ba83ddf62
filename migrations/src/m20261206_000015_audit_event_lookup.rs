//! The operator's audit log viewer filters by actor, subject and kind, newest first: each filter has an index
//! ending in `seq`, so a page is an index range scan however long the log grows.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

const INDEXES: [(&str, AuditEvents); 3] = [
    ("idx_audit_events_actor_seq", AuditEvents::ActorId),
    ("idx_audit_events_subject_seq", AuditEvents::SubjectId),
    ("idx_audit_events_kind_seq", AuditEvents::Kind),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for (name, col) in INDEXES {
            m.create_index(Index::create().name(name).table(AuditEvents::Table).col(col).col(AuditEvents::Seq).to_owned()).await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for (name, _) in INDEXES {
            m.drop_index(Index::drop().name(name).table(AuditEvents::Table).to_owned()).await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden, Clone, Copy)]
enum AuditEvents {
    Table,
    ActorId,
    SubjectId,
    Kind,
    Seq,
}
