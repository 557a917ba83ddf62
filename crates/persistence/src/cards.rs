//! Cards produced for orders.

use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use sitecard_domain::card_state::CardStatus;
use sitecard_domain::ids::{AccountId, CardId, CompanyId, OrderId};
use uuid::Uuid;

use crate::DbError;
use crate::entities::cards::{self, Entity as Cards};
use crate::paging::{NewestFirst, newest_first};

/// A card as stored.
#[derive(Clone, Debug, PartialEq)]
pub struct Card {
    pub id: CardId,
    pub order_id: OrderId,
    pub company_id: CompanyId,
    pub account_id: Option<AccountId>,
    pub card_number: String,
    pub status: sitecard_domain::card_state::CardStatus,
    pub valid_until: chrono::NaiveDate,
    pub activated_at: Option<chrono::DateTime<chrono::Utc>>,
    pub pin_enc: Option<String>,
    pub activation_failures: i32,
    pub reason: Option<String>,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub updated_at: chrono::DateTime<chrono::Utc>,
    /// When the 30-days-before reminder went out (once).
    pub reminded_30_at: Option<chrono::DateTime<chrono::Utc>>,
    /// When the 7-days-before reminder went out (once).
    pub reminded_7_at: Option<chrono::DateTime<chrono::Utc>>,
}

impl From<crate::entities::cards::Model> for Card {
    fn from(m: crate::entities::cards::Model) -> Self {
        Self {
            id: m.id.into(),
            order_id: m.order_id.into(),
            company_id: m.company_id.into(),
            account_id: m.account_id.map(Into::into),
            card_number: m.card_number,
            status: m.status,
            valid_until: m.valid_until,
            activated_at: m.activated_at,
            pin_enc: m.pin_enc,
            activation_failures: m.activation_failures,
            reason: m.reason,
            created_at: m.created_at,
            updated_at: m.updated_at,
            reminded_30_at: m.reminded_30_at,
            reminded_7_at: m.reminded_7_at,
        }
    }
}

pub async fn insert<C: ConnectionTrait>(
    conn: &C,
    order_id: OrderId,
    company_id: CompanyId,
    account_id: Option<AccountId>,
    card_number: &str,
    valid_until: NaiveDate,
) -> Result<Card, DbError> {
    let now = Utc::now();
    let card = cards::ActiveModel {
        id: Set(Uuid::now_v7()),
        order_id: Set(order_id.into()),
        company_id: Set(company_id.into()),
        account_id: Set(account_id.map(Into::into)),
        card_number: Set(card_number.to_owned()),
        status: Set(CardStatus::Inactive),
        valid_until: Set(valid_until),
        activated_at: Set(None),
        pin_enc: Set(None),
        activation_failures: Set(0),
        reason: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        reminded_30_at: Set(None),
        reminded_7_at: Set(None),
    }
    .insert(conn)
    .await?;
    // The order is found by its card's number from now on; gates hear of the new card.
    crate::search::index_order(conn, order_id.into()).await?;
    crate::card_feed::append(conn, card.id, &card.card_number, card.status.as_str(), card.valid_until, sitecard_domain::clock::now())
        .await?;
    Ok(card.into())
}

pub async fn find<C: ConnectionTrait>(conn: &C, id: CardId) -> Result<Option<Card>, DbError> {
    Ok(Cards::find_by_id(id).one(conn).await?.map(Into::into))
}

pub async fn find_by_number<C: ConnectionTrait>(conn: &C, number: &str) -> Result<Option<Card>, DbError> {
    Ok(Cards::find().filter(cards::Column::CardNumber.eq(number)).one(conn).await?.map(Into::into))
}

pub async fn find_by_order<C: ConnectionTrait>(conn: &C, order_id: OrderId) -> Result<Option<Card>, DbError> {
    Ok(Cards::find().filter(cards::Column::OrderId.eq(order_id)).one(conn).await?.map(Into::into))
}

pub async fn list_for_account<C: ConnectionTrait>(conn: &C, account_id: AccountId) -> Result<Vec<Card>, DbError> {
    Ok(Cards::find()
        .filter(cards::Column::AccountId.eq(account_id))
        .order_by_desc(cards::Column::Id)
        .limit(100)
        .all(conn)
        .await?
        .into_iter()
        .map(Into::into)
        .collect())
}

pub async fn page_for_company<C: ConnectionTrait>(
    conn: &C,
    company_id: CompanyId,
    status: Option<&str>,
    search: Option<&[Vec<String>]>,
    after: Option<Uuid>,
    limit: u64,
) -> Result<Vec<Card>, DbError> {
    let mut q = Cards::find().filter(cards::Column::CompanyId.eq(company_id));
    if let Some(words) = search {
        q = crate::search::filter_cards(q, company_id.into(), words);
    }
    let page = NewestFirst { id: cards::Column::Id, status: status.map(|s| (cards::Column::Status, s)), after, limit };
    Ok(newest_first(q, page).all(conn).await?.into_iter().map(Into::into).collect())
}

/// Older cards of the same worker at the same company, which a newly activated card replaces.
pub async fn replaced_by<C: ConnectionTrait>(conn: &C, card: &Card) -> Result<Vec<Card>, DbError> {
    let Some(account_id) = card.account_id else { return Ok(vec![]) };
    Ok(Cards::find()
        .filter(cards::Column::AccountId.eq(account_id))
        .filter(cards::Column::CompanyId.eq(card.company_id))
        // Only older cards: ids are UUIDv7, so a smaller id is an earlier card.
        .filter(cards::Column::Id.lt(card.id))
        .filter(cards::Column::Status.is_in(LIVE))
        .all(conn)
        .await?
        .into_iter()
        .map(Into::into)
        .collect())
}

/// The account's live cards (`inactive`, `active`, `blocked`).
pub async fn live_for_account<C: ConnectionTrait>(conn: &C, account_id: AccountId) -> Result<Vec<Card>, DbError> {
    Ok(Cards::find()
        .filter(cards::Column::AccountId.eq(account_id))
        .filter(cards::Column::Status.is_in(LIVE))
        .all(conn)
        .await?
        .into_iter()
        .map(Into::into)
        .collect())
}

/// Moves a live card's last valid day, if it is still live and still valid until what `card` says (a
/// concurrent change loses cleanly). A later date starts the expiry reminders over: they were about the old one.
pub async fn move_validity<C: ConnectionTrait>(conn: &C, card: &Card, valid_until: NaiveDate) -> Result<bool, DbError> {
    let mut update = Cards::update_many()
        .col_expr(cards::Column::ValidUntil, sea_orm::sea_query::Expr::value(valid_until))
        .col_expr(cards::Column::UpdatedAt, sea_orm::sea_query::Expr::value(Utc::now()));
    if valid_until > card.valid_until {
        let none: Option<chrono::DateTime<Utc>> = None;
        update = update
            .col_expr(cards::Column::Reminded30At, sea_orm::sea_query::Expr::value(none))
            .col_expr(cards::Column::Reminded7At, sea_orm::sea_query::Expr::value(none));
    }
    let res = update
        .filter(cards::Column::Id.eq(card.id))
        .filter(cards::Column::Status.is_in(LIVE))
        .filter(cards::Column::ValidUntil.eq(card.valid_until))
        .exec(conn)
        .await?;
    Ok(res.rows_affected == 1)
}

/// What a change writes to a card; fields left `None` stay as they are.
#[derive(Debug, Default)]
pub struct CardUpdate {
    pub status: Option<CardStatus>,
    /// Why it is blocked or terminated; `Some(None)` clears it.
    pub reason: Option<Option<String>>,
    pub activated_at: Option<DateTime<Utc>>,
    /// The PIN, encrypted.
    pub pin_enc: Option<String>,
    pub activation_failures: Option<i32>,
}

impl CardUpdate {
    fn into_changes(self) -> cards::ActiveModel {
        let mut m = <cards::ActiveModel as Default>::default();
        if let Some(v) = self.status {
            m.status = Set(v);
        }
        if let Some(v) = self.reason {
            m.reason = Set(v);
        }
        if let Some(v) = self.activated_at {
            m.activated_at = Set(Some(v));
        }
        if let Some(v) = self.pin_enc {
            m.pin_enc = Set(Some(v));
        }
        if let Some(v) = self.activation_failures {
            m.activation_failures = Set(v);
        }
        m
    }
}

/// Saves a status change only if the card is still in `from` (concurrent changes lose cleanly).
pub async fn update_if_status<C: ConnectionTrait>(conn: &C, id: CardId, from: CardStatus, update: CardUpdate) -> Result<bool, DbError> {
    let mut changes = update.into_changes();
    changes.updated_at = Set(Utc::now());
    let res = Cards::update_many().set(changes).filter(cards::Column::Id.eq(id)).filter(cards::Column::Status.eq(from)).exec(conn).await?;
    Ok(res.rows_affected == 1)
}

/// Takes one of the card's `max` tries at typing its number before the number is judged, in one conditional
/// update: the count after it, or `None` when the tries are used up (parallel tries never get more).
pub async fn take_number_try<C: ConnectionTrait>(conn: &C, id: CardId, max: i32) -> Result<Option<i32>, DbError> {
    use sea_orm::sea_query::ExprTrait;
    let rows = Cards::update_many()
        .col_expr(cards::Column::ActivationFailures, sea_orm::sea_query::Expr::col(cards::Column::ActivationFailures).add(1))
        .filter(cards::Column::Id.eq(id))
        .filter(cards::Column::ActivationFailures.lt(max))
        .exec_with_returning(conn)
        .await?;
    Ok(rows.first().map(|c| c.activation_failures))
}

/// Returns a try taken with `take_number_try` whose number was right: only wrong numbers count.
pub async fn give_back_number_try<C: ConnectionTrait>(conn: &C, id: CardId) -> Result<(), DbError> {
    use sea_orm::sea_query::ExprTrait;
    Cards::update_many()
        .col_expr(cards::Column::ActivationFailures, sea_orm::sea_query::Expr::col(cards::Column::ActivationFailures).sub(1))
        .filter(cards::Column::Id.eq(id))
        .filter(cards::Column::ActivationFailures.gt(0))
        .exec(conn)
        .await?;
    Ok(())
}

/// The cards of several orders at once (list pages).
pub async fn for_orders<C: ConnectionTrait>(conn: &C, order_ids: &[Uuid]) -> Result<Vec<Card>, DbError> {
    if order_ids.is_empty() {
        return Ok(vec![]);
    }
    Ok(Cards::find().filter(cards::Column::OrderId.is_in(order_ids.iter().copied())).all(conn).await?.into_iter().map(Into::into).collect())
}

/// Live cards (`inactive`, `active`, `blocked`) whose `valid_until` is before `today`, for the expiry job;
/// on PostgreSQL locked `FOR UPDATE SKIP LOCKED` so instances running the job at once take different cards.
pub async fn claim_expired<C: ConnectionTrait>(conn: &C, today: NaiveDate, limit: u64) -> Result<Vec<Card>, DbError> {
    let mut q = Cards::find()
        .filter(cards::Column::Status.is_in(LIVE))
        .filter(cards::Column::ValidUntil.lt(today))
        .order_by_asc(cards::Column::ValidUntil)
        .limit(limit);
    if conn.get_database_backend() == sea_orm::DbBackend::Postgres {
        q = q.lock_with_behavior(sea_orm::sea_query::LockType::Update, sea_orm::sea_query::LockBehavior::SkipLocked);
    }
    Ok(q.all(conn).await?.into_iter().map(Into::into).collect())
}

/// Live cards valid until `by` or earlier (and not yet expired) that have not had the reminder `days` before,
/// locked like `claim_expired`.
pub async fn claim_reminders<C: ConnectionTrait>(conn: &C, today: NaiveDate, days: i64, limit: u64) -> Result<Vec<Card>, DbError> {
    let by = today + chrono::Duration::days(days);
    let reminded = if days >= 30 { cards::Column::Reminded30At } else { cards::Column::Reminded7At };
    let mut q = Cards::find()
        .filter(cards::Column::Status.is_in(LIVE))
        .filter(cards::Column::ValidUntil.gte(today))
        .filter(cards::Column::ValidUntil.lte(by))
        .filter(reminded.is_null())
        .order_by_asc(cards::Column::ValidUntil)
        .limit(limit);
    if conn.get_database_backend() == sea_orm::DbBackend::Postgres {
        q = q.lock_with_behavior(sea_orm::sea_query::LockType::Update, sea_orm::sea_query::LockBehavior::SkipLocked);
    }
    Ok(q.all(conn).await?.into_iter().map(Into::into).collect())
}

/// Records that the reminder `days` before went out; false when it already had (another instance was first).
pub async fn mark_reminded<C: ConnectionTrait>(conn: &C, id: CardId, days: i64, at: chrono::DateTime<Utc>) -> Result<bool, DbError> {
    let column = if days >= 30 { cards::Column::Reminded30At } else { cards::Column::Reminded7At };
    let res = Cards::update_many()
        .col_expr(column, sea_orm::sea_query::Expr::value(Some(at)))
        .filter(cards::Column::Id.eq(id))
        .filter(column.is_null())
        .exec(conn)
        .await?;
    Ok(res.rows_affected == 1)
}

/// `CardStatus::LIVE` as stored.
const LIVE: [CardStatus; 3] = CardStatus::LIVE;
