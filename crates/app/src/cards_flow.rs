//! Card views and the card state changes shared by workers, admins and verifiers.

use chrono::{DateTime, NaiveDate, Utc};
use rand::RngCore;
use serde::Serialize;
use sitecard_domain::card_number::{CardNumber, draw_pin};
use sitecard_domain::card_state::{self, CardStatus, InvalidCardTransition};
use sitecard_domain::ids::{AccountId, CardId, CompanyId};
use sitecard_domain::webhook_event;
use sitecard_notify::Message;
use sitecard_persistence::audit::{Actor, AuditKind, Subject};
use sitecard_persistence::cards::{self, Card, CardUpdate};
use sitecard_persistence::{Conn, audit, companies};
use uuid::Uuid;

use crate::companies::CompanyRef;
use crate::error::AppError;
use crate::state::AppState;

#[derive(Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CardView {
    #[cfg_attr(feature = "openapi", schema(example = "01a23add-2060-7549-83a6-e95bd7d3a0ae"))]
    pub id: Uuid,
    /// Two capital letters and ten digits, as printed. The cardholder sees it only once the card has been
    /// activated: typing it from the physical card is what proves they hold it (`card_number_last4` until then).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(pattern = "^[A-Z]{2}[0-9]{10}$", example = "AB1234567890"))]
    pub card_number: Option<String>,
    /// The number's last four digits, always shown (`7890` for `AB1234567890`).
    #[cfg_attr(feature = "openapi", schema(pattern = "^[0-9]{4}$", example = "7890"))]
    pub card_number_last4: String,
    /// `expired` once `valid_until` has passed.
    #[cfg_attr(feature = "openapi", schema(value_type = crate::schema_enums::CardStatusValue))]
    pub status: CardStatus,
    pub company: CompanyRef,
    #[cfg_attr(feature = "openapi", schema(example = "2031-12-03"))]
    pub valid_until: NaiveDate,
    #[cfg_attr(feature = "openapi", schema(example = "2026-12-05T16:20:00Z"))]
    pub activated_at: Option<DateTime<Utc>>,
    #[cfg_attr(feature = "openapi", schema(example = "01a22242-4c60-719a-a092-42ce5320dff0"))]
    pub order_id: Uuid,
    /// The holder's name as on the order (for company lists).
    #[cfg_attr(feature = "openapi", schema(example = "Anna Maria Kowalska"))]
    pub holder_name: Option<String>,
    /// Why it was blocked or terminated.
    #[cfg_attr(feature = "openapi", schema(example = "reported lost"))]
    pub reason: Option<String>,
}

impl CardView {
    /// What the cardholder may see: the full number only after activation (API.md, "The cardholder").
    pub fn for_holder(mut self) -> Self {
        if self.activated_at.is_none() {
            self.card_number = None;
        }
        self
    }
}

#[derive(Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Activated {
    pub card: CardView,
    /// The 4-digit PIN; viewable again with `POST /me/cards/{id}/pin`.
    #[cfg_attr(feature = "openapi", schema(pattern = "^[0-9]{4}$", example = "4821"))]
    pub pin: String,
}

#[derive(Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CardPage {
    pub items: Vec<CardView>,
    /// Pass as `cursor` for the next page; absent on the last page.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(nullable = false))]
    #[cfg_attr(feature = "openapi", schema(example = "01a23add-2060-7549-83a6-e95bd7d3a0ae"))]
    pub next_cursor: Option<String>,
}

pub fn today() -> NaiveDate {
    sitecard_domain::clock::today()
}

pub fn status_of(card: &Card) -> Result<CardStatus, AppError> {
    let stored = card.status;
    Ok(card_state::effective_status(stored, card.valid_until, today()))
}

pub async fn view<C: Conn>(conn: &C, card: Card) -> Result<CardView, AppError> {
    let company = companies::find(conn, card.company_id).await?.ok_or_else(|| AppError::internal("card without company"))?;
    let holder_name = sitecard_persistence::orders::find(conn, card.order_id).await?.map(|o| format!("{} {}", o.given_names, o.surname));
    Ok(CardView {
        holder_name,
        id: card.id.into(),
        status: status_of(&card)?,
        card_number_last4: sitecard_domain::card_number::last_four(&card.card_number),
        card_number: Some(card.card_number),
        company: company.into(),
        valid_until: card.valid_until,
        activated_at: card.activated_at,
        order_id: card.order_id.into(),
        reason: card.reason,
    })
}

/// One of the caller's cards (404 for anyone else's).
pub async fn holder_card(state: &AppState, account_id: AccountId, id: CardId) -> Result<Card, AppError> {
    cards::find(&state.db, id).await?.filter(|c| c.account_id.is_some_and(|a| account_id == a)).ok_or(AppError::NotFound)
}

/// One of the company's cards (404 for another company's, as for none).
pub async fn company_card<C: Conn>(conn: &C, company_id: CompanyId, id: CardId) -> Result<Card, AppError> {
    cards::find(conn, id).await?.filter(|c| company_id == c.company_id).ok_or(AppError::NotFound)
}

pub fn invalid_state(e: InvalidCardTransition) -> AppError {
    AppError::Conflict("invalid_state", e.to_string())
}

pub fn masked(card: &Card) -> String {
    CardNumber::parse(&card.card_number).map(|c| c.masked()).unwrap_or_default()
}

/// Applies a transition computed from the card's effective status, or 409 if it changed meanwhile, and
/// queues the webhook the transition announces.
pub async fn apply<C: Conn>(conn: &C, card: &Card, to: CardStatus, changes: CardUpdate) -> Result<(), AppError> {
    let changes = CardUpdate { status: Some(to), ..changes };
    if !cards::update_if_status(conn, card.id, card.status, changes).await? {
        return Err(AppError::Conflict("invalid_state", "the card changed meanwhile; reload".into()));
    }
    sitecard_persistence::card_feed::append(
        conn,
        card.id.into(),
        &card.card_number,
        to.as_str(),
        card.valid_until,
        sitecard_domain::clock::now(),
    )
    .await?;
    if let Some(event) = webhook_event::card_event(status_of(card)?, to) {
        let data = crate::webhooks::CardWebhookData {
            card_id: card.id.into(),
            order_id: card.order_id.into(),
            card_number: card.card_number.clone(),
            status: to.as_str().to_owned(),
            valid_until: card.valid_until,
        };
        crate::webhooks::enqueue(conn, event, &data).await?;
    }
    Ok(())
}

/// Activation: the card becomes active with a new PIN; older cards of the same worker at the same company
/// are terminated. Returns the PIN.
pub async fn activate<C: Conn>(conn: &C, state: &AppState, card: &Card, actor: Uuid, how: &str) -> Result<String, AppError> {
    let to = card_state::activate(status_of(card)?).map_err(invalid_state)?;
    let pin = draw_pin(|| (rand::rng().next_u32() & 0xffff) as u16);
    let ch = CardUpdate { activated_at: Some(Utc::now()), pin_enc: Some(state.cipher.encrypt(&pin)?), ..Default::default() };
    apply(conn, card, to, ch).await?;
    for old in cards::replaced_by(conn, card).await? {
        // Every card the query returns is live, and every live card can be terminated; the rule says so.
        let Ok(to) = card_state::terminate(old.status) else { continue };
        let ch = CardUpdate { reason: Some(Some("replaced by a new card".into())), ..Default::default() };
        apply(conn, &old, to, ch).await?;
        audit::append(
            conn,
            audit::NewAuditEvent {
                kind: AuditKind::CardTerminated,
                actor: Actor::Account(actor),
                subject: Subject::Card(old.id.into()),
                data: serde_json::json!({ "reason": "replaced", "by": card.id }),
            },
        )
        .await?;
    }
    audit::append(
        conn,
        audit::NewAuditEvent {
            kind: AuditKind::CardActivated,
            actor: Actor::Account(actor),
            subject: Subject::Card(card.id.into()),
            data: serde_json::json!({ "how": how }),
        },
    )
    .await?;
    if let Some(account) = match card.account_id {
        Some(id) => sitecard_persistence::accounts::find(conn, id).await?,
        None => None,
    } {
        let lang = sitecard_domain::Language::parse(&account.language).unwrap_or_default();
        sitecard_notify::queue(conn, &account.email, &Message::CardActivated { card: masked(card) }, lang).await?;
    }
    Ok(pin)
}

/// Emails the card's holder, in their language (a card produced before its worker had an account has none).
pub async fn notify_holder<C: Conn>(conn: &C, card: &Card, message: &sitecard_notify::Message) -> Result<(), AppError> {
    let Some(id) = card.account_id else { return Ok(()) };
    if let Some(a) = sitecard_persistence::accounts::find(conn, id).await? {
        let lang = sitecard_domain::Language::parse(&a.language).unwrap_or_default();
        sitecard_notify::queue(conn, &a.email, message, lang).await?;
    }
    Ok(())
}
