//! What the operator console needs: partner clients get a webhook secret of their own (stored encrypted, so it
//! can be rotated; NULL keeps the one derived from the client id) and a rotation time; outbox messages say what
//! they are (`kind`: the message template or webhook event type) and are listed by status, newest first.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite alters a table one column at a time.
        m.alter_table(Table::alter().table(PartnerClients::Table).add_column(text_null(PartnerClients::WebhookSecretEnc)).to_owned())
            .await?;
        m.alter_table(
            Table::alter()
                .table(PartnerClients::Table)
                .add_column(timestamp_with_time_zone_null(PartnerClients::SecretRotatedAt))
                .to_owned(),
        )
        .await?;
        m.alter_table(Table::alter().table(OutboxMessages::Table).add_column(text_null(OutboxMessages::Kind)).to_owned()).await?;
        m.create_index(
            Index::create()
                .name("idx_outbox_messages_status_id")
                .table(OutboxMessages::Table)
                .col(OutboxMessages::Status)
                .col(OutboxMessages::Id)
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_index(Index::drop().name("idx_outbox_messages_status_id").table(OutboxMessages::Table).to_owned()).await?;
        m.alter_table(Table::alter().table(OutboxMessages::Table).drop_column(OutboxMessages::Kind).to_owned()).await?;
        m.alter_table(Table::alter().table(PartnerClients::Table).drop_column(PartnerClients::SecretRotatedAt).to_owned()).await?;
        m.alter_table(Table::alter().table(PartnerClients::Table).drop_column(PartnerClients::WebhookSecretEnc).to_owned()).await
    }
}

#[derive(DeriveIden)]
enum PartnerClients {
    Table,
    WebhookSecretEnc,
    SecretRotatedAt,
}

#[derive(DeriveIden)]
enum OutboxMessages {
    Table,
    Kind,
    Status,
    Id,
}
