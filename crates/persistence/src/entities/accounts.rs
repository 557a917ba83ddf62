//! Entity for the `accounts` table.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "accounts")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub email: String,
    pub password_hash: Option<String>,
    pub phone: Option<String>,
    pub status: sitecard_domain::account_status::AccountStatus,
    pub language: String,
    pub roles: String,
    pub person_id: Option<Uuid>,
    pub totp_secret_enc: Option<String>,
    pub totp_pending_enc: Option<String>,
    pub address_line1: Option<String>,
    pub address_line2: Option<String>,
    pub postal_code: Option<String>,
    pub city: Option<String>,
    pub country: Option<String>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub totp_last_step: Option<i64>,
    /// When the worker said "no, thanks" to the authenticator-app offer; it is not made again.
    pub totp_offer_declined_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(belongs_to = "super::persons::Entity", from = "Column::PersonId", to = "super::persons::Column::Id")]
    Person,
}

impl Related<super::persons::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::Person.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
