//! The production partner approves or rejects an order's portrait: approved goes to the worker to check and
//! accept, rejected back to the company for a new photo.

use sitecard_domain::ids::OrderId;
use sitecard_domain::order_state;
use sitecard_domain::webhook_event::WebhookEventType;
use sitecard_notify::Message;
use sitecard_persistence::audit::{Actor, AuditKind, Subject};
use sitecard_persistence::{audit, companies, orders};

use crate::error::AppError;
use crate::orders_flow::{self, CompanyOrder};
use crate::state::AppState;

/// The partner's decision.
pub enum PhotoVerdict {
    Approved,
    /// The company sees the reason.
    Rejected {
        reason: String,
    },
}

pub struct ReviewPortrait {
    pub partner_client_id: String,
    pub order_id: OrderId,
    pub verdict: PhotoVerdict,
}

pub async fn review_portrait(state: &AppState, cmd: ReviewPortrait) -> Result<CompanyOrder, AppError> {
    let ReviewPortrait { partner_client_id, order_id: id, verdict } = cmd;
    let (approve, reason) = match verdict {
        PhotoVerdict::Approved => (true, None),
        PhotoVerdict::Rejected { reason } => (false, Some(reason)),
    };
    let txn = sitecard_persistence::begin(&state.db).await?;
    let order = orders::find(&txn, id).await?.ok_or(AppError::NotFound)?;
    let from = order.status;
    let to =
        if approve { order_state::photo_approved(from) } else { order_state::photo_rejected(from) }.map_err(orders_flow::invalid_state)?;
    let ch = orders::OrderUpdate { reason: Some(reason.clone()), ..Default::default() };
    if !orders::transition(&txn, id, order.version, to, ch).await? {
        return Err(orders_flow::stale_version());
    }
    let company = companies::find(&txn, order.company_id).await?.ok_or(AppError::NotFound)?;
    if approve {
        orders_flow::notify_holder(
            &txn,
            &order,
            &Message::OrderReady { company: company.name, link: state.link(&format!("/orders/{id}")) },
        )
        .await?;
    } else {
        let link = state.link(&format!("/company/{}/orders/{id}", order.company_id));
        orders_flow::notify_admins(
            &txn,
            order.company_id,
            &Message::PhotoRejected { worker: orders_flow::worker_name(&order), reason: reason.clone().unwrap_or_default(), link },
        )
        .await?;
    }
    let event = if approve { WebhookEventType::PhotoApproved } else { WebhookEventType::PhotoRejected };
    let data = crate::webhooks::PhotoWebhookData { order_id: id.into(), status: to.as_str().to_owned(), reason: reason.clone() };
    crate::webhooks::enqueue(&txn, event, &data).await?;
    audit::append(
        &txn,
        audit::NewAuditEvent {
            kind: if approve { AuditKind::PhotoApproved } else { AuditKind::PhotoRejected },
            actor: Actor::Partner,
            subject: Subject::CardOrder(id.into()),
            data: serde_json::json!({ "partner": partner_client_id }),
        },
    )
    .await?;
    let order = orders::find(&txn, id).await?.ok_or(AppError::NotFound)?;
    let view = orders_flow::company_view(&txn, order, true).await?;
    txn.commit().await?;
    Ok(view)
}
