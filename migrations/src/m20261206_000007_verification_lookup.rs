//! Verifiers find a worker's verification records by email or by document number (its last three characters
//! narrow the encrypted numbers to a few), without a record id.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

const INDEXES: [(&str, IdentityVerifications); 2] = [
    ("idx_identity_verifications_email", IdentityVerifications::Email),
    ("idx_identity_verifications_last3", IdentityVerifications::DocumentLast3),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for (name, col) in INDEXES {
            m.create_index(Index::create().name(name).table(IdentityVerifications::Table).col(col).to_owned()).await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for (name, _) in INDEXES {
            m.drop_index(Index::drop().name(name).table(IdentityVerifications::Table).to_owned()).await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden, Clone, Copy)]
enum IdentityVerifications {
    Table,
    Email,
    DocumentLast3,
}
