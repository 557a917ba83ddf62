//! Card orders, their status history, and keyset-paginated lists.

use sitecard_domain::ids::{AccountId, CompanyId, OrderId};
use std::collections::HashMap;

use chrono::{NaiveDate, Utc};
use sea_orm::sea_query::ExprTrait;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Select,
};
use sitecard_domain::order_state::OrderStatus;
use uuid::Uuid;

use crate::DbError;
use crate::entities::card_orders::{self, Entity as Orders};
use crate::entities::order_events::{self, Entity as OrderEvents};
use crate::paging::{NewestFirst, newest_first};

/// A row of `order_events` as stored.
#[derive(Clone, Debug, PartialEq)]
pub struct OrderEvent {
    pub id: uuid::Uuid,
    pub order_id: OrderId,
    pub status: sitecard_domain::order_state::OrderStatus,
    pub at: chrono::DateTime<chrono::Utc>,
}

impl From<crate::entities::order_events::Model> for OrderEvent {
    fn from(m: crate::entities::order_events::Model) -> Self {
        Self { id: m.id, order_id: m.order_id.into(), status: m.status, at: m.at }
    }
}

/// A card order as stored: the holder data the company entered, where it is, and what happened to it.
#[derive(Clone, Debug, PartialEq)]
pub struct Order {
    pub id: OrderId,
    pub company_id: CompanyId,
    pub status: sitecard_domain::order_state::OrderStatus,
    pub version: i32,
    pub given_names: String,
    pub surname: String,
    pub date_of_birth: chrono::NaiveDate,
    pub nationality: Option<String>,
    pub email: String,
    pub phone: Option<String>,
    pub delivery_recipient: String,
    pub delivery_address_line1: String,
    pub delivery_address_line2: Option<String>,
    pub delivery_postal_code: String,
    pub delivery_city: String,
    pub delivery_country: String,
    pub account_id: Option<AccountId>,
    /// The fields that differed from the verified document when the worker accepted (empty when none).
    pub mismatch_fields: Vec<String>,
    pub reason: Option<String>,
    pub tracking_number: Option<String>,
    pub created_by: AccountId,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub updated_at: chrono::DateTime<chrono::Utc>,
    pub photo_key: Option<String>,
    pub photo_sha256: Option<String>,
}

impl From<crate::entities::card_orders::Model> for Order {
    fn from(m: crate::entities::card_orders::Model) -> Self {
        Self {
            id: m.id.into(),
            company_id: m.company_id.into(),
            status: m.status,
            version: m.version,
            given_names: m.given_names,
            surname: m.surname,
            date_of_birth: m.date_of_birth,
            nationality: m.nationality,
            email: m.email,
            phone: m.phone,
            delivery_recipient: m.delivery_recipient,
            delivery_address_line1: m.delivery_address_line1,
            delivery_address_line2: m.delivery_address_line2,
            delivery_postal_code: m.delivery_postal_code,
            delivery_city: m.delivery_city,
            delivery_country: m.delivery_country,
            account_id: m.account_id.map(Into::into),
            mismatch_fields: m
                .mismatch_fields
                .map(|f| f.split(',').filter(|s| !s.is_empty()).map(str::to_owned).collect())
                .unwrap_or_default(),
            reason: m.reason,
            tracking_number: m.tracking_number,
            created_by: m.created_by.into(),
            created_at: m.created_at,
            updated_at: m.updated_at,
            photo_key: m.photo_key,
            photo_sha256: m.photo_sha256,
        }
    }
}

/// A delivery address as the order stores it.
#[derive(Debug, Clone)]
pub struct DeliveryAddress {
    pub recipient: String,
    pub line1: String,
    pub line2: Option<String>,
    pub postal_code: String,
    pub city: String,
    pub country: String,
}

/// What a change writes to an order besides its status and version; fields left `None` stay as they are.
#[derive(Debug, Default)]
pub struct OrderUpdate {
    pub given_names: Option<String>,
    pub surname: Option<String>,
    pub date_of_birth: Option<NaiveDate>,
    /// `Some(None)` removes it.
    pub nationality: Option<Option<String>>,
    pub delivery: Option<DeliveryAddress>,
    /// The worker's account, once they act on the order.
    pub account_id: Option<AccountId>,
    /// The order's fields that differ from the verified document; `Some(vec![])` clears them.
    pub mismatch_fields: Option<Vec<String>>,
    /// `Some(None)` clears it.
    pub reason: Option<Option<String>>,
    pub tracking_number: Option<Option<String>>,
    /// The stored portrait: object key and SHA-256.
    pub photo: Option<(String, String)>,
}

impl OrderUpdate {
    /// A correction of what the search finds an order by re-indexes it.
    fn changes_search_terms(&self) -> bool {
        self.given_names.is_some() || self.surname.is_some()
    }

    fn into_changes(self) -> card_orders::ActiveModel {
        let mut m = <card_orders::ActiveModel as Default>::default();
        if let Some(v) = self.given_names {
            m.given_names = Set(v);
        }
        if let Some(v) = self.surname {
            m.surname = Set(v);
        }
        if let Some(v) = self.date_of_birth {
            m.date_of_birth = Set(v);
        }
        if let Some(v) = self.nationality {
            m.nationality = Set(v);
        }
        if let Some(d) = self.delivery {
            m.delivery_recipient = Set(d.recipient);
            m.delivery_address_line1 = Set(d.line1);
            m.delivery_address_line2 = Set(d.line2);
            m.delivery_postal_code = Set(d.postal_code);
            m.delivery_city = Set(d.city);
            m.delivery_country = Set(d.country);
        }
        if let Some(v) = self.account_id {
            m.account_id = Set(Some(v.into()));
        }
        if let Some(fields) = self.mismatch_fields {
            m.mismatch_fields = Set((!fields.is_empty()).then(|| fields.join(",")));
        }
        if let Some(v) = self.reason {
            m.reason = Set(v);
        }
        if let Some(v) = self.tracking_number {
            m.tracking_number = Set(v);
        }
        if let Some((key, sha256)) = self.photo {
            m.photo_key = Set(Some(key));
            m.photo_sha256 = Set(Some(sha256));
        }
        m
    }
}

pub struct NewOrder {
    pub company_id: CompanyId,
    pub status: OrderStatus,
    pub given_names: String,
    pub surname: String,
    pub date_of_birth: NaiveDate,
    pub nationality: Option<String>,
    pub email: String,
    pub phone: Option<String>,
    pub delivery_recipient: String,
    pub delivery_address_line1: String,
    pub delivery_address_line2: Option<String>,
    pub delivery_postal_code: String,
    pub delivery_city: String,
    pub delivery_country: String,
    pub account_id: Option<AccountId>,
    pub created_by: AccountId,
}

pub async fn insert<C: ConnectionTrait>(conn: &C, n: NewOrder) -> Result<Order, DbError> {
    let now = Utc::now();
    let order = card_orders::ActiveModel {
        id: Set(Uuid::now_v7()),
        company_id: Set(n.company_id.into()),
        status: Set(n.status),
        version: Set(1),
        given_names: Set(n.given_names),
        surname: Set(n.surname),
        date_of_birth: Set(n.date_of_birth),
        nationality: Set(n.nationality),
        email: Set(n.email),
        phone: Set(n.phone),
        delivery_recipient: Set(n.delivery_recipient),
        delivery_address_line1: Set(n.delivery_address_line1),
        delivery_address_line2: Set(n.delivery_address_line2),
        delivery_postal_code: Set(n.delivery_postal_code),
        delivery_city: Set(n.delivery_city),
        delivery_country: Set(n.delivery_country),
        account_id: Set(n.account_id.map(Into::into)),
        mismatch_fields: Set(None),
        reason: Set(None),
        tracking_number: Set(None),
        created_by: Set(n.created_by.into()),
        created_at: Set(now),
        updated_at: Set(now),
        photo_key: Set(None),
        photo_sha256: Set(None),
    }
    .insert(conn)
    .await?;
    record_event(conn, order.id.into(), order.status).await?;
    crate::search::index_order(conn, order.id).await?;
    Ok(order.into())
}

pub async fn record_event<C: ConnectionTrait>(conn: &C, order_id: OrderId, status: OrderStatus) -> Result<(), DbError> {
    order_events::ActiveModel { id: Set(Uuid::now_v7()), order_id: Set(order_id.into()), status: Set(status), at: Set(Utc::now()) }
        .insert(conn)
        .await?;
    Ok(())
}

pub async fn history<C: ConnectionTrait>(conn: &C, order_id: OrderId) -> Result<Vec<OrderEvent>, DbError> {
    Ok(OrderEvents::find()
        .filter(order_events::Column::OrderId.eq(order_id))
        .order_by_asc(order_events::Column::Id)
        .all(conn)
        .await?
        .into_iter()
        .map(Into::into)
        .collect())
}

pub async fn find<C: ConnectionTrait>(conn: &C, id: OrderId) -> Result<Option<Order>, DbError> {
    Ok(Orders::find_by_id(id).one(conn).await?.map(Into::into))
}

/// Orders belong to a worker by account, or by email before the account links.
fn held_by(account_id: AccountId, email: &str) -> Condition {
    Condition::any().add(card_orders::Column::AccountId.eq(account_id)).add(card_orders::Column::Email.eq(email))
}

/// One of the worker's orders ([`held_by`]).
pub async fn find_for_holder<C: ConnectionTrait>(
    conn: &C,
    id: OrderId,
    account_id: AccountId,
    email: &str,
) -> Result<Option<Order>, DbError> {
    Ok(Orders::find_by_id(id).filter(held_by(account_id, email)).one(conn).await?.map(Into::into))
}

/// Like [`find_for_holder`], with the ordering company, in one query.
pub async fn find_for_holder_with_company<C: ConnectionTrait>(
    conn: &C,
    id: OrderId,
    account_id: AccountId,
    email: &str,
) -> Result<Option<(Order, crate::companies::Company)>, DbError> {
    let row =
        Orders::find_by_id(id).filter(held_by(account_id, email)).find_also_related(crate::entities::companies::Entity).one(conn).await?;
    Ok(row.and_then(|(o, c)| c.map(|c| (o.into(), c.into()))))
}

/// One of the worker's orders with its company and its status history (oldest first), in one statement: the
/// order and company columns repeat on each history row, which for an order's handful of events costs less
/// than a second round trip.
pub async fn find_for_holder_with_history<C: ConnectionTrait>(
    conn: &C,
    id: OrderId,
    account_id: AccountId,
    email: &str,
) -> Result<Option<(Order, crate::companies::Company, Vec<OrderEvent>)>, DbError> {
    let rows = Orders::find_by_id(id)
        .filter(held_by(account_id, email))
        .find_also_related(crate::entities::companies::Entity)
        .find_also_related(OrderEvents)
        .order_by_asc(order_events::Column::Id)
        .all(conn)
        .await?;
    let mut rows = rows.into_iter();
    let Some((order, Some(company), first)) = rows.next() else {
        return Ok(None);
    };
    let history = first.into_iter().chain(rows.filter_map(|(_, _, event)| event)).map(Into::into).collect();
    Ok(Some((order.into(), company.into(), history)))
}

/// The worker's orders ([`held_by`]) as listed: newest first, at most 200.
fn listed_for_holder(account_id: AccountId, email: &str) -> Select<Orders> {
    Orders::find().filter(held_by(account_id, email)).order_by_desc(card_orders::Column::Id).limit(200)
}

pub async fn list_for_holder<C: ConnectionTrait>(conn: &C, account_id: AccountId, email: &str) -> Result<Vec<Order>, DbError> {
    Ok(listed_for_holder(account_id, email).all(conn).await?.into_iter().map(Into::into).collect())
}

/// The worker's orders as [`list_for_holder`] lists them, each with its company and its status history (oldest
/// first), in two statements however many orders there are: the orders joined with their companies, then the
/// history of all of them.
pub async fn list_for_holder_with_history<C: ConnectionTrait>(
    conn: &C,
    account_id: AccountId,
    email: &str,
) -> Result<Vec<(Order, crate::companies::Company, Vec<OrderEvent>)>, DbError> {
    let rows = listed_for_holder(account_id, email).find_also_related(crate::entities::companies::Entity).all(conn).await?;
    let ids: Vec<Uuid> = rows.iter().map(|(o, _)| o.id).collect();
    if ids.is_empty() {
        return Ok(vec![]);
    }
    let mut events: HashMap<Uuid, Vec<OrderEvent>> = HashMap::with_capacity(ids.len());
    for e in OrderEvents::find().filter(order_events::Column::OrderId.is_in(ids)).order_by_asc(order_events::Column::Id).all(conn).await? {
        events.entry(e.order_id).or_default().push(e.into());
    }
    // A missing company cannot happen (foreign key); such an order is left out, as the single read answers 404.
    Ok(rows
        .into_iter()
        .filter_map(|(o, c)| {
            let history = events.remove(&o.id).unwrap_or_default();
            c.map(|c| (o.into(), c.into(), history))
        })
        .collect())
}

/// Links unlinked orders for this email to the account (at order time or when the account appears).
pub async fn link_to_account<C: ConnectionTrait>(conn: &C, email: &str, account_id: AccountId) -> Result<u64, DbError> {
    let res = Orders::update_many()
        .col_expr(card_orders::Column::AccountId, Some(account_id).into())
        .filter(card_orders::Column::Email.eq(email))
        .filter(card_orders::Column::AccountId.is_null())
        .exec(conn)
        .await?;
    Ok(res.rows_affected)
}

/// One page, newest first. Ids are UUIDv7, so id order is creation order and the cursor is the last id.
pub async fn page_for_company<C: ConnectionTrait>(
    conn: &C,
    company_id: CompanyId,
    status: Option<&str>,
    search: Option<&[Vec<String>]>,
    after: Option<Uuid>,
    limit: u64,
) -> Result<Vec<Order>, DbError> {
    let mut q = Orders::find().filter(card_orders::Column::CompanyId.eq(company_id));
    if let Some(words) = search {
        q = crate::search::filter_orders(q, company_id.into(), words);
    }
    let page = NewestFirst { id: card_orders::Column::Id, status: status.map(|s| (card_orders::Column::Status, s)), after, limit };
    Ok(newest_first(q, page).all(conn).await?.into_iter().map(Into::into).collect())
}

/// Orders in one status across companies, oldest first (the partner's queues).
pub async fn page_by_status<C: ConnectionTrait>(conn: &C, status: &str, after: Option<Uuid>, limit: u64) -> Result<Vec<Order>, DbError> {
    let mut q = Orders::find().filter(card_orders::Column::Status.eq(status));
    if let Some(a) = after {
        q = q.filter(card_orders::Column::Id.gt(a));
    }
    Ok(q.order_by_asc(card_orders::Column::Id).limit(limit).all(conn).await?.into_iter().map(Into::into).collect())
}

/// Optimistic concurrency: applies `changes` and moves to `status` only if the order is still at
/// `expected_version`; the version goes up by one. False when someone else changed it first.
pub async fn transition<C: ConnectionTrait>(
    conn: &C,
    id: OrderId,
    expected_version: i32,
    status: OrderStatus,
    update: OrderUpdate,
) -> Result<bool, DbError> {
    let updated = update_versioned_with(conn, id, expected_version, Some(status), update).await?;
    if updated {
        record_event(conn, id, status).await?;
    }
    Ok(updated)
}

/// Changes an order without changing its status (the version moves, the status history does not), or
/// false when its version is no longer `expected_version`.
pub async fn update_versioned<C: ConnectionTrait>(
    conn: &C,
    id: OrderId,
    expected_version: i32,
    update: OrderUpdate,
) -> Result<bool, DbError> {
    update_versioned_with(conn, id, expected_version, None, update).await
}

async fn update_versioned_with<C: ConnectionTrait>(
    conn: &C,
    id: OrderId,
    expected_version: i32,
    status: Option<OrderStatus>,
    update: OrderUpdate,
) -> Result<bool, DbError> {
    // A correction of what the search finds an order by re-indexes it in the same transaction.
    let reindex = update.changes_search_terms();
    let mut changes = update.into_changes();
    if let Some(status) = status {
        changes.status = Set(status);
    }
    changes.updated_at = Set(Utc::now());
    let mut update = Orders::update_many().set(changes);
    update = update.col_expr(card_orders::Column::Version, sea_orm::sea_query::Expr::col(card_orders::Column::Version).add(1));
    let res = update.filter(card_orders::Column::Id.eq(id)).filter(card_orders::Column::Version.eq(expected_version)).exec(conn).await?;
    if res.rows_affected == 1 && reindex {
        crate::search::index_order(conn, id.into()).await?;
    }
    Ok(res.rows_affected == 1)
}

#[cfg(test)]
mod tests {
    use sea_orm::ActiveEnum;
    use sitecard_domain::card_state::CardStatus;
    use sitecard_domain::order_state::OrderStatus;

    /// Statuses are stored as the API's snake_case names, as they were when the column was a string: no data
    /// migration, and SQL written by hand (benchmarks, operators) still reads them.
    #[test]
    fn statuses_are_stored_as_their_api_names() {
        for status in OrderStatus::ALL {
            assert_eq!(status.to_value(), status.as_str());
            assert_eq!(OrderStatus::try_from_value(&status.as_str().to_owned()).ok(), Some(status));
        }
        for status in CardStatus::ALL {
            assert_eq!(status.to_value(), status.as_str());
        }
    }
}
