//! A company administrator uploads the worker's portrait: decoded and re-encoded off the async threads, stored,
//! and the order goes to the partner's photo review.

use sitecard_domain::ids::{AccountId, CompanyId, OrderId};
use sitecard_domain::order_state;
use sitecard_persistence::audit::{Actor, AuditKind, Subject};
use sitecard_persistence::{audit, orders};

use crate::error::AppError;
use crate::orders_flow::{self, CompanyOrder};
use crate::photo::{self, PhotoError};
use crate::photo_store::PhotoStore;
use crate::state::AppState;

static DECODES: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(photo::MAX_DECODES_IN_FLIGHT);

fn photo_problem(e: PhotoError) -> AppError {
    match e {
        PhotoError::Unsupported => AppError::UnsupportedImage,
        PhotoError::TooLarge => AppError::PhotoTooLarge,
        PhotoError::TooSmall(..) => AppError::Unprocessable { code: "photo_too_small", detail: e.to_string(), errors: vec![] },
        PhotoError::NotPortrait => AppError::Unprocessable { code: "photo_not_portrait", detail: e.to_string(), errors: vec![] },
        PhotoError::Unreadable => AppError::Unprocessable { code: "photo_unreadable", detail: e.to_string(), errors: vec![] },
    }
}

pub struct UploadPortrait {
    pub actor_id: AccountId,
    pub company_id: CompanyId,
    pub order_id: OrderId,
    /// The image as uploaded (at most `photo::MAX_BYTES`).
    pub bytes: Vec<u8>,
}

/// Whether the order still takes a portrait: asked before the upload is read.
pub async fn may_upload_portrait(state: &AppState, company_id: CompanyId, id: OrderId) -> Result<(), AppError> {
    let order = orders_flow::company_order(&state.db, company_id, id).await?;
    let from = order.status;
    order_state::photo_uploaded(from).map_err(orders_flow::invalid_state)?;
    Ok(())
}

pub async fn upload_portrait(state: &AppState, cmd: UploadPortrait) -> Result<CompanyOrder, AppError> {
    let UploadPortrait { actor_id, company_id, order_id: id, bytes } = cmd;
    // Decodes wait their turn, so parallel uploads cannot add up to more memory than `MAX_DECODES_IN_FLIGHT` allow.
    let _turn = DECODES.acquire().await.map_err(AppError::internal)?;
    let portrait = tokio::task::spawn_blocking(move || photo::process(&bytes)).await.map_err(AppError::internal)?.map_err(photo_problem)?;
    drop(_turn);
    let key = PhotoStore::key_for(&portrait.sha256);
    state.photos.put(&key, portrait.jpeg).await?;

    let txn = sitecard_persistence::begin(&state.db).await?;
    let order = orders_flow::company_order(&txn, company_id, id).await?;
    let from = order.status;
    let to = order_state::photo_uploaded(from).map_err(orders_flow::invalid_state)?;
    let ch = orders::OrderUpdate { photo: Some((key, portrait.sha256.clone())), ..Default::default() };
    if !orders::transition(&txn, id, order.version, to, ch).await? {
        return Err(orders_flow::stale_version());
    }
    audit::append(
        &txn,
        audit::NewAuditEvent {
            kind: AuditKind::PhotoUploaded,
            actor: Actor::Account(actor_id.into()),
            subject: Subject::CardOrder(id.into()),
            data: serde_json::json!({ "sha256": portrait.sha256, "width": portrait.width, "height": portrait.height }),
        },
    )
    .await?;
    let order = orders::find(&txn, id).await?.ok_or(AppError::NotFound)?;
    let view = orders_flow::company_view(&txn, order, true).await?;
    txn.commit().await?;
    Ok(view)
}
