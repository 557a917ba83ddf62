//! Accounts: login identity, roles, phone, contact details, second factors.

use chrono::Utc;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use sitecard_domain::account_status::AccountStatus;
use sitecard_domain::ids::AccountId;
use sitecard_domain::role::{Role, format_roles, parse_roles};
use uuid::Uuid;

use crate::DbError;
use crate::entities::accounts::{self, Entity as Accounts};

use accounts::ActiveModel as AccountChanges;

/// An account as stored (its secrets still hashed or encrypted).
#[derive(Clone, Debug, PartialEq)]
pub struct Account {
    pub id: AccountId,
    pub email: String,
    pub password_hash: Option<String>,
    pub phone: Option<String>,
    pub status: AccountStatus,
    pub language: String,
    pub roles: Vec<Role>,
    pub person_id: Option<uuid::Uuid>,
    pub totp_secret_enc: Option<String>,
    pub totp_pending_enc: Option<String>,
    pub address_line1: Option<String>,
    pub address_line2: Option<String>,
    pub postal_code: Option<String>,
    pub city: Option<String>,
    pub country: Option<String>,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub updated_at: chrono::DateTime<chrono::Utc>,
    pub totp_last_step: Option<i64>,
    /// When the worker said "no, thanks" to the authenticator-app offer; it is not made again.
    pub totp_offer_declined_at: Option<chrono::DateTime<chrono::Utc>>,
}

impl From<crate::entities::accounts::Model> for Account {
    fn from(m: crate::entities::accounts::Model) -> Self {
        Self {
            id: m.id.into(),
            email: m.email,
            password_hash: m.password_hash,
            phone: m.phone,
            status: m.status,
            language: m.language,
            roles: parse_roles(&m.roles),
            person_id: m.person_id,
            totp_secret_enc: m.totp_secret_enc,
            totp_pending_enc: m.totp_pending_enc,
            address_line1: m.address_line1,
            address_line2: m.address_line2,
            postal_code: m.postal_code,
            city: m.city,
            country: m.country,
            created_at: m.created_at,
            updated_at: m.updated_at,
            totp_last_step: m.totp_last_step,
            totp_offer_declined_at: m.totp_offer_declined_at,
        }
    }
}

pub struct NewAccount<'a> {
    pub email: &'a str,
    pub password_hash: Option<String>,
    pub phone: Option<&'a str>,
    /// `pending` (no password yet), `active`, `disabled`.
    pub status: AccountStatus,
    pub language: &'a str,
    pub roles: String,
    pub person_id: Option<Uuid>,
}

impl<'a> NewAccount<'a> {
    /// An invited or registering person: no password or phone until they open the emailed link. `roles` as
    /// stored (comma-joined role names).
    pub fn pending(email: &'a str, language: &'a str, roles: String, person_id: Option<Uuid>) -> Self {
        Self { email, password_hash: None, phone: None, status: AccountStatus::Pending, language, roles, person_id }
    }
}

pub async fn insert<C: ConnectionTrait>(conn: &C, new: NewAccount<'_>) -> Result<Account, DbError> {
    let now = Utc::now();
    let model = accounts::ActiveModel {
        id: Set(Uuid::now_v7()),
        email: Set(new.email.to_owned()),
        password_hash: Set(new.password_hash),
        phone: Set(new.phone.map(str::to_owned)),
        status: Set(new.status),
        language: Set(new.language.to_owned()),
        roles: Set(new.roles),
        person_id: Set(new.person_id),
        totp_secret_enc: Set(None),
        totp_pending_enc: Set(None),
        address_line1: Set(None),
        address_line2: Set(None),
        postal_code: Set(None),
        city: Set(None),
        country: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        totp_last_step: Set(None),
        totp_offer_declined_at: Set(None),
    };
    Ok(model.insert(conn).await?.into())
}

pub async fn find_by_email<C: ConnectionTrait>(conn: &C, email: &str) -> Result<Option<Account>, DbError> {
    Ok(Accounts::find().filter(accounts::Column::Email.eq(email)).one(conn).await?.map(Into::into))
}

pub async fn find<C: ConnectionTrait>(conn: &C, id: AccountId) -> Result<Option<Account>, DbError> {
    Ok(Accounts::find_by_id(id).one(conn).await?.map(Into::into))
}

pub async fn find_by_person<C: ConnectionTrait>(conn: &C, person_id: Uuid) -> Result<Option<Account>, DbError> {
    Ok(Accounts::find().filter(accounts::Column::PersonId.eq(person_id)).one(conn).await?.map(Into::into))
}

/// Saves the changed fields of an account (and bumps `updated_at`).
/// What a change writes to an account; fields left `None` stay as they are, `Some(None)` clears a field.
#[derive(Debug, Default)]
pub struct AccountUpdate {
    pub password_hash: Option<String>,
    pub phone: Option<Option<String>>,
    pub status: Option<AccountStatus>,
    pub language: Option<String>,
    pub roles: Option<Vec<Role>>,
    pub person_id: Option<Uuid>,
    pub totp_secret_enc: Option<Option<String>>,
    pub totp_pending_enc: Option<Option<String>>,
    pub address_line1: Option<Option<String>>,
    pub address_line2: Option<Option<String>>,
    pub postal_code: Option<Option<String>>,
    pub city: Option<Option<String>>,
    pub country: Option<Option<String>>,
}

pub async fn update<C: ConnectionTrait>(conn: &C, id: AccountId, update: AccountUpdate) -> Result<Account, DbError> {
    let mut m = AccountChanges { id: sea_orm::ActiveValue::Unchanged(id.into()), ..Default::default() };
    if let Some(v) = update.password_hash {
        m.password_hash = Set(Some(v));
    }
    if let Some(v) = update.phone {
        m.phone = Set(v);
    }
    if let Some(v) = update.status {
        m.status = Set(v);
    }
    if let Some(v) = update.language {
        m.language = Set(v);
    }
    if let Some(v) = update.roles {
        m.roles = Set(format_roles(&v));
    }
    if let Some(v) = update.person_id {
        m.person_id = Set(Some(v));
    }
    if let Some(v) = update.totp_secret_enc {
        m.totp_secret_enc = Set(v);
    }
    if let Some(v) = update.totp_pending_enc {
        m.totp_pending_enc = Set(v);
    }
    if let Some(v) = update.address_line1 {
        m.address_line1 = Set(v);
    }
    if let Some(v) = update.address_line2 {
        m.address_line2 = Set(v);
    }
    if let Some(v) = update.postal_code {
        m.postal_code = Set(v);
    }
    if let Some(v) = update.city {
        m.city = Set(v);
    }
    if let Some(v) = update.country {
        m.country = Set(v);
    }
    m.updated_at = Set(Utc::now());
    Ok(m.update(conn).await?.into())
}

/// Remembers "no, thanks" to the authenticator-app offer; the first answer is kept.
pub async fn decline_totp_offer<C: ConnectionTrait>(conn: &C, id: AccountId) -> Result<(), DbError> {
    Accounts::update_many()
        .col_expr(accounts::Column::TotpOfferDeclinedAt, Some(Utc::now()).into())
        .filter(accounts::Column::Id.eq(id))
        .filter(accounts::Column::TotpOfferDeclinedAt.is_null())
        .exec(conn)
        .await?;
    Ok(())
}

/// Sets the language of the account's emails and SMS.
pub async fn set_language<C: ConnectionTrait>(conn: &C, id: AccountId, language: &str) -> Result<Account, DbError> {
    update(conn, id, AccountUpdate { language: Some(language.to_owned()), ..Default::default() }).await
}

/// Records an accepted authenticator time step; false when this step (or a later one) was already used,
/// so a code cannot be replayed within its 30-second window.
pub async fn claim_totp_step<C: ConnectionTrait>(conn: &C, id: AccountId, step: i64) -> Result<bool, DbError> {
    use sea_orm::Condition;
    let res = Accounts::update_many()
        .col_expr(accounts::Column::TotpLastStep, Some(step).into())
        .filter(accounts::Column::Id.eq(id))
        .filter(Condition::any().add(accounts::Column::TotpLastStep.is_null()).add(accounts::Column::TotpLastStep.lt(step)))
        .exec(conn)
        .await?;
    Ok(res.rows_affected == 1)
}

/// Accounts that hold `role`, by email.
pub async fn with_role<C: ConnectionTrait>(conn: &C, role: &str) -> Result<Vec<Account>, DbError> {
    use sea_orm::QueryOrder;
    let candidates =
        Accounts::find().filter(accounts::Column::Roles.contains(role)).order_by_asc(accounts::Column::Email).all(conn).await?;
    // `contains` is a substring match on the comma-joined list; keep exact role names only.
    Ok(candidates.into_iter().filter(|a| a.roles.split(',').any(|r| r.trim() == role)).map(Into::into).collect())
}

/// Serialises staff role changes on PostgreSQL for the rest of the transaction (SQLite transactions here are
/// `IMMEDIATE`, so writers are serialised already): a count of operators stays true until commit.
pub async fn lock_role_changes<C: ConnectionTrait>(conn: &C) -> Result<(), DbError> {
    use sea_orm::{DbBackend, Statement};
    if conn.get_database_backend() == DbBackend::Postgres {
        conn.execute_raw(Statement::from_string(DbBackend::Postgres, "SELECT pg_advisory_xact_lock(711006)")).await?;
    }
    Ok(())
}
