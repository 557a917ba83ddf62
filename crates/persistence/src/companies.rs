//! Companies and who administers them.

use chrono::Utc;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use crate::DbError;
use crate::entities::companies::{self, Entity as Companies};
use crate::entities::company_admins::{self, Entity as CompanyAdmins};

pub use companies::Model as Company;

pub async fn insert<C: ConnectionTrait>(conn: &C, name: &str, org_number: &str) -> Result<Company, DbError> {
    Ok(companies::ActiveModel {
        id: Set(Uuid::now_v7()),
        name: Set(name.to_owned()),
        org_number: Set(org_number.to_owned()),
        created_at: Set(Utc::now()),
    }
    .insert(conn)
    .await?)
}

pub async fn find<C: ConnectionTrait>(conn: &C, id: Uuid) -> Result<Option<Company>, DbError> {
    Ok(Companies::find_by_id(id).one(conn).await?)
}

pub async fn find_by_org_number<C: ConnectionTrait>(conn: &C, org_number: &str) -> Result<Option<Company>, DbError> {
    Ok(Companies::find().filter(companies::Column::OrgNumber.eq(org_number)).one(conn).await?)
}

pub async fn add_admin<C: ConnectionTrait>(conn: &C, company_id: Uuid, account_id: Uuid) -> Result<(), DbError> {
    if is_admin(conn, company_id, account_id).await? {
        return Ok(());
    }
    company_admins::ActiveModel { company_id: Set(company_id), account_id: Set(account_id), created_at: Set(Utc::now()) }
        .insert(conn)
        .await?;
    Ok(())
}

pub async fn is_admin<C: ConnectionTrait>(conn: &C, company_id: Uuid, account_id: Uuid) -> Result<bool, DbError> {
    Ok(CompanyAdmins::find_by_id((company_id, account_id)).one(conn).await?.is_some())
}

/// Companies the account administers, by name.
pub async fn administered_by<C: ConnectionTrait>(conn: &C, account_id: Uuid) -> Result<Vec<Company>, DbError> {
    let ids: Vec<Uuid> = CompanyAdmins::find()
        .filter(company_admins::Column::AccountId.eq(account_id))
        .all(conn)
        .await?
        .into_iter()
        .map(|a| a.company_id)
        .collect();
    if ids.is_empty() {
        return Ok(vec![]);
    }
    Ok(Companies::find().filter(companies::Column::Id.is_in(ids)).order_by_asc(companies::Column::Name).all(conn).await?)
}

/// Email addresses of the company's administrators (for notifications).
pub async fn admin_account_ids<C: ConnectionTrait>(conn: &C, company_id: Uuid) -> Result<Vec<Uuid>, DbError> {
    Ok(CompanyAdmins::find()
        .filter(company_admins::Column::CompanyId.eq(company_id))
        .all(conn)
        .await?
        .into_iter()
        .map(|a| a.account_id)
        .collect())
}
