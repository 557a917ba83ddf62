//! Accounts: login identity, roles, phone, contact details, second factors.

use chrono::Utc;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

use crate::DbError;
use crate::entities::accounts::{self, Entity as Accounts};

pub use accounts::{ActiveModel as AccountChanges, Model as Account};

pub struct NewAccount<'a> {
    pub email: &'a str,
    pub password_hash: Option<String>,
    pub phone: Option<&'a str>,
    /// `pending` (no password yet), `active`, `disabled`.
    pub status: &'a str,
    pub language: &'a str,
    pub roles: String,
    pub person_id: Option<Uuid>,
}

pub async fn insert<C: ConnectionTrait>(conn: &C, new: NewAccount<'_>) -> Result<Account, DbError> {
    let now = Utc::now();
    let model = accounts::ActiveModel {
        id: Set(Uuid::now_v7()),
        email: Set(new.email.to_owned()),
        password_hash: Set(new.password_hash),
        phone: Set(new.phone.map(str::to_owned)),
        status: Set(new.status.to_owned()),
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
    Ok(model.insert(conn).await?)
}

pub async fn find_by_email<C: ConnectionTrait>(conn: &C, email: &str) -> Result<Option<Account>, DbError> {
    Ok(Accounts::find().filter(accounts::Column::Email.eq(email)).one(conn).await?)
}

pub async fn find<C: ConnectionTrait>(conn: &C, id: Uuid) -> Result<Option<Account>, DbError> {
    Ok(Accounts::find_by_id(id).one(conn).await?)
}

pub async fn find_by_person<C: ConnectionTrait>(conn: &C, person_id: Uuid) -> Result<Option<Account>, DbError> {
    Ok(Accounts::find().filter(accounts::Column::PersonId.eq(person_id)).one(conn).await?)
}

/// Saves the changed fields of an account (and bumps `updated_at`).
pub async fn update<C: ConnectionTrait>(conn: &C, mut changes: AccountChanges) -> Result<Account, DbError> {
    changes.updated_at = Set(Utc::now());
    Ok(changes.update(conn).await?)
}

/// Remembers "no, thanks" to the authenticator-app offer; the first answer is kept.
pub async fn decline_totp_offer<C: ConnectionTrait>(conn: &C, id: Uuid) -> Result<(), DbError> {
    Accounts::update_many()
        .col_expr(accounts::Column::TotpOfferDeclinedAt, Some(Utc::now()).into())
        .filter(accounts::Column::Id.eq(id))
        .filter(accounts::Column::TotpOfferDeclinedAt.is_null())
        .exec(conn)
        .await?;
    Ok(())
}

/// Sets the language of the account's emails and SMS.
pub async fn set_language<C: ConnectionTrait>(conn: &C, id: Uuid, language: &str) -> Result<Account, DbError> {
    let mut c = changes(id);
    c.language = Set(language.to_owned());
    update(conn, c).await
}

/// Starts a change set for the account with this id.
pub fn changes(id: Uuid) -> AccountChanges {
    AccountChanges { id: sea_orm::ActiveValue::Unchanged(id), ..Default::default() }
}

/// Records an accepted authenticator time step; false when this step (or a later one) was already used,
/// so a code cannot be replayed within its 30-second window.
pub async fn claim_totp_step<C: ConnectionTrait>(conn: &C, id: Uuid, step: i64) -> Result<bool, DbError> {
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
    Ok(candidates.into_iter().filter(|a| a.roles.split(',').any(|r| r.trim() == role)).collect())
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
