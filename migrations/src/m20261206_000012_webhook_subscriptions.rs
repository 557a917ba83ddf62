//! Partner clients choose which webhook event types they receive; NULL keeps today's "every type".

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // A JSON array of event type names, e.g. `["order.confirmed","card.blocked"]`.
        m.alter_table(Table::alter().table(PartnerClients::Table).add_column(text_null(PartnerClients::WebhookEvents)).to_owned()).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(Table::alter().table(PartnerClients::Table).drop_column(PartnerClients::WebhookEvents).to_owned()).await
    }
}

#[derive(DeriveIden)]
enum PartnerClients {
    Table,
    WebhookEvents,
}
