//! Residence and work permits recorded beside the passport for holders from outside the EU/EEA and
//! Switzerland. Every permit a verifier records is kept (the newest is the current one), so a renewal never
//! overwrites what an earlier check saw; the number is encrypted like document numbers.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(RightToWorkPermits::Table)
                .col(uuid(RightToWorkPermits::Id).primary_key())
                .col(uuid(RightToWorkPermits::PersonId))
                .col(uuid(RightToWorkPermits::VerificationId))
                .col(uuid(RightToWorkPermits::RecordedBy))
                .col(string(RightToWorkPermits::DocumentType))
                .col(string(RightToWorkPermits::DocumentNumberEnc))
                .col(string(RightToWorkPermits::DocumentLast3))
                .col(string(RightToWorkPermits::IssuingCountry))
                .col(date(RightToWorkPermits::ValidUntil))
                .col(timestamp_with_time_zone(RightToWorkPermits::CreatedAt))
                .to_owned(),
        )
        .await?;
        // The current permit: a person's newest record.
        m.create_index(
            Index::create()
                .name("idx_right_to_work_permits_person")
                .table(RightToWorkPermits::Table)
                .col(RightToWorkPermits::PersonId)
                .col(RightToWorkPermits::CreatedAt)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(RightToWorkPermits::Table).to_owned()).await
    }
}

#[derive(DeriveIden)]
enum RightToWorkPermits {
    Table,
    Id,
    PersonId,
    VerificationId,
    RecordedBy,
    DocumentType,
    DocumentNumberEnc,
    DocumentLast3,
    IssuingCountry,
    ValidUntil,
    CreatedAt,
}
