//! Entity for the `persons` table.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "persons")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub given_names: String,
    pub surname: String,
    pub date_of_birth: Date,
    pub nationality: String,
    pub document_type: String,
    pub document_number_enc: String,
    pub document_index: String,
    pub document_last3: String,
    pub issuing_country: String,
    pub document_expiry: Date,
    pub verified_at: DateTimeUtc,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
