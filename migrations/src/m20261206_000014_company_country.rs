//! Companies from other countries: the registry country beside the registration number (Swedish ones
//! checked by their Luhn digit). Existing companies are Swedish.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(Table::alter().table(Companies::Table).add_column(string_len(Companies::Country, 2).default("SE")).to_owned()).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(Table::alter().table(Companies::Table).drop_column(Companies::Country).to_owned()).await
    }
}

#[derive(DeriveIden)]
enum Companies {
    Table,
    Country,
}
