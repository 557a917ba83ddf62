//! Entity for the `card_orders` table.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "card_orders")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub company_id: Uuid,
    pub status: sitecard_domain::order_state::OrderStatus,
    pub version: i32,
    pub given_names: String,
    pub surname: String,
    pub date_of_birth: Date,
    pub nationality: Option<String>,
    pub email: String,
    pub phone: Option<String>,
    pub delivery_recipient: String,
    pub delivery_address_line1: String,
    pub delivery_address_line2: Option<String>,
    pub delivery_postal_code: String,
    pub delivery_city: String,
    pub delivery_country: String,
    pub account_id: Option<Uuid>,
    pub mismatch_fields: Option<String>,
    pub reason: Option<String>,
    pub tracking_number: Option<String>,
    pub created_by: Uuid,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub photo_key: Option<String>,
    pub photo_sha256: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(belongs_to = "super::companies::Entity", from = "Column::CompanyId", to = "super::companies::Column::Id")]
    Company,
    #[sea_orm(has_many = "super::order_events::Entity")]
    Events,
}

impl Related<super::companies::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Company.def()
    }
}

impl Related<super::order_events::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Events.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
