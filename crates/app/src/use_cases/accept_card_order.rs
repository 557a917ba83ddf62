//! The worker accepts a card order: the card is produced only if the order matches the identity document
//! verified in person; otherwise the order goes back to the company for correction.

use sitecard_domain::Language;
use sitecard_domain::identity_match::IdentityMatch;
use sitecard_domain::ids::OrderId;
use sitecard_domain::order_state;
use sitecard_domain::webhook_event::WebhookEventType;
use sitecard_notify::Message;
use sitecard_persistence::accounts::Account;
use sitecard_persistence::audit::{Actor, AuditKind, Subject};
use sitecard_persistence::{audit, orders, persons};

use crate::error::{AppError, FieldError};
use crate::orders_flow::{self, HolderOrder};
use crate::state::AppState;

pub struct AcceptCardOrder {
    pub order_id: OrderId,
    /// The version the worker reviewed.
    pub version: i32,
    /// The account as read with the session at the start of the request; accepting does not change it.
    pub account: Account,
}

pub async fn accept_card_order(state: &AppState, cmd: AcceptCardOrder) -> Result<HolderOrder, AppError> {
    let AcceptCardOrder { order_id: id, version, account } = cmd;
    let txn = sitecard_persistence::begin(&state.db).await?;
    let (order, company) = orders::find_for_holder_with_company(&txn, id, account.id, &account.email).await?.ok_or(AppError::NotFound)?;
    if order.version != version {
        return Err(orders_flow::stale_version());
    }
    let from = order.status;
    let confirmed = order_state::accept(from).map_err(orders_flow::invalid_state)?;

    let missing = orders_flow::missing_contact_fields(&account);
    if !missing.is_empty() {
        return Err(AppError::Unprocessable {
            code: "contact_incomplete",
            detail: "complete your contact details first".into(),
            errors: missing.iter().map(|f| FieldError::new(f.as_str(), "required", "needed before you can accept")).collect(),
        });
    }
    let person_id = account.person_id.ok_or(AppError::Unprocessable {
        code: "identity_not_verified",
        detail: "your identity has not been checked in person yet; visit an identity-verification office".into(),
        errors: vec![],
    })?;
    let person = persons::find(&txn, person_id).await?.ok_or_else(|| AppError::internal("person missing"))?;
    match orders_flow::order_against_document(&order, &person) {
        IdentityMatch::Mismatch(fields) => {
            let to = order_state::identity_mismatch(from).map_err(orders_flow::invalid_state)?;
            let names: Vec<&str> = fields.iter().map(|f| f.as_str()).collect();
            let mismatch_fields = Some(names.iter().map(|f| (*f).to_owned()).collect());
            let ch = orders::OrderUpdate { mismatch_fields, account_id: Some(account.id), ..Default::default() };
            if !orders::transition(&txn, id, order.version, to, ch).await? {
                return Err(orders_flow::stale_version());
            }
            let link = state.link(&format!("/company/{}/orders/{id}", order.company_id));
            orders_flow::notify_admins(
                &txn,
                order.company_id,
                &Message::OrderNeedsCorrection { worker: orders_flow::worker_name(&order), fields: fields.clone(), link },
            )
            .await?;
            audit::append(
                &txn,
                audit::NewAuditEvent {
                    kind: AuditKind::IdentityMismatch,
                    actor: Actor::Account(account.id.into()),
                    subject: Subject::CardOrder(id.into()),
                    data: serde_json::json!({ "fields": names }),
                },
            )
            .await?;
            txn.commit().await?;
            Err(AppError::Unprocessable {
                code: "identity_mismatch",
                detail: format!(
                    "the order does not match your verified passport or ID; {} must correct it before the card can be made",
                    company.name
                ),
                errors: names.iter().map(|f| FieldError::new(*f, "mismatch", "differs from the verified document")).collect(),
            })
        }
        IdentityMatch::Match => {
            let ch = orders::OrderUpdate { account_id: Some(account.id), mismatch_fields: Some(vec![]), ..Default::default() };
            if !orders::transition(&txn, id, order.version, confirmed, ch).await? {
                return Err(orders_flow::stale_version());
            }
            let language = Language::parse(&account.language).unwrap_or_default();
            sitecard_notify::queue(&txn, &order.email, &Message::OrderConfirmed { company: company.name.clone() }, language).await?;
            orders_flow::enqueue_webhooks(&txn, WebhookEventType::OrderConfirmed, id, confirmed.as_str()).await?;
            // The row as the versioned update left it, without reading it back.
            let order = orders::Order {
                status: confirmed,
                version: order.version + 1,
                account_id: Some(account.id),
                mismatch_fields: vec![],
                ..order
            };
            // Read before the audit append: on PostgreSQL that append holds the chain's lock until commit, and every
            // accept queues on it, so nothing else should happen between the two.
            let view = orders_flow::holder_view(&txn, order, company.into(), &account).await?;
            audit::append(
                &txn,
                audit::NewAuditEvent {
                    kind: AuditKind::OrderAccepted,
                    actor: Actor::Account(account.id.into()),
                    subject: Subject::CardOrder(id.into()),
                    data: serde_json::json!({}),
                },
            )
            .await?;
            txn.commit().await?;
            Ok(view)
        }
    }
}
