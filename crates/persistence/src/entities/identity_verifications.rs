//! Entity for the `identity_verifications` table.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "identity_verifications")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub person_id: Uuid,
    pub verifier_id: Uuid,
    pub purpose: String,
    pub document_type: String,
    pub document_number_enc: String,
    pub document_last3: String,
    pub issuing_country: String,
    pub document_expiry: Date,
    pub given_names: String,
    pub surname: String,
    pub date_of_birth: Date,
    pub nationality: String,
    pub email: String,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
