//! Entity for the `audit_checkpoints` table.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "audit_checkpoints")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub number: i64,
    pub prev_hash: String,
    pub merkle_root: String,
    pub events: i64,
    pub total_events: i64,
    pub sealed_at: DateTimeUtc,
    pub hash: String,
    pub kid: String,
    pub signature: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
