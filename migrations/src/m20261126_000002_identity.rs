//! Identity: persons (verified documents), accounts, one-time tokens, login challenges, sessions with
//! refresh-token families, database-backed throttles and the JWT signing keys.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Persons::Table)
                .if_not_exists()
                .col(uuid(Persons::Id).primary_key())
                .col(string_len(Persons::GivenNames, 200))
                .col(string_len(Persons::Surname, 200))
                .col(date(Persons::DateOfBirth))
                .col(string_len(Persons::Nationality, 3))
                .col(string_len(Persons::DocumentType, 16))
                .col(text(Persons::DocumentNumberEnc))
                .col(string_len(Persons::DocumentIndex, 64))
                .col(string_len(Persons::DocumentLast3, 8))
                .col(string_len(Persons::IssuingCountry, 3))
                .col(date(Persons::DocumentExpiry))
                .col(timestamp_with_time_zone(Persons::VerifiedAt))
                .col(timestamp_with_time_zone(Persons::CreatedAt))
                .to_owned(),
        )
        .await?;
        m.create_index(Index::create().name("ux_persons_document").table(Persons::Table).col(Persons::DocumentIndex).unique().to_owned())
            .await?;

        m.create_table(
            Table::create()
                .table(Accounts::Table)
                .if_not_exists()
                .col(uuid(Accounts::Id).primary_key())
                .col(string_len(Accounts::Email, 320))
                .col(text_null(Accounts::PasswordHash))
                .col(string_len_null(Accounts::Phone, 20))
                .col(string_len(Accounts::Status, 16))
                .col(string_len(Accounts::Language, 8))
                .col(string_len(Accounts::Roles, 100))
                .col(uuid_null(Accounts::PersonId))
                .col(text_null(Accounts::TotpSecretEnc))
                .col(text_null(Accounts::TotpPendingEnc))
                .col(string_len_null(Accounts::AddressLine1, 200))
                .col(string_len_null(Accounts::AddressLine2, 200))
                .col(string_len_null(Accounts::PostalCode, 20))
                .col(string_len_null(Accounts::City, 100))
                .col(string_len_null(Accounts::Country, 2))
                .col(timestamp_with_time_zone(Accounts::CreatedAt))
                .col(timestamp_with_time_zone(Accounts::UpdatedAt))
                .foreign_key(ForeignKey::create().from(Accounts::Table, Accounts::PersonId).to(Persons::Table, Persons::Id))
                .to_owned(),
        )
        .await?;
        m.create_index(Index::create().name("ux_accounts_email").table(Accounts::Table).col(Accounts::Email).unique().to_owned()).await?;
        m.create_index(Index::create().name("ix_accounts_person").table(Accounts::Table).col(Accounts::PersonId).to_owned()).await?;

        m.create_table(
            Table::create()
                .table(IdentityVerifications::Table)
                .if_not_exists()
                .col(uuid(IdentityVerifications::Id).primary_key())
                .col(uuid(IdentityVerifications::PersonId))
                .col(uuid(IdentityVerifications::VerifierId))
                .col(string_len(IdentityVerifications::Purpose, 32))
                .col(string_len(IdentityVerifications::DocumentType, 16))
                .col(text(IdentityVerifications::DocumentNumberEnc))
                .col(string_len(IdentityVerifications::DocumentLast3, 8))
                .col(string_len(IdentityVerifications::IssuingCountry, 3))
                .col(date(IdentityVerifications::DocumentExpiry))
                .col(string_len(IdentityVerifications::GivenNames, 200))
                .col(string_len(IdentityVerifications::Surname, 200))
                .col(date(IdentityVerifications::DateOfBirth))
                .col(string_len(IdentityVerifications::Nationality, 3))
                .col(string_len(IdentityVerifications::Email, 320))
                .col(timestamp_with_time_zone(IdentityVerifications::CreatedAt))
                .foreign_key(
                    ForeignKey::create()
                        .from(IdentityVerifications::Table, IdentityVerifications::PersonId)
                        .to(Persons::Table, Persons::Id),
                )
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(OneTimeTokens::Table)
                .if_not_exists()
                .col(uuid(OneTimeTokens::Id).primary_key())
                .col(string_len(OneTimeTokens::Purpose, 32))
                .col(string_len(OneTimeTokens::TokenHash, 64))
                .col(uuid(OneTimeTokens::AccountId))
                .col(timestamp_with_time_zone(OneTimeTokens::ExpiresAt))
                .col(timestamp_with_time_zone_null(OneTimeTokens::UsedAt))
                .col(timestamp_with_time_zone(OneTimeTokens::CreatedAt))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create().name("ux_tokens_hash").table(OneTimeTokens::Table).col(OneTimeTokens::TokenHash).unique().to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(LoginChallenges::Table)
                .if_not_exists()
                .col(uuid(LoginChallenges::Id).primary_key())
                .col(string_len(LoginChallenges::Purpose, 32))
                .col(uuid(LoginChallenges::AccountId))
                .col(string_len(LoginChallenges::Method, 8))
                .col(string_len_null(LoginChallenges::CodeHash, 64))
                .col(string_len_null(LoginChallenges::Phone, 20))
                .col(integer(LoginChallenges::WrongCodes).default(0))
                .col(integer(LoginChallenges::Sends).default(0))
                .col(timestamp_with_time_zone(LoginChallenges::LastSentAt))
                .col(timestamp_with_time_zone(LoginChallenges::ExpiresAt))
                .col(timestamp_with_time_zone_null(LoginChallenges::ConsumedAt))
                .col(text_null(LoginChallenges::Data))
                .col(timestamp_with_time_zone(LoginChallenges::CreatedAt))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Sessions::Table)
                .if_not_exists()
                .col(uuid(Sessions::Id).primary_key())
                .col(uuid(Sessions::AccountId))
                .col(string_len(Sessions::Client, 16))
                .col(string_len_null(Sessions::UserAgent, 300))
                .col(string_len_null(Sessions::Ip, 64))
                .col(string_len(Sessions::AuthMethod, 16))
                .col(timestamp_with_time_zone(Sessions::CreatedAt))
                .col(timestamp_with_time_zone(Sessions::LastUsedAt))
                .col(timestamp_with_time_zone(Sessions::ExpiresAt))
                .col(timestamp_with_time_zone_null(Sessions::RevokedAt))
                .col(string_len_null(Sessions::RevokedReason, 32))
                .to_owned(),
        )
        .await?;
        m.create_index(Index::create().name("ix_sessions_account").table(Sessions::Table).col(Sessions::AccountId).to_owned()).await?;

        m.create_table(
            Table::create()
                .table(RefreshTokens::Table)
                .if_not_exists()
                .col(uuid(RefreshTokens::Id).primary_key())
                .col(uuid(RefreshTokens::SessionId))
                .col(string_len(RefreshTokens::TokenHash, 64))
                .col(timestamp_with_time_zone(RefreshTokens::CreatedAt))
                .col(timestamp_with_time_zone_null(RefreshTokens::UsedAt))
                .foreign_key(ForeignKey::create().from(RefreshTokens::Table, RefreshTokens::SessionId).to(Sessions::Table, Sessions::Id))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create().name("ux_refresh_hash").table(RefreshTokens::Table).col(RefreshTokens::TokenHash).unique().to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(RateLimits::Table)
                .if_not_exists()
                .col(string_len(RateLimits::Key, 200).primary_key())
                .col(big_integer(RateLimits::WindowStart))
                .col(integer(RateLimits::Hits))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(SigningKeys::Table)
                .if_not_exists()
                .col(string_len(SigningKeys::Kid, 64).primary_key())
                .col(text(SigningKeys::PrivateKeyEnc))
                .col(string_len(SigningKeys::PublicKey, 64))
                .col(timestamp_with_time_zone(SigningKeys::CreatedAt))
                .col(timestamp_with_time_zone_null(SigningKeys::RetiredAt))
                .to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            SigningKeys::Table.into_iden(),
            RateLimits::Table.into_iden(),
            RefreshTokens::Table.into_iden(),
            Sessions::Table.into_iden(),
            LoginChallenges::Table.into_iden(),
            OneTimeTokens::Table.into_iden(),
            IdentityVerifications::Table.into_iden(),
            Accounts::Table.into_iden(),
            Persons::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum Persons {
    Table,
    Id,
    GivenNames,
    Surname,
    DateOfBirth,
    Nationality,
    DocumentType,
    DocumentNumberEnc,
    DocumentIndex,
    DocumentLast3,
    IssuingCountry,
    DocumentExpiry,
    VerifiedAt,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Accounts {
    Table,
    Id,
    Email,
    PasswordHash,
    Phone,
    Status,
    Language,
    Roles,
    PersonId,
    TotpSecretEnc,
    TotpPendingEnc,
    AddressLine1,
    AddressLine2,
    PostalCode,
    City,
    Country,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum IdentityVerifications {
    Table,
    Id,
    PersonId,
    VerifierId,
    Purpose,
    DocumentType,
    DocumentNumberEnc,
    DocumentLast3,
    IssuingCountry,
    DocumentExpiry,
    GivenNames,
    Surname,
    DateOfBirth,
    Nationality,
    Email,
    CreatedAt,
}

#[derive(DeriveIden)]
enum OneTimeTokens {
    Table,
    Id,
    Purpose,
    TokenHash,
    AccountId,
    ExpiresAt,
    UsedAt,
    CreatedAt,
}

#[derive(DeriveIden)]
enum LoginChallenges {
    Table,
    Id,
    Purpose,
    AccountId,
    Method,
    CodeHash,
    Phone,
    WrongCodes,
    Sends,
    LastSentAt,
    ExpiresAt,
    ConsumedAt,
    Data,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Sessions {
    Table,
    Id,
    AccountId,
    Client,
    UserAgent,
    Ip,
    AuthMethod,
    CreatedAt,
    LastUsedAt,
    ExpiresAt,
    RevokedAt,
    RevokedReason,
}

#[derive(DeriveIden)]
enum RefreshTokens {
    Table,
    Id,
    SessionId,
    TokenHash,
    CreatedAt,
    UsedAt,
}

#[derive(DeriveIden)]
enum RateLimits {
    Table,
    Key,
    WindowStart,
    Hits,
}

#[derive(DeriveIden)]
enum SigningKeys {
    Table,
    Kid,
    PrivateKeyEnc,
    PublicKey,
    CreatedAt,
    RetiredAt,
}
