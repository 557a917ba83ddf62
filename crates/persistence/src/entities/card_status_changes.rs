//! Entity for the `card_status_changes` table: the gate feed.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "card_status_changes")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub seq: i32,
    pub card_id: Uuid,
    pub card_number: String,
    pub status: String,
    pub valid_until: Date,
    pub changed_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
