//! Companies and who administers them.

use chrono::Utc;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use sitecard_domain::ids::{AccountId, CompanyId};
use uuid::Uuid;

use crate::DbError;
use crate::entities::companies::{self, Entity as Companies};
use crate::entities::company_admins::{self, Entity as CompanyAdmins};

/// A row of `companies` as stored.
#[derive(Clone, Debug, PartialEq)]
pub struct Company {
    pub id: CompanyId,
    pub name: String,
    pub org_number: String,
    /// ISO 3166 alpha-2 of the registry (`SE`: the org number is a Swedish organisationsnummer).
    pub country: String,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

impl From<crate::entities::companies::Model> for Company {
    fn from(m: crate::entities::companies::Model) -> Self {
        Self { id: m.id.into(), name: m.name, org_number: m.org_number, country: m.country, created_at: m.created_at }
    }
}

pub async fn insert<C: ConnectionTrait>(conn: &C, name: &str, org_number: &str, country: &str) -> Result<Company, DbError> {
    Ok(companies::ActiveModel {
        id: Set(Uuid::now_v7()),
        name: Set(name.to_owned()),
        org_number: Set(org_number.to_owned()),
        country: Set(country.to_owned()),
        created_at: Set(Utc::now()),
    }
    .insert(conn)
    .await?
    .into())
}

pub async fn find<C: ConnectionTrait>(conn: &C, id: CompanyId) -> Result<Option<Company>, DbError> {
    Ok(Companies::find_by_id(id).one(conn).await?.map(Into::into))
}

pub async fn find_by_org_number<C: ConnectionTrait>(conn: &C, org_number: &str) -> Result<Option<Company>, DbError> {
    Ok(Companies::find().filter(companies::Column::OrgNumber.eq(org_number)).one(conn).await?.map(Into::into))
}

pub async fn add_admin<C: ConnectionTrait>(conn: &C, company_id: CompanyId, account_id: AccountId) -> Result<(), DbError> {
    if is_admin(conn, company_id, account_id).await? {
        return Ok(());
    }
    company_admins::ActiveModel { company_id: Set(company_id.into()), account_id: Set(account_id.into()), created_at: Set(Utc::now()) }
        .insert(conn)
        .await?;
    Ok(())
}

pub async fn is_admin<C: ConnectionTrait>(conn: &C, company_id: CompanyId, account_id: AccountId) -> Result<bool, DbError> {
    Ok(CompanyAdmins::find_by_id((company_id.as_uuid(), account_id.as_uuid())).one(conn).await?.is_some())
}

/// Companies the account administers, by name.
pub async fn administered_by<C: ConnectionTrait>(conn: &C, account_id: AccountId) -> Result<Vec<Company>, DbError> {
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
    Ok(Companies::find()
        .filter(companies::Column::Id.is_in(ids))
        .order_by_asc(companies::Column::Name)
        .all(conn)
        .await?
        .into_iter()
        .map(Into::into)
        .collect())
}

/// Email addresses of the company's administrators (for notifications).
pub async fn admin_account_ids<C: ConnectionTrait>(conn: &C, company_id: CompanyId) -> Result<Vec<Uuid>, DbError> {
    Ok(CompanyAdmins::find()
        .filter(company_admins::Column::CompanyId.eq(company_id))
        .all(conn)
        .await?
        .into_iter()
        .map(|a| a.account_id)
        .collect())
}

/// One page of companies, newest first: those whose name or org number contains `q` (any case), among `only`
/// when given (a company admin sees theirs). `limit + 1` rows tell whether more follow.
pub async fn page<C: ConnectionTrait>(
    conn: &C,
    q: Option<&str>,
    only: Option<&[Uuid]>,
    before: Option<Uuid>,
    limit: u64,
) -> Result<Vec<Company>, DbError> {
    use sea_orm::QuerySelect;
    use sea_orm::sea_query::{Expr, ExprTrait, Func};
    let mut query = Companies::find().order_by_desc(companies::Column::Id).limit(limit);
    if let Some(q) = q {
        let pattern = format!("%{}%", q.to_lowercase().replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_"));
        let name = Expr::expr(Func::lower(Expr::col(companies::Column::Name)))
            .like(sea_orm::sea_query::LikeExpr::new(pattern.clone()).escape('\\'));
        let org = Expr::col(companies::Column::OrgNumber).like(sea_orm::sea_query::LikeExpr::new(pattern).escape('\\'));
        query = query.filter(name.or(org));
    }
    if let Some(ids) = only {
        query = query.filter(companies::Column::Id.is_in(ids.to_vec()));
    }
    if let Some(id) = before {
        query = query.filter(companies::Column::Id.lt(id));
    }
    Ok(query.all(conn).await?.into_iter().map(Into::into).collect())
}

/// A company's administrator as listed: their account's email and whether they have finished registering.
pub struct CompanyAdmin {
    pub account_id: AccountId,
    pub email: String,
    /// The account's status: `pending` until the invitation is used.
    pub account_status: sitecard_domain::account_status::AccountStatus,
}

/// The company's administrators, in the order they were made administrators.
pub async fn admins<C: ConnectionTrait>(conn: &C, company_id: CompanyId) -> Result<Vec<CompanyAdmin>, DbError> {
    use crate::entities::accounts::{self, Entity as Accounts};
    let links = CompanyAdmins::find()
        .filter(company_admins::Column::CompanyId.eq(company_id))
        .order_by_asc(company_admins::Column::CreatedAt)
        .all(conn)
        .await?;
    let ids: Vec<Uuid> = links.iter().map(|l| l.account_id).collect();
    let accounts = Accounts::find().filter(accounts::Column::Id.is_in(ids)).all(conn).await?;
    Ok(links
        .into_iter()
        .filter_map(|l| accounts.iter().find(|a| a.id == l.account_id))
        .map(|a| CompanyAdmin { account_id: a.id.into(), email: a.email.clone(), account_status: a.status })
        .collect())
}

pub enum AdminRemoval {
    Removed,
    /// Never the last one: a company must keep someone who can act for it.
    LastAdmin,
    NotAnAdmin,
}

/// Removes an administrator unless they are the last one. One statement decides, so two admins removing each
/// other at once cannot leave the company with none (PostgreSQL: the company row is locked first).
pub async fn remove_admin<C: ConnectionTrait>(conn: &C, company_id: CompanyId, account_id: AccountId) -> Result<AdminRemoval, DbError> {
    use sea_orm::{DbBackend, Statement};
    let backend = conn.get_database_backend();
    if backend == DbBackend::Postgres {
        conn.execute_raw(Statement::from_sql_and_values(backend, "SELECT id FROM companies WHERE id = $1 FOR UPDATE", [company_id.into()]))
            .await?;
    }
    if !is_admin(conn, company_id, account_id).await? {
        return Ok(AdminRemoval::NotAnAdmin);
    }
    let sql = match backend {
        DbBackend::Postgres => {
            "DELETE FROM company_admins WHERE company_id = $1 AND account_id = $2 \
             AND (SELECT count(*) FROM company_admins WHERE company_id = $3) > 1"
        }
        _ => {
            "DELETE FROM company_admins WHERE company_id = ? AND account_id = ? \
             AND (SELECT count(*) FROM company_admins WHERE company_id = ?) > 1"
        }
    };
    let values = [company_id.into(), account_id.into(), company_id.into()];
    let res = conn.execute_raw(Statement::from_sql_and_values(backend, sql, values)).await?;
    Ok(if res.rows_affected() == 1 { AdminRemoval::Removed } else { AdminRemoval::LastAdmin })
}
