//! Entity for the `partner_clients` table.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "partner_clients")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub client_id: String,
    pub secret_hash: String,
    pub name: String,
    pub webhook_url: Option<String>,
    /// JSON array of the webhook event types this client receives; NULL: every type.
    pub webhook_events: Option<String>,
    /// The webhook secret, encrypted with the data key; NULL: derived from the client id (clients made before
    /// secrets could be rotated).
    pub webhook_secret_enc: Option<String>,
    pub secret_rotated_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
