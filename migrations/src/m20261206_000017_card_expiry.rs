//! Cards expire for real: the expiry job stores `expired` (so lists filter on it) and remembers the reminders
//! it sent 30 and 7 days before, each once. Gates follow every card status and validity change through an
//! append-only feed, read by sequence number like a certificate revocation list's deltas.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(Table::alter().table(Cards::Table).add_column(timestamp_with_time_zone_null(Cards::Reminded30At)).to_owned()).await?;
        m.alter_table(Table::alter().table(Cards::Table).add_column(timestamp_with_time_zone_null(Cards::Reminded7At)).to_owned()).await?;
        // The job's look-up: live cards by validity.
        m.create_index(
            Index::create().name("idx_cards_status_valid_until").table(Cards::Table).col(Cards::Status).col(Cards::ValidUntil).to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table(CardStatusChanges::Table)
                .col(pk_auto(CardStatusChanges::Seq))
                .col(uuid(CardStatusChanges::CardId))
                .col(string(CardStatusChanges::CardNumber))
                .col(string(CardStatusChanges::Status))
                .col(date(CardStatusChanges::ValidUntil))
                .col(timestamp_with_time_zone(CardStatusChanges::ChangedAt))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table(CardStatusChanges::Table).to_owned()).await?;
        m.drop_index(Index::drop().name("idx_cards_status_valid_until").table(Cards::Table).to_owned()).await?;
        m.alter_table(Table::alter().table(Cards::Table).drop_column(Cards::Reminded7At).to_owned()).await?;
        m.alter_table(Table::alter().table(Cards::Table).drop_column(Cards::Reminded30At).to_owned()).await
    }
}

#[derive(DeriveIden)]
enum Cards {
    Table,
    Status,
    ValidUntil,
    #[sea_orm(iden = "reminded_30_at")]
    Reminded30At,
    #[sea_orm(iden = "reminded_7_at")]
    Reminded7At,
}

#[derive(DeriveIden)]
enum CardStatusChanges {
    Table,
    Seq,
    CardId,
    CardNumber,
    Status,
    ValidUntil,
    ChangedAt,
}
