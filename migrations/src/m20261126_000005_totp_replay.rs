//! The last accepted authenticator-app time step, so a code is never accepted twice (RFC 6238 section 5.2).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(Table::alter().table(Accounts::Table).add_column(big_integer_null(Accounts::TotpLastStep)).to_owned()).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(Table::alter().table(Accounts::Table).drop_column(Accounts::TotpLastStep).to_owned()).await
    }
}

#[derive(DeriveIden)]
enum Accounts {
    Table,
    TotpLastStep,
}
