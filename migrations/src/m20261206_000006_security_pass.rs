//! Security pass: stored Idempotency-Key answers written before it may hold tokens, codes or PINs and were
//! scoped by a hash of the Authorization header; they are deleted (clients retry at worst once more). The
//! purge job finds expired keys by age.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.get_connection().execute_unprepared("DELETE FROM idempotency_keys").await?;
        m.create_index(
            Index::create()
                .name("idx_idempotency_keys_created_at")
                .table(IdempotencyKeys::Table)
                .col(IdempotencyKeys::CreatedAt)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_index(Index::drop().name("idx_idempotency_keys_created_at").table(IdempotencyKeys::Table).to_owned()).await
    }
}

#[derive(DeriveIden)]
enum IdempotencyKeys {
    Table,
    CreatedAt,
}
