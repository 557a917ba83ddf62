//! What card-order routes share: views of an order for each audience, who may see it, the notifications
//! and partner webhooks that go with transitions.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use sitecard_domain::Language;
use sitecard_domain::contact::ContactDetails;
use sitecard_domain::identity_match::{IdentityMatch, PersonalData, match_identity};
use sitecard_domain::ids::{CompanyId, OrderId};
use sitecard_domain::order_state::{InvalidTransition, OrderStatus};
use sitecard_domain::webhook_event::WebhookEventType;
use sitecard_notify::Message;
use sitecard_persistence::accounts::Account;
use sitecard_persistence::orders::{self, Order};
use sitecard_persistence::persons::Person;
use sitecard_persistence::{Conn, accounts, companies};
use uuid::Uuid;

use crate::companies::CompanyRef;
use crate::error::AppError;
use crate::paging::Page;

#[derive(Serialize, Clone)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Holder {
    #[cfg_attr(feature = "openapi", schema(example = "Anna Maria"))]
    pub given_names: String,
    #[cfg_attr(feature = "openapi", schema(example = "Kowalska"))]
    pub surname: String,
    #[cfg_attr(feature = "openapi", schema(example = "1990-04-12"))]
    pub date_of_birth: NaiveDate,
    /// ISO 3166-1 alpha-3, when the company gave one.
    #[cfg_attr(feature = "openapi", schema(pattern = "^[A-Z]{3}$", example = "POL"))]
    pub nationality: Option<String>,
}

#[derive(Serialize, Clone)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Delivery {
    #[cfg_attr(feature = "openapi", schema(example = "Anna Kowalska c/o Demo Bygg AB"))]
    pub recipient: String,
    #[cfg_attr(feature = "openapi", schema(example = "Storgatan 12"))]
    pub address_line1: String,
    #[cfg_attr(feature = "openapi", schema(example = "Plan 3"))]
    pub address_line2: Option<String>,
    #[cfg_attr(feature = "openapi", schema(example = "114 55"))]
    pub postal_code: String,
    #[cfg_attr(feature = "openapi", schema(example = "Stockholm"))]
    pub city: String,
    /// ISO 3166-1 alpha-2.
    #[cfg_attr(feature = "openapi", schema(pattern = "^[A-Z]{2}$", example = "SE"))]
    pub country: String,
}

#[derive(Serialize, Clone)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HistoryEntry {
    #[cfg_attr(feature = "openapi", schema(value_type = crate::schema_enums::OrderStatusValue))]
    pub status: OrderStatus,
    #[cfg_attr(feature = "openapi", schema(example = "2026-11-28T13:05:00Z"))]
    pub at: DateTime<Utc>,
}

/// An order as the worker sees it.
#[derive(Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HolderOrder {
    #[cfg_attr(feature = "openapi", schema(example = "01a22242-4c60-719a-a092-42ce5320dff0"))]
    pub id: Uuid,
    #[cfg_attr(feature = "openapi", schema(value_type = crate::schema_enums::OrderStatusValue))]
    pub status: OrderStatus,
    /// Send it back with accept; a changed order answers 409 `stale_version`.
    #[cfg_attr(feature = "openapi", schema(example = 3))]
    pub version: i32,
    pub company: CompanyRef,
    pub holder: Holder,
    pub delivery: Delivery,
    /// Contact fields the worker must fill in before accepting (`phone`, `address_line1`, `postal_code`,
    /// `city`, `country`).
    pub missing_contact_fields: Vec<String>,
    /// The portrait, when the order has one.
    #[cfg_attr(feature = "openapi", schema(example = "/api/v1/card-orders/01a22242-4c60-719a-a092-42ce5320dff0/photo"))]
    pub photo_url: Option<String>,
    /// Fields that did not match the verified document (after a failed accept).
    pub mismatch_fields: Vec<String>,
    /// The order's personal data against the worker's verified document, known before Accept: an order that
    /// does not match is not produced, so the worker can ask the company to correct it instead of accepting.
    pub identity_check: IdentityCheck,
    /// The worker's reason for rejecting, or the partner's for a failure.
    #[cfg_attr(feature = "openapi", schema(example = "I no longer work for this company"))]
    pub reason: Option<String>,
    #[cfg_attr(feature = "openapi", schema(example = "2026-11-28T13:05:00Z"))]
    pub created_at: DateTime<Utc>,
    pub history: Vec<HistoryEntry>,
}

#[derive(Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct IdentityCheck {
    /// Whether Accept will find the order matching the verified document (false when there is no verified
    /// document yet).
    #[cfg_attr(feature = "openapi", schema(example = true))]
    pub matches: bool,
    /// The fields that differ: `given_names`, `surname`, `date_of_birth`, `nationality`.
    pub fields: Vec<String>,
}

/// The order's holder data against the verified document, as the worker sees it before Accept.
pub fn identity_check(o: &Order, person: Option<&Person>) -> IdentityCheck {
    match person.map(|p| order_against_document(o, p)) {
        None => IdentityCheck { matches: false, fields: vec![] },
        Some(IdentityMatch::Match) => IdentityCheck { matches: true, fields: vec![] },
        Some(IdentityMatch::Mismatch(fields)) => {
            IdentityCheck { matches: false, fields: fields.iter().map(|f| f.as_str().to_owned()).collect() }
        }
    }
}

/// The rule Accept applies: the order's personal data against the verified identity document.
pub fn order_against_document(o: &Order, person: &Person) -> IdentityMatch {
    let on_order = PersonalData {
        given_names: &o.given_names,
        surname: &o.surname,
        date_of_birth: o.date_of_birth,
        nationality: o.nationality.as_deref(),
    };
    let on_document = PersonalData {
        given_names: &person.given_names,
        surname: &person.surname,
        date_of_birth: person.date_of_birth,
        nationality: Some(&person.nationality),
    };
    match_identity(&on_order, &on_document)
}

/// An order as the company admin and the production partner see it.
#[derive(Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CompanyOrder {
    #[cfg_attr(feature = "openapi", schema(example = "01a22242-4c60-719a-a092-42ce5320dff0"))]
    pub id: Uuid,
    #[cfg_attr(feature = "openapi", schema(value_type = crate::schema_enums::OrderStatusValue))]
    pub status: OrderStatus,
    #[cfg_attr(feature = "openapi", schema(example = 3))]
    pub version: i32,
    pub company: CompanyRef,
    pub holder: Holder,
    #[cfg_attr(feature = "openapi", schema(example = "anna.kowalska@example.com"))]
    pub email: String,
    /// The worker's mobile number in E.164, when the company gave one.
    #[cfg_attr(feature = "openapi", schema(pattern = "^\\+[1-9][0-9]{6,14}$", example = "+46701234567"))]
    pub phone: Option<String>,
    pub delivery: Delivery,
    pub mismatch_fields: Vec<String>,
    #[cfg_attr(feature = "openapi", schema(example = "Face partly covered by a helmet"))]
    pub reason: Option<String>,
    #[cfg_attr(feature = "openapi", schema(example = "RR123456785SE"))]
    pub tracking_number: Option<String>,
    /// The card produced for this order.
    #[cfg_attr(feature = "openapi", schema(pattern = "^[A-Z]{2}[0-9]{10}$", example = "AB1234567890"))]
    pub card_number: Option<String>,
    #[cfg_attr(feature = "openapi", schema(example = "/api/v1/card-orders/01a22242-4c60-719a-a092-42ce5320dff0/photo"))]
    pub photo_url: Option<String>,
    #[cfg_attr(feature = "openapi", schema(example = "2026-11-28T13:05:00Z"))]
    pub created_at: DateTime<Utc>,
    #[cfg_attr(feature = "openapi", schema(example = "2026-12-01T09:30:00Z"))]
    pub updated_at: DateTime<Utc>,
    /// Status changes, oldest first: on single reads only (lists omit it; read the order for its history).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(nullable = false))]
    pub history: Option<Vec<HistoryEntry>>,
}

#[derive(Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OrderPage {
    pub items: Vec<CompanyOrder>,
    /// Pass as `cursor` for the next page; absent on the last page.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(nullable = false))]
    #[cfg_attr(feature = "openapi", schema(example = "01a21c3b-a280-78ad-b204-aac1c15930b6"))]
    pub next_cursor: Option<String>,
}

pub fn holder(o: &Order) -> Holder {
    Holder {
        given_names: o.given_names.clone(),
        surname: o.surname.clone(),
        date_of_birth: o.date_of_birth,
        nationality: o.nationality.clone(),
    }
}

pub fn delivery(o: &Order) -> Delivery {
    Delivery {
        recipient: o.delivery_recipient.clone(),
        address_line1: o.delivery_address_line1.clone(),
        address_line2: o.delivery_address_line2.clone(),
        postal_code: o.delivery_postal_code.clone(),
        city: o.delivery_city.clone(),
        country: o.delivery_country.clone(),
    }
}

/// The contact fields a worker must have before accepting.
pub fn missing_contact_fields(a: &Account) -> Vec<String> {
    let details = ContactDetails {
        phone: a.phone.as_deref(),
        address_line1: a.address_line1.as_deref(),
        postal_code: a.postal_code.as_deref(),
        city: a.city.as_deref(),
        country: a.country.as_deref(),
    };
    details.missing().into_iter().map(str::to_owned).collect()
}

impl From<orders::OrderEvent> for HistoryEntry {
    fn from(e: orders::OrderEvent) -> Self {
        HistoryEntry { status: e.status, at: e.at }
    }
}

async fn history<C: Conn>(conn: &C, id: Uuid) -> Result<Vec<HistoryEntry>, AppError> {
    Ok(orders::history(conn, id.into()).await?.into_iter().map(HistoryEntry::from).collect())
}

pub async fn company_ref<C: Conn>(conn: &C, id: CompanyId) -> Result<CompanyRef, AppError> {
    let c = companies::find(conn, id).await?.ok_or_else(|| AppError::internal("order without company"))?;
    Ok(c.into())
}

pub async fn holder_view<C: Conn>(conn: &C, o: Order, company: CompanyRef, account: &Account) -> Result<HolderOrder, AppError> {
    let history = orders::history(conn, o.id).await?;
    let person = verified_person(conn, account).await?;
    Ok(to_holder_order(o, company, account, person.as_ref(), history))
}

/// The account's verified identity document, if any.
pub async fn verified_person<C: Conn>(conn: &C, account: &Account) -> Result<Option<Person>, AppError> {
    Ok(match account.person_id {
        Some(id) => sitecard_persistence::persons::find(conn, id).await?,
        None => None,
    })
}

/// The worker's view of an order whose status history (oldest first) the caller has read with it.
pub fn to_holder_order(
    o: Order,
    company: CompanyRef,
    account: &Account,
    person: Option<&Person>,
    history: Vec<orders::OrderEvent>,
) -> HolderOrder {
    HolderOrder {
        identity_check: identity_check(&o, person),
        id: o.id.into(),
        status: o.status,
        version: o.version,
        company,
        holder: holder(&o),
        delivery: delivery(&o),
        missing_contact_fields: missing_contact_fields(account),
        photo_url: photo_url(&o),
        mismatch_fields: o.mismatch_fields.clone(),
        reason: o.reason.clone(),
        created_at: o.created_at,
        history: history.into_iter().map(HistoryEntry::from).collect(),
    }
}

pub async fn company_view<C: Conn>(conn: &C, o: Order, with_history: bool) -> Result<CompanyOrder, AppError> {
    let card_number = sitecard_persistence::cards::find_by_order(conn, o.id).await?.map(|c| c.card_number);
    let company = company_ref(conn, o.company_id).await?;
    let history = if with_history { Some(history(conn, o.id.into()).await?) } else { None };
    Ok(to_company_order(o, company, card_number, history))
}

fn to_company_order(o: Order, company: CompanyRef, card_number: Option<String>, history: Option<Vec<HistoryEntry>>) -> CompanyOrder {
    CompanyOrder {
        id: o.id.into(),
        status: o.status,
        version: o.version,
        company,
        holder: holder(&o),
        email: o.email.clone(),
        phone: o.phone.clone(),
        delivery: delivery(&o),
        mismatch_fields: o.mismatch_fields.clone(),
        reason: o.reason.clone(),
        tracking_number: o.tracking_number.clone(),
        card_number,
        photo_url: photo_url(&o),
        created_at: o.created_at,
        updated_at: o.updated_at,
        history,
    }
}

/// One page of a list fetched with `limit + 1` rows: companies and cards are loaded in one query each,
/// not one per order.
pub async fn order_page<C: Conn>(conn: &C, rows: Vec<Order>, limit: u64) -> Result<OrderPage, AppError> {
    let page = Page::of(rows, limit, |o| o.id.to_string());
    let ids: Vec<Uuid> = page.items.iter().map(|o| o.id.as_uuid()).collect();
    let cards: HashMap<OrderId, String> =
        sitecard_persistence::cards::for_orders(conn, &ids).await?.into_iter().map(|c| (c.order_id, c.card_number)).collect();
    let mut companies: HashMap<CompanyId, CompanyRef> = HashMap::new();
    let mut items = Vec::with_capacity(page.items.len());
    for o in page.items {
        let company = match companies.get(&o.company_id) {
            Some(c) => c.clone(),
            None => {
                let c = company_ref(conn, o.company_id).await?;
                companies.insert(o.company_id, c.clone());
                c
            }
        };
        let card = cards.get(&o.id).cloned();
        items.push(to_company_order(o, company, card, None));
    }
    Ok(OrderPage { items, next_cursor: page.next_cursor })
}

pub fn invalid_state(e: InvalidTransition) -> AppError {
    AppError::Conflict("invalid_state", e.to_string())
}

pub fn stale_version() -> AppError {
    AppError::Conflict("stale_version", "the order changed since you loaded it; reload and try again".into())
}

/// An order of this company, or 404 (another company's ids do not exist for you).
pub async fn company_order<C: Conn>(conn: &C, company_id: CompanyId, id: OrderId) -> Result<Order, AppError> {
    orders::find(conn, id).await?.filter(|o| company_id == o.company_id).ok_or(AppError::NotFound)
}

/// Emails every administrator of the company, each in their language.
pub async fn notify_admins<C: Conn>(conn: &C, company_id: CompanyId, message: &Message) -> Result<(), AppError> {
    for id in companies::admin_account_ids(conn, company_id).await? {
        if let Some(a) = accounts::find(conn, id.into()).await? {
            sitecard_notify::queue(conn, &a.email, message, Language::parse(&a.language).unwrap_or_default()).await?;
        }
    }
    Ok(())
}

/// Emails the worker of the order (their account's language, or English before they have one).
pub async fn notify_holder<C: Conn>(conn: &C, order: &Order, message: &Message) -> Result<(), AppError> {
    let lang = match order.account_id {
        Some(id) => accounts::find(conn, id).await?.and_then(|a| Language::parse(&a.language)).unwrap_or_default(),
        None => Language::En,
    };
    sitecard_notify::queue(conn, &order.email, message, lang).await?;
    Ok(())
}

/// Queues the `order.<status>` webhook (`confirmed` or `cancelled`) for the subscribed partners.
pub async fn enqueue_webhooks<C: Conn>(conn: &C, event: WebhookEventType, order_id: OrderId, status: &str) -> Result<(), AppError> {
    crate::webhooks::enqueue(conn, event, &crate::webhooks::OrderWebhookData { order_id: order_id.into(), status: status.to_owned() }).await
}

/// Where the portrait is served (to the people allowed to see it), when the order has one.
pub fn photo_url(o: &Order) -> Option<String> {
    o.photo_key.as_ref().map(|_| format!("/api/v1/card-orders/{}/photo", o.id))
}

pub fn worker_name(o: &Order) -> String {
    format!("{} {}", o.given_names, o.surname)
}
