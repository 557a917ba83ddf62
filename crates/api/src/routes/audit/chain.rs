//! `GET /audit-chain`: the operator checks that the audit log is whole, as `sitecard admin verify-audit-chain`
//! does, without a shell.

use actix_web::{get, web};
use serde::Deserialize;
use sitecard_app::AppError;
use sitecard_domain::Role;
use sitecard_domain::audit_chain::PublishedCheckpoint;
use utoipa::IntoParams;

use crate::auth::CurrentUser;
use crate::error::{ApiError, FieldError};
use sitecard_app::audit_seal::{AuditChainReport, verify_audit_chain};
use sitecard_app::state::AppState;

#[derive(Deserialize, IntoParams)]
pub struct VerifyChainQuery {
    /// A checkpoint published earlier as `NUMBER:HASH` (from `last_checkpoint.published_form`): the log must
    /// still hold it unchanged, which detects a log cut off after it or rewritten.
    #[param(example = "12:5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328")]
    pub published: Option<String>,
}

/// Verify the tamper-evident audit log (operators).
///
/// Operators only. Checks every checkpoint's hash, link to the one before and Ed25519 signature, every sealed event
/// against its checkpoint's Merkle root (RFC 6962), and an optional published checkpoint; a broken log is still a 200
/// with `ok: false` and the first `problem` found. Events are sealed every few seconds; `unsealed_events` counts those
/// written since. Read-only.
#[utoipa::path(tag = "audit", security(("bearer" = [])), params(VerifyChainQuery), responses(
    (status = 200, description = "What verification found", body = AuditChainReport),
    (status = 403, description = "Not an operator"),
    (status = 422, description = "`validation_failed`: `published` is not NUMBER:HASH"),
))]
#[get("/audit-chain")]
pub async fn verify_chain(
    state: web::Data<AppState>,
    user: CurrentUser,
    query: web::Query<VerifyChainQuery>,
) -> Result<web::Json<AuditChainReport>, ApiError> {
    user.require(Role::Operator)?;
    let published = match query.published.as_deref().filter(|p| !p.trim().is_empty()) {
        Some(p) => Some(
            p.parse::<PublishedCheckpoint>().map_err(|e| AppError::Validation(vec![FieldError::new("published", "invalid_format", e)]))?,
        ),
        None => None,
    };
    Ok(web::Json(verify_audit_chain(&state.db, published.as_ref()).await?))
}
