//! Infrastructure every feature writes to: the append-only audit log and the transactional outbox.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(AuditEvents::Table)
                .if_not_exists()
                .col(big_integer(AuditEvents::Seq).primary_key())
                .col(uuid(AuditEvents::Id).unique_key())
                .col(timestamp_with_time_zone(AuditEvents::At))
                .col(string_len(AuditEvents::Kind, 64))
                .col(uuid_null(AuditEvents::ActorId))
                .col(string_len(AuditEvents::ActorKind, 32))
                .col(string_len_null(AuditEvents::SubjectType, 32))
                .col(uuid_null(AuditEvents::SubjectId))
                .col(text(AuditEvents::Data))
                .col(string_len(AuditEvents::PrevHash, 64))
                .col(string_len(AuditEvents::Hash, 64))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(OutboxMessages::Table)
                .if_not_exists()
                .col(uuid(OutboxMessages::Id).primary_key())
                .col(string_len(OutboxMessages::Channel, 16))
                .col(string_len(OutboxMessages::Recipient, 320))
                .col(string_len_null(OutboxMessages::Subject, 200))
                .col(text(OutboxMessages::Body))
                .col(text_null(OutboxMessages::Payload))
                .col(string_len(OutboxMessages::Status, 16))
                .col(integer(OutboxMessages::Attempts).default(0))
                .col(timestamp_with_time_zone(OutboxMessages::NextAttemptAt))
                .col(text_null(OutboxMessages::LastError))
                .col(timestamp_with_time_zone(OutboxMessages::CreatedAt))
                .col(timestamp_with_time_zone_null(OutboxMessages::SentAt))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_outbox_due")
                .table(OutboxMessages::Table)
                .col(OutboxMessages::Status)
                .col(OutboxMessages::NextAttemptAt)
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_outbox_recipient")
                .table(OutboxMessages::Table)
                .col(OutboxMessages::Recipient)
                .col(OutboxMessages::CreatedAt)
                .to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(OutboxMessages::Table).to_owned()).await?;
        m.drop_table(Table::drop().table(AuditEvents::Table).to_owned()).await
    }
}

#[derive(DeriveIden)]
enum AuditEvents {
    Table,
    Seq,
    Id,
    At,
    Kind,
    ActorId,
    ActorKind,
    SubjectType,
    SubjectId,
    Data,
    PrevHash,
    Hash,
}

#[derive(DeriveIden)]
enum OutboxMessages {
    Table,
    Id,
    Channel,
    Recipient,
    Subject,
    Body,
    Payload,
    Status,
    Attempts,
    NextAttemptAt,
    LastError,
    CreatedAt,
    SentAt,
}
