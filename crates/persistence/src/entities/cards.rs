//! Entity for the `cards` table.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "cards")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub order_id: Uuid,
    pub company_id: Uuid,
    pub account_id: Option<Uuid>,
    pub card_number: String,
    pub status: sitecard_domain::card_state::CardStatus,
    pub valid_until: Date,
    pub activated_at: Option<DateTimeUtc>,
    pub pin_enc: Option<String>,
    pub activation_failures: i32,
    pub reason: Option<String>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    /// When the 30-days-before reminder went out (once).
    pub reminded_30_at: Option<DateTimeUtc>,
    /// When the 7-days-before reminder went out (once).
    pub reminded_7_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
