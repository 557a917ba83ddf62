//! The card photo: where the re-encoded portrait is stored and its content hash.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite's ALTER TABLE adds one at a time.
        m.alter_table(Table::alter().table(CardOrders::Table).add_column(string_len_null(CardOrders::PhotoKey, 200)).to_owned()).await?;
        m.alter_table(Table::alter().table(CardOrders::Table).add_column(string_len_null(CardOrders::PhotoSha256, 64)).to_owned()).await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(Table::alter().table(CardOrders::Table).drop_column(CardOrders::PhotoSha256).to_owned()).await?;
        m.alter_table(Table::alter().table(CardOrders::Table).drop_column(CardOrders::PhotoKey).to_owned()).await
    }
}

#[derive(DeriveIden)]
enum CardOrders {
    Table,
    PhotoKey,
    PhotoSha256,
}
