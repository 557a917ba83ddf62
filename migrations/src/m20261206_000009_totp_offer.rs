//! The authenticator-app offer is made once: a worker who says "no, thanks" is not asked again.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter().table(Accounts::Table).add_column(timestamp_with_time_zone_null(Accounts::TotpOfferDeclinedAt)).to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(Table::alter().table(Accounts::Table).drop_column(Accounts::TotpOfferDeclinedAt).to_owned()).await
    }
}

#[derive(DeriveIden)]
enum Accounts {
    Table,
    TotpOfferDeclinedAt,
}
