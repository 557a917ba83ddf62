//! Companies and their administrators, card orders with their status history, cards, production-partner
//! clients and idempotency keys.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table(Companies::Table)
                .if_not_exists()
                .col(uuid(Companies::Id).primary_key())
                .col(string_len(Companies::Name, 200))
                .col(string_len(Companies::OrgNumber, 32))
                .col(timestamp_with_time_zone(Companies::CreatedAt))
                .to_owned(),
        )
        .await?;
        m.create_index(Index::create().name("ux_companies_org").table(Companies::Table).col(Companies::OrgNumber).unique().to_owned())
            .await?;

        m.create_table(
            Table::create()
                .table(CompanyAdmins::Table)
                .if_not_exists()
                .col(uuid(CompanyAdmins::CompanyId))
                .col(uuid(CompanyAdmins::AccountId))
                .col(timestamp_with_time_zone(CompanyAdmins::CreatedAt))
                .primary_key(Index::create().col(CompanyAdmins::CompanyId).col(CompanyAdmins::AccountId))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create().name("ix_company_admins_account").table(CompanyAdmins::Table).col(CompanyAdmins::AccountId).to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(CardOrders::Table)
                .if_not_exists()
                .col(uuid(CardOrders::Id).primary_key())
                .col(uuid(CardOrders::CompanyId))
                .col(string_len(CardOrders::Status, 32))
                .col(integer(CardOrders::Version))
                .col(string_len(CardOrders::GivenNames, 200))
                .col(string_len(CardOrders::Surname, 200))
                .col(date(CardOrders::DateOfBirth))
                .col(string_len_null(CardOrders::Nationality, 3))
                .col(string_len(CardOrders::Email, 320))
                .col(string_len_null(CardOrders::Phone, 20))
                .col(string_len(CardOrders::DeliveryRecipient, 200))
                .col(string_len(CardOrders::DeliveryAddressLine1, 200))
                .col(string_len_null(CardOrders::DeliveryAddressLine2, 200))
                .col(string_len(CardOrders::DeliveryPostalCode, 20))
                .col(string_len(CardOrders::DeliveryCity, 100))
                .col(string_len(CardOrders::DeliveryCountry, 2))
                .col(uuid_null(CardOrders::AccountId))
                .col(string_len_null(CardOrders::MismatchFields, 200))
                .col(text_null(CardOrders::Reason))
                .col(string_len_null(CardOrders::TrackingNumber, 100))
                .col(uuid(CardOrders::CreatedBy))
                .col(timestamp_with_time_zone(CardOrders::CreatedAt))
                .col(timestamp_with_time_zone(CardOrders::UpdatedAt))
                .foreign_key(ForeignKey::create().from(CardOrders::Table, CardOrders::CompanyId).to(Companies::Table, Companies::Id))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create().name("ix_orders_company").table(CardOrders::Table).col(CardOrders::CompanyId).col(CardOrders::Id).to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_orders_company_status")
                .table(CardOrders::Table)
                .col(CardOrders::CompanyId)
                .col(CardOrders::Status)
                .col(CardOrders::Id)
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create().name("ix_orders_status").table(CardOrders::Table).col(CardOrders::Status).col(CardOrders::Id).to_owned(),
        )
        .await?;
        m.create_index(Index::create().name("ix_orders_email").table(CardOrders::Table).col(CardOrders::Email).to_owned()).await?;
        m.create_index(Index::create().name("ix_orders_account").table(CardOrders::Table).col(CardOrders::AccountId).to_owned()).await?;

        m.create_table(
            Table::create()
                .table(OrderEvents::Table)
                .if_not_exists()
                .col(uuid(OrderEvents::Id).primary_key())
                .col(uuid(OrderEvents::OrderId))
                .col(string_len(OrderEvents::Status, 32))
                .col(timestamp_with_time_zone(OrderEvents::At))
                .foreign_key(ForeignKey::create().from(OrderEvents::Table, OrderEvents::OrderId).to(CardOrders::Table, CardOrders::Id))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_order_events_order")
                .table(OrderEvents::Table)
                .col(OrderEvents::OrderId)
                .col(OrderEvents::At)
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(Cards::Table)
                .if_not_exists()
                .col(uuid(Cards::Id).primary_key())
                .col(uuid(Cards::OrderId))
                .col(uuid(Cards::CompanyId))
                .col(uuid_null(Cards::AccountId))
                .col(string_len(Cards::CardNumber, 12))
                .col(string_len(Cards::Status, 16))
                .col(date(Cards::ValidUntil))
                .col(timestamp_with_time_zone_null(Cards::ActivatedAt))
                .col(text_null(Cards::PinEnc))
                .col(integer(Cards::ActivationFailures).default(0))
                .col(text_null(Cards::Reason))
                .col(timestamp_with_time_zone(Cards::CreatedAt))
                .col(timestamp_with_time_zone(Cards::UpdatedAt))
                .foreign_key(ForeignKey::create().from(Cards::Table, Cards::OrderId).to(CardOrders::Table, CardOrders::Id))
                .to_owned(),
        )
        .await?;
        m.create_index(Index::create().name("ux_cards_number").table(Cards::Table).col(Cards::CardNumber).unique().to_owned()).await?;
        m.create_index(Index::create().name("ux_cards_order").table(Cards::Table).col(Cards::OrderId).unique().to_owned()).await?;
        m.create_index(Index::create().name("ix_cards_company").table(Cards::Table).col(Cards::CompanyId).col(Cards::Id).to_owned())
            .await?;
        m.create_index(Index::create().name("ix_cards_account").table(Cards::Table).col(Cards::AccountId).to_owned()).await?;

        m.create_table(
            Table::create()
                .table(PartnerClients::Table)
                .if_not_exists()
                .col(uuid(PartnerClients::Id).primary_key())
                .col(string_len(PartnerClients::ClientId, 64))
                .col(string_len(PartnerClients::SecretHash, 64))
                .col(string_len(PartnerClients::Name, 200))
                .col(string_len_null(PartnerClients::WebhookUrl, 500))
                .col(timestamp_with_time_zone(PartnerClients::CreatedAt))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create().name("ux_partner_client_id").table(PartnerClients::Table).col(PartnerClients::ClientId).unique().to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table(IdempotencyKeys::Table)
                .if_not_exists()
                .col(string_len(IdempotencyKeys::Key, 300).primary_key())
                .col(string_len(IdempotencyKeys::RequestHash, 64))
                .col(integer(IdempotencyKeys::Status))
                .col(text(IdempotencyKeys::Body))
                .col(timestamp_with_time_zone(IdempotencyKeys::CreatedAt))
                .to_owned(),
        )
        .await?;
        m.create_index(Index::create().name("ix_audit_subject").table(AuditEvents::Table).col(AuditEvents::SubjectId).to_owned()).await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_index(Index::drop().name("ix_audit_subject").table(AuditEvents::Table).to_owned()).await?;
        for t in [
            IdempotencyKeys::Table.into_iden(),
            PartnerClients::Table.into_iden(),
            Cards::Table.into_iden(),
            OrderEvents::Table.into_iden(),
            CardOrders::Table.into_iden(),
            CompanyAdmins::Table.into_iden(),
            Companies::Table.into_iden(),
        ] {
            m.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}

#[derive(DeriveIden)]
enum AuditEvents {
    Table,
    SubjectId,
}

#[derive(DeriveIden)]
enum Companies {
    Table,
    Id,
    Name,
    OrgNumber,
    CreatedAt,
}

#[derive(DeriveIden)]
enum CompanyAdmins {
    Table,
    CompanyId,
    AccountId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum CardOrders {
    Table,
    Id,
    CompanyId,
    Status,
    Version,
    GivenNames,
    Surname,
    DateOfBirth,
    Nationality,
    Email,
    Phone,
    DeliveryRecipient,
    DeliveryAddressLine1,
    DeliveryAddressLine2,
    DeliveryPostalCode,
    DeliveryCity,
    DeliveryCountry,
    AccountId,
    MismatchFields,
    Reason,
    TrackingNumber,
    CreatedBy,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum OrderEvents {
    Table,
    Id,
    OrderId,
    Status,
    At,
}

#[derive(DeriveIden)]
enum Cards {
    Table,
    Id,
    OrderId,
    CompanyId,
    AccountId,
    CardNumber,
    Status,
    ValidUntil,
    ActivatedAt,
    PinEnc,
    ActivationFailures,
    Reason,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum PartnerClients {
    Table,
    Id,
    ClientId,
    SecretHash,
    Name,
    WebhookUrl,
    CreatedAt,
}

#[derive(DeriveIden)]
enum IdempotencyKeys {
    Table,
    Key,
    RequestHash,
    Status,
    Body,
    CreatedAt,
}
