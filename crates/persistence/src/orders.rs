//! Card orders, their status history, and keyset-paginated lists.

use sitecard_domain::ids::{AccountId, CompanyId, OrderId};

use chrono::{NaiveDate, Utc};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, DbBackend, EntityTrait, FromQueryResult, QueryFilter,
    QueryOrder, QueryResult, QuerySelect, QueryTrait, Select,
};
use sitecard_domain::order_state::OrderStatus;
use uuid::Uuid;

use crate::DbError;
use crate::entities::card_orders::{self, Entity as Orders};
use crate::entities::order_events::{self, Entity as OrderEvents};
use crate::paging::{NewestFirst, newest_first};

/// A status change in an order's history, as the history shows it.
#[derive(Clone, Debug, PartialEq, serde::Deserialize)]
pub struct OrderEvent {
    pub status: sitecard_domain::order_state::OrderStatus,
    #[serde(deserialize_with = "stored_timestamp")]
    pub at: chrono::DateTime<chrono::Utc>,
}

impl From<crate::entities::order_events::Model> for OrderEvent {
    fn from(m: crate::entities::order_events::Model) -> Self {
        Self { status: m.status, at: m.at }
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

/// One of the worker's orders with its company and its status history (oldest first), in one statement and one
/// row: the history comes as a JSON array in a column of its own. A row per history entry would repeat the order
/// and company columns on each, and every row is another hand-off from SQLite's thread and another ~35 columns to
/// decode (measured: the worker's read with three history rows ran at 80% of its rate with one).
pub async fn find_for_holder_with_history<C: ConnectionTrait>(
    conn: &C,
    id: OrderId,
    account_id: AccountId,
    email: &str,
) -> Result<Option<(Order, crate::companies::Company, Vec<OrderEvent>)>, DbError> {
    let backend = conn.get_database_backend();
    let select = with_history(Orders::find_by_id(id).filter(held_by(account_id, email)), backend);
    match conn.query_one_raw(select.build(backend)).await? {
        Some(row) => Ok(order_company_history(&row)?),
        None => Ok(None),
    }
}

/// The worker's orders ([`held_by`]) as listed: newest first, at most 200.
fn listed_for_holder(account_id: AccountId, email: &str) -> Select<Orders> {
    Orders::find().filter(held_by(account_id, email)).order_by_desc(card_orders::Column::Id).limit(200)
}

pub async fn list_for_holder<C: ConnectionTrait>(conn: &C, account_id: AccountId, email: &str) -> Result<Vec<Order>, DbError> {
    Ok(listed_for_holder(account_id, email).all(conn).await?.into_iter().map(Into::into).collect())
}

/// The worker's orders as [`list_for_holder`] lists them, each with its company and its status history (oldest
/// first), in one statement: a row per order, its history in a JSON column as [`find_for_holder_with_history`]
/// reads it.
pub async fn list_for_holder_with_history<C: ConnectionTrait>(
    conn: &C,
    account_id: AccountId,
    email: &str,
) -> Result<Vec<(Order, crate::companies::Company, Vec<OrderEvent>)>, DbError> {
    let backend = conn.get_database_backend();
    let select = with_history(listed_for_holder(account_id, email), backend);
    let rows = conn.query_all_raw(select.build(backend)).await?;
    // A missing company cannot happen (foreign key); such an order is left out, as the single read answers 404.
    rows.iter().filter_map(|row| order_company_history(row).transpose()).collect()
}

/// The order's columns (prefixed `A_`), its company's (`B_`), and `history`: its status changes oldest first as a
/// JSON array of `{"status", "at"}` objects, built by the database in the same statement.
fn with_history(orders: Select<Orders>, backend: DbBackend) -> sea_orm::SelectTwo<Orders, crate::entities::companies::Entity> {
    let history = match backend {
        DbBackend::Postgres => {
            r#"(SELECT COALESCE(json_agg(json_build_object('status', e."status", 'at', e."at") ORDER BY e."id"), '[]')::text FROM "order_events" AS e WHERE e."order_id" = "card_orders"."id")"#
        }
        // SQLite ≥ 3.44 orders an aggregate's input by its own ORDER BY; an empty history aggregates to `[]`.
        _ => {
            r#"(SELECT json_group_array(json_object('status', e."status", 'at', e."at") ORDER BY e."id") FROM "order_events" AS e WHERE e."order_id" = "card_orders"."id")"#
        }
    };
    orders.find_also_related(crate::entities::companies::Entity).expr_as(Expr::cust(history), HISTORY)
}

const HISTORY: &str = "history";

fn order_company_history(row: &QueryResult) -> Result<Option<(Order, crate::companies::Company, Vec<OrderEvent>)>, DbError> {
    let order = card_orders::Model::from_query_result(row, "A_")?;
    let Some(company) = crate::entities::companies::Model::from_query_result_optional(row, "B_")? else {
        return Ok(None);
    };
    let history: String = row.try_get("", HISTORY)?;
    let history = serde_json::from_str(&history).map_err(|e| DbError::Other(format!("order {}: history: {e}", order.id)))?;
    Ok(Some((order.into(), company.into(), history)))
}

/// A timestamp as a JSON aggregate writes it: PostgreSQL's `2026-11-28T13:05:00.123456+00:00`, or on SQLite the
/// text sqlx stored (RFC 3339, with a space or a `T`; without an offset it is UTC, as sqlx reads it).
fn stored_timestamp<'de, D: serde::Deserializer<'de>>(d: D) -> Result<chrono::DateTime<Utc>, D::Error> {
    let text = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(d)?;
    text.parse::<chrono::DateTime<Utc>>()
        .or_else(|_| chrono::NaiveDateTime::parse_from_str(&text, "%Y-%m-%d %H:%M:%S%.f").map(|t| t.and_utc()))
        .or_else(|_| chrono::NaiveDateTime::parse_from_str(&text, "%Y-%m-%dT%H:%M:%S%.f").map(|t| t.and_utc()))
        .map_err(|e| serde::de::Error::custom(format!("timestamp {text:?}: {e}")))
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

    use super::OrderEvent;

    /// The history column as either database aggregates it: PostgreSQL writes `T` and microseconds, SQLite the
    /// text stored (sqlx writes RFC 3339; rows written by hand may have a space and no offset, which sqlx reads as
    /// UTC). An order without events aggregates to an empty array.
    #[test]
    fn history_column_decodes_as_either_database_writes_it() {
        let cases = [
            (r#"[]"#, vec![]),
            (
                r#"[{"status":"awaiting_photo","at":"2026-11-28T13:05:00.123456+00:00"}]"#,
                vec![("awaiting_photo", "2026-11-28T13:05:00.123456Z")],
            ),
            (r#"[{"status":"confirmed","at":"2026-11-28 13:05:00+00:00"}]"#, vec![("confirmed", "2026-11-28T13:05:00Z")]),
            (r#"[{"status":"shipped","at":"2026-11-28T15:05:00+02:00"}]"#, vec![("shipped", "2026-11-28T13:05:00Z")]),
            (r#"[{"status":"delivered","at":"2026-11-28 13:05:00.5"}]"#, vec![("delivered", "2026-11-28T13:05:00.500Z")]),
            (r#"[{"status":"delivered","at":"2026-11-28T13:05:00"}]"#, vec![("delivered", "2026-11-28T13:05:00Z")]),
            (
                r#"[{"status":"awaiting_photo","at":"2026-11-28T13:05:00Z"},{"status":"rejected","at":"2026-11-29T08:00:00Z"}]"#,
                vec![("awaiting_photo", "2026-11-28T13:05:00Z"), ("rejected", "2026-11-29T08:00:00Z")],
            ),
        ];
        for (json, expected) in cases {
            let got: Vec<OrderEvent> = serde_json::from_str(json).unwrap_or_else(|e| panic!("{json}: {e}"));
            let got: Vec<(&str, String)> =
                got.iter().map(|e| (e.status.as_str(), e.at.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true))).collect();
            let expected: Vec<(&str, String)> = expected.into_iter().map(|(s, t)| (s, t.to_owned())).collect();
            assert_eq!(got, expected, "{json}");
        }
        for bad in [r#"[{"status":"confirmed","at":"yesterday"}]"#, r#"[{"status":"lost","at":"2026-11-28T13:05:00Z"}]"#, "null"] {
            assert!(serde_json::from_str::<Vec<OrderEvent>>(bad).is_err(), "{bad} must not decode");
        }
    }

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
